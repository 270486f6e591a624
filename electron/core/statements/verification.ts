import type { StatementBoxReference, StatementNetwork, StatementVerification } from '../api/calls/statement-types';
import { formatAmount } from '../lets/amount';

/*
 * The account box that held the closing balance is the chain's own record of it: its register R5 is the balance in
 * minor units, its single asset is the LETS membership token (PROTOCOL.md, "Account box"). Boxes are immutable, so
 * the record stays checkable after later trades spend the box. The public Ergo Explorer API serves any box by id,
 * spent or not (GET /api/v1/boxes/{boxId}); that is what the QR code opens on mainnet and testnet.
 */
const EXPLORER_API: Record<Exclude<StatementNetwork, 'devnet'>, string> = {
  mainnet: 'https://api.ergoplatform.com/api/v1/boxes/',
  testnet: 'https://api-testnet.ergoplatform.com/api/v1/boxes/',
};

export interface VerificationFacts {
  network: StatementNetwork | null;
  /** The LETS's unit, e.g. "hours". */
  unit: string;
  membershipTokenId: string | null;
  closingBox: StatementBoxReference | null;
  closingBalance: bigint;
}

export function balanceClaim(membershipTokenId: string, box: StatementBoxReference, balance: bigint, unit: string): string {
  return `LETS ${membershipTokenId} box ${box.boxId}: balance ${formatAmount(balance)} ${unit} (register R5 = ${balance}) at height ${box.height}`;
}

export function verification(facts: VerificationFacts): StatementVerification {
  const { network, membershipTokenId, closingBox } = facts;
  if (!closingBox || !membershipTokenId) {
    return {
      claim: null,
      url: null,
      qrContent: null,
      note: 'The member had no account on chain at the end of this period, so there is no balance on chain to check.',
    };
  }
  const claim = balanceClaim(membershipTokenId, closingBox, facts.closingBalance, facts.unit);
  if (network === 'mainnet' || network === 'testnet') {
    const url = `${EXPLORER_API[network]}${closingBox.boxId}`;
    return {
      claim,
      url,
      qrContent: url,
      note: `Anyone can check this balance: the link (or QR code) opens the Ergo ${network} explorer's record of the account box. Its register R5 holds the balance in minor units and its assets include the LETS membership token. A box never changes; if later trades spent it, the record shows that too.`,
    };
  }
  return {
    claim,
    url: null,
    qrContent: null,
    note:
      network === 'devnet'
        ? 'This statement comes from the built-in demo chain, which exists only on this computer: nobody else can check it, so no QR code is printed. On mainnet or testnet a QR code here opens the public record of the account box.'
        : 'The app was not connected to a chain when this statement was made; compare the line above with the account box on an Ergo node or explorer.',
  };
}
