import type { LetsRules, RuleText } from '../api/calls/member-types';
import type { LetsSummary } from '../api/types';

/** What the rules of a LETS are written from: its parameters. */
type RulesOf = Pick<LetsSummary, 'id' | 'name' | 'unit' | 'model' | 'creditFloor' | 'creditCap'>;
import type { CollateralTerms } from '../contracts/trustless/trustless-parameters';
import { formatAmount, formatErg } from './amount';

/** What a trustless LETS states on chain beyond the common parameters; null until the mirror has read its genesis. */
export interface TrustlessFacts {
  terms: CollateralTerms;
  membershipsLeft: bigint | null;
}

// Ergo aims at a block every two minutes: 720 a day.
const BLOCKS_PER_DAY = 720;

function lockInWords(blocks: number): string {
  const days = blocks / BLOCKS_PER_DAY;
  return days >= 1 ? `${blocks} blocks (about ${Math.round(days)} day${Math.round(days) === 1 ? '' : 's'})` : `${blocks} blocks`;
}

/** The rules both models share: the account contract checks every payment the same way (PROTOCOL.md, trade). */
function paymentRules(lets: RulesOf): RuleText[] {
  const unit = lets.unit;
  return [
    { rule: 'Credit floor', detail: `No payment can take a balance below ${formatAmount(lets.creditFloor)} ${unit}.` },
    {
      rule: 'Credit cap',
      detail: lets.creditCap === null ? 'This LETS has no cap: any balance above zero is allowed.' : `No payment can take a balance above ${formatAmount(lets.creditCap)} ${unit}.`,
    },
    { rule: 'Conservation', detail: 'Every payment moves exactly its amount from the payer to the payee, so all balances always add up to zero.' },
    { rule: 'Payer signs', detail: 'Only the payer’s own key can pay from an account; nobody else can move a member’s balance.' },
  ];
}

const MEMBER_METADATA: RuleText = {
  rule: 'Names, contacts and notes',
  detail: 'Kept only on this computer and never put on chain; the chain knows members by their keys alone.',
};

function committeeRules(lets: RulesOf): LetsRules {
  return {
    letsId: lets.id,
    name: lets.name,
    model: 'committee',
    enforcedByChain: [
      ...paymentRules(lets),
      { rule: 'Enrolment', detail: 'Only the committee’s key can open an account, at 0.00, with exactly one membership token that can never leave it.' },
      { rule: 'Closing', detail: 'The committee can close an account only when its balance is exactly 0.00; the membership returns to the pool.' },
      { rule: 'Committee powers', detail: 'Enrolling, closing and changing the committee key need the committee’s signature; none of them can move a balance.' },
    ],
    keptByApp: [
      { rule: 'Settling before leaving', detail: 'A member who stops trading with a debt cannot be made to settle it; asking them to return to 0.00 is up to the committee.' },
      { rule: 'Who may join', detail: 'The chain only checks that the committee signed an enrolment; whom to enrol is the committee’s decision.' },
      MEMBER_METADATA,
    ],
  };
}

function trustlessRules(lets: RulesOf, facts: TrustlessFacts | null): LetsRules {
  const terms = facts?.terms;
  const left = facts?.membershipsLeft;
  return {
    letsId: lets.id,
    name: lets.name,
    model: 'trustless',
    enforcedByChain: [
      ...paymentRules(lets),
      {
        rule: 'Collateral backs debt',
        detail: terms
          ? `A balance can go below zero only as far as the member’s locked ERG backs: ${formatErg(terms.collateralPerUnit * 100n)} per 1.00 ${lets.unit} of debt.`
          : 'A balance can go below zero only as far as the member’s locked ERG backs it.',
      },
      {
        rule: 'Joining',
        detail: `Anyone can join from their own wallet by locking ${terms ? `at least ${formatErg(terms.minimumCollateral)}` : 'collateral'}; every new account starts at 0.00.${left === undefined || left === null ? '' : ` ${left} more can join.`}`,
      },
      {
        rule: 'Lock period',
        detail: `Collateral stays locked for ${terms ? lockInWords(terms.lockPeriod) : 'the lock period'} after joining; the unlock height is fixed at the join and cannot be moved.`,
      },
      { rule: 'Withdrawal', detail: 'Collateral can be taken back only after the lock, and only from an account at exactly 0.00; the membership returns to the pool.' },
      { rule: 'No committee', detail: 'Nobody holds a key over this LETS: its rules cannot be changed by anyone.' },
    ],
    keptByApp: [
      { rule: 'Settling before leaving', detail: 'A member in debt can walk away and leave their collateral locked for good; nobody can take it to pay the debt.' },
      { rule: 'Following read-only', detail: 'Members trade from their own wallets; this app follows the LETS and prints statements, it cannot sign for it.' },
      MEMBER_METADATA,
    ],
  };
}

/** The rules of one followed LETS in words, for the Settings screen (PROTOCOL.md, "What the chain enforces versus the app"). */
export function letsRules(lets: RulesOf, facts: TrustlessFacts | null): LetsRules {
  return lets.model === 'trustless' ? trustlessRules(lets, facts) : committeeRules(lets);
}
