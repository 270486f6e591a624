import { ErgoAddress } from '@fleet-sdk/core';
import type { FoundingStep, FoundingTransaction, FoundingView } from '../api/calls/founding-types';
import { buildGenesis, type Genesis } from '../builders/genesis';
import { buildTrustlessGenesis } from '../builders/trustless/trustless-genesis';
import { CURRENT_CONTRACT_VERSION, contractVersion, type LetsTrees } from '../contracts/contract-versions';
import { AppError } from '../errors/app-error';
import { formatErg } from '../lets/amount';
import { ownerAddress } from '../members/owner-address';
import type { Db } from '../mirror/database';
import { trackLetsOnChain } from '../mirror/queries/chain-store';
import { addFounding, finishFounding, recordGenesis, type FoundingRow } from '../mirror/queries/foundings';
import { addLets } from '../mirror/queries/lets';
import { discardOutboxItem, outboxItem } from '../mirror/queries/outbox';
import { recordOwnKeyPath } from '../mirror/queries/own-key-paths';
import type { ChainAccess, ChainNetwork } from '../operations/chain-access';
import { feeWallet } from '../operations/fee-wallet';
import { pendingView } from '../operations/pending-transactions';
import { fileBuiltTransaction } from '../operations/prepared-transaction';
import { addressNetwork, type SigningKeys } from '../operations/signing-keys';
import { networkName } from '../api/network-names';
import { decodeFoundingRequest, encodeFoundingRequest, foundingPlan, FOUNDING_COST, type FoundingRequest } from './founding-request';

/*
 * Founding a LETS from this computer (PROTOCOL.md, genesis): the treasurer's key at a chosen path founds it, its
 * address is funded, then both genesis transactions are built at once and wait in the outbox to be signed and sent in
 * order. Everything is kept in the database at each step, so closing the app between the two transactions resumes
 * there: the second is already built and spends the first's output, and the minted tokens are never stranded.
 */

/**
 * Storage rent (PROTOCOL.md): after four years anyone may take a box holding less ERG than its rent, tokens and all.
 * Version 1 of our contracts has no refresh path, so a mainnet LETS would lose accounts that go untouched that long.
 */
function refuseMainnet(network: ChainNetwork): void {
  if (network !== 'mainnet') return;
  throw new AppError(
    'invalid-input',
    'The app does not found a LETS on mainnet yet: the contracts of this version cannot renew a box against Ergo’s storage rent, so an account left untouched for four years could be taken, with its membership.',
    'Found the LETS on testnet (Settings: a testnet node or the Explorer on testnet) or try it on the demo chain; a later version founds on mainnet.',
  );
}

export interface StartFounding {
  db: Db;
  network: ChainNetwork;
  keys: SigningKeys;
}

/** Reads the founding key at `keyPath` from the signer, remembers where it is, and keeps the founding. */
export async function startFounding({ db, network, keys }: StartFounding, request: FoundingRequest, keyPath: string): Promise<number> {
  refuseMainnet(network);
  const publicKey = await keys.publicKeyAt(keyPath);
  return db.transaction(() => {
    recordOwnKeyPath(db, publicKey, keys.choice, keyPath);
    return addFounding(db, { network, model: request.model, request: encodeFoundingRequest(request), signer: keys.choice, keyPath, publicKey });
  })();
}

/** ERG the founding address holds now, confirmed; null when the chain cannot be asked just now. */
async function available(chain: ChainAccess | undefined, publicKey: string): Promise<bigint | null> {
  if (!chain) return null;
  try {
    const boxes = await chain.unspentByErgoTree(ErgoAddress.fromPublicKey(publicKey).ergoTree);
    return boxes.reduce((sum, box) => sum + BigInt(box.value), 0n);
  } catch {
    return null;
  }
}

function transactionsOf(db: Db, founding: FoundingRow): FoundingTransaction[] {
  const roles = [
    ['mint', founding.mintTransactionId],
    ['found', founding.foundTransactionId],
  ] as const;
  return roles.flatMap(([role, transactionId]) => {
    const item = transactionId === null ? undefined : outboxItem(db, transactionId);
    return item ? [{ transactionId: item.transactionId, role, state: item.state }] : [];
  });
}

function stepOf(founding: FoundingRow, transactions: FoundingTransaction[]): FoundingStep {
  if (founding.letsId === null) return 'funding';
  const states = transactions.map((t) => t.state);
  if (states.length < 2 || states.some((s) => s === 'conflict' || s === 'dropped')) return 'failed';
  if (states.includes('built')) return 'signing';
  return states.every((s) => s === 'confirmed') ? 'done' : 'confirming';
}

const STEP_MESSAGES: Record<Exclude<FoundingStep, 'funding'>, string> = {
  signing: 'Both genesis transactions are built: review and sign them, the first one first.',
  confirming: 'Both genesis transactions are on their way to the chain: the LETS is followed as soon as they are confirmed.',
  done: 'The LETS is on chain and followed: enrol its first members.',
  failed: 'A genesis transaction did not reach the chain (see the outbox for why): send it again, or give the founding up and start afresh.',
};

function fundingMessage(holds: bigint | null, needed: bigint): string {
  if (holds === null) return `Waiting for the chain to answer; the founding needs ${formatErg(needed)} at this address.`;
  if (holds < needed) return `The address holds ${formatErg(holds)} of the ${formatErg(needed)} needed: send ${formatErg(needed - holds)} more.`;
  return `The address holds ${formatErg(holds)}: enough to found the LETS. Build the genesis transactions.`;
}

