import type { ChainNetwork } from '../types';
import type { LetsRules } from './member-types';
import type { OutboxState, SignerChoice } from './outbox-types';

/** Shapes of founding a LETS from this computer: plan, key, funding, the two genesis transactions, followed. */

export interface CollateralTermsView {
  /** nanoERG a member locks when joining. */
  minimumCollateral: bigint;
  /** nanoERG of collateral per minor unit of debt. */
  collateralPerUnit: bigint;
  /** Blocks the collateral stays locked after joining (about 720 a day). */
  lockPeriod: number;
}

/** What the chain will enforce, and what founding it costs, before anything is chosen for good. */
export interface FoundingPlan {
  rules: LetsRules;
  /** nanoERG the founding address must hold: the LETS's box and the fees of both genesis transactions. */
  neededNanoErgs: bigint;
  /** nanoERG each enrolment later takes from the same address (the new account box and the fee). */
  perEnrolmentNanoErgs: bigint | null;
}

export type FoundingStep = 'funding' | 'signing' | 'confirming' | 'done' | 'failed';

export interface FoundingTransaction {
  transactionId: string;
  /** The mint of the membership tokens, then the founding that mints the LETS id into the LETS's box. */
  role: 'mint' | 'found';
  state: OutboxState;
}

export interface FoundingView extends FoundingPlan {
  id: number;
  network: ChainNetwork;
  model: 'committee' | 'trustless';
  name: string;
  unit: string;
  creditFloor: bigint;
  creditCap: bigint | null;
  capacity: number;
  collateral: CollateralTermsView | null;
  signer: SignerChoice;
  keyPath: string;
  /** The committee key (committee model) or the founder's key (trustless): it signs both genesis transactions. */
  publicKey: string;
  /** That key's address, where the ERG for the founding is sent. */
  address: string;
  /** nanoERG the address holds now (confirmed); null when the chain could not be asked just now. */
  availableNanoErgs: bigint | null;
  step: FoundingStep;
  transactions: FoundingTransaction[];
  /** The LETS once the genesis is built (it is followed from then on). */
  letsId: number | null;
  /** What is happening or what to do now, in one sentence. */
  message: string;
}