/** The founding as it stands; `chain` asks what its address holds (while it is being funded). */
export async function foundingView(db: Db, founding: FoundingRow, chain?: ChainAccess): Promise<FoundingView> {
  const request = decodeFoundingRequest(founding.request);
  const transactions = transactionsOf(db, founding);
  const step = stepOf(founding, transactions);
  if (step === 'done' && !founding.finished) finishFounding(db, founding.id);
  const holds = step === 'funding' ? await available(chain, founding.publicKey) : null;
  const { parameters } = request;
  return {
    ...foundingPlan(request),
    id: founding.id,
    network: founding.network,
    model: founding.model,
    name: parameters.name,
    unit: parameters.unit,
    creditFloor: parameters.floor,
    creditCap: parameters.cap,
    capacity: request.capacity,
    collateral: request.collateral,
    signer: founding.signer,
    keyPath: founding.keyPath,
    publicKey: founding.publicKey,
    address: ownerAddress(founding.publicKey, addressNetwork(founding.network)),
    availableNanoErgs: holds,
    step,
    transactions,
    letsId: founding.letsId,
    message: step === 'funding' ? fundingMessage(holds, FOUNDING_COST) : STEP_MESSAGES[step],
  };
}

/** Both genesis transactions of the model, and the trees the LETS will run (the current contract version). */
function genesisOf(request: FoundingRequest, key: string, funding: Awaited<ReturnType<typeof feeWallet>>): { genesis: Genesis; trees: LetsTrees } {
  const version = contractVersion(CURRENT_CONTRACT_VERSION);
  const memberCapacity = request.capacity;
  if (request.model === 'committee' || request.collateral === null) {
    const genesis = buildGenesis({ ...funding, parameters: request.parameters, committeeKey: key, memberCapacity });
    return { genesis, trees: version.committee(genesis.lets) };
  }
  const genesis = buildTrustlessGenesis({ ...funding, parameters: { ...request.parameters, ...request.collateral }, founderKey: key, memberCapacity });
  return { genesis, trees: version.trustless(genesis.lets) };
}

/**
 * Builds both genesis transactions from the funded address and files them in the outbox, unsigned, and starts
 * following the LETS from the next block: its history begins with them, so there is nothing to catch up.
 */
export async function buildFounding(db: Db, chain: ChainAccess, founding: FoundingRow): Promise<void> {
  if (founding.letsId !== null) throw new AppError('conflict', 'The genesis of this LETS is built already.', 'Sign its transactions from the founding screen or the outbox.');
  refuseMainnet(founding.network);
  if (chain.network !== founding.network) {
    throw new AppError('chain-wrong-network', `This founding is on ${networkName(founding.network)}, but the app follows ${networkName(chain.network)}.`, 'Switch back in Settings to carry on with it.');
  }
  const request = decodeFoundingRequest(founding.request);
  const funding = await feeWallet({ db, chain }, founding.publicKey, pendingView(db));
  const holds = funding.walletBoxes.reduce((sum, box) => sum + BigInt(box.value), 0n);
  if (holds < FOUNDING_COST) {
    throw new AppError('invalid-input', `The founding address holds ${formatErg(holds)}, but founding the LETS needs ${formatErg(FOUNDING_COST)}.`, `Send ${formatErg(FOUNDING_COST - holds)} more to ${funding.changeAddress}, wait until it is confirmed, then build again.`);
  }
  const { genesis, trees } = genesisOf(request, founding.publicKey, funding);
  const { lets, transactions } = genesis;
  const [mint, found] = transactions;
  const name = request.parameters.name;
  db.transaction(() => {
    const letsId = addLets(db, { letsTokenId: lets.letsId, name, unit: lets.unit, model: request.model, creditFloor: lets.floor, creditCap: lets.cap });
    trackLetsOnChain(db, {
      letsId,
      network: founding.network,
      membershipTokenId: lets.membershipTokenId,
      accountTree: trees.accountTree,
      ...(request.model === 'committee' ? { managementTree: trees.holderTree } : { publicTokenTree: trees.holderTree }),
      startHeight: funding.height + 1,
      contractVersion: CURRENT_CONTRACT_VERSION,
    });
    const signed = { inputKeys: [] as string[], signedBy: request.model === 'committee' ? 'the committee' : 'the founder' };
    const file = (transaction: typeof mint, description: string) =>
      fileBuiltTransaction(db, { letsId, purpose: 'genesis', description, transaction, ...signed, inputKeys: transaction.inputs.map(() => founding.publicKey) });
    const mintId = file(mint, `Founding ${name} (1 of 2): mint ${request.capacity + 1} membership tokens`);
    const foundId = file(found, `Founding ${name} (2 of 2): put the LETS id and the membership tokens into its ${request.model === 'committee' ? 'management box' : 'public token box'}`);
    recordGenesis(db, founding.id, { letsId, mintTransactionId: mintId, foundTransactionId: foundId });
  })();
}

/** Gives a founding up while nothing of it has gone out: its built transactions and its LETS are removed. */
export function abandonFounding(db: Db, founding: FoundingRow): void {
  const transactions = transactionsOf(db, founding);
  if (transactions.some((t) => t.state !== 'built' && t.state !== 'signed')) {
    throw new AppError('conflict', 'The first genesis transaction has gone out: giving up now would strand its membership tokens.', 'Sign and send the second one to finish the founding.');
  }
  db.transaction(() => {
    for (const t of transactions) discardOutboxItem(db, t.transactionId);
    if (founding.letsId !== null) db.prepare('DELETE FROM lets WHERE id = ?').run(founding.letsId);
    finishFounding(db, founding.id);
  })();
}
