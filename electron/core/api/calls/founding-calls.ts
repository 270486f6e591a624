import { z } from 'zod';
import { call } from '../call';
import type { FoundingPlan, FoundingView } from './founding-types';

const id = z.number().int().positive();
const amountText = (what: string) => z.string().trim().max(24, `The ${what} is too long.`);
const nanoErgText = (what: string) => z.string().trim().regex(/^\d{1,19}$/, `The ${what} must be a whole number of nanoERG.`);

/** What the treasurer chooses for a new LETS: written on chain at genesis, never to change. */
const letsChoice = z.strictObject({
  model: z.enum(['committee', 'trustless']),
  name: z.string().trim().min(1, 'Give the LETS a name.').max(64, 'The name can be at most 64 characters.'),
  unit: z.string().trim().min(1, 'Give the unit a name, such as EUR-LETS or hours.').max(64, 'The unit can be at most 64 characters.'),
  floor: amountText('credit floor').min(1, 'Enter the credit floor, such as −200.00.'),
  /** Empty: no cap. */
  cap: amountText('credit cap'),
  capacity: z.number({ error: 'Enter how many members the LETS may have.' }).int('The member capacity is a whole number.').min(1, 'A LETS needs room for at least one member.').max(1_000_000, 'A LETS can have at most 1 000 000 members.'),
  /** Trustless model only. */
  collateral: z
    .strictObject({ minimumCollateral: nanoErgText('minimum collateral'), collateralPerUnit: nanoErgText('collateral per unit'), lockPeriod: z.number().int().min(0).max(2_628_000) })
    .nullable()
    .default(null),
});

/** Founding a LETS: the plan, the key that founds it, its funding, the two genesis transactions. */
export const foundingCalls = {
  /** What the chain will enforce for these parameters, and what founding costs; nothing is stored. */
  'founding.plan': call<FoundingPlan>()(letsChoice),
  /** Chooses the founding key (read from the signer at the path) and keeps the founding, so it survives a restart. */
  'founding.start': call<FoundingView>()(
    letsChoice.extend({
      signer: z.enum(['ledger', 'demo-key']),
      account: z.number().int().min(0, 'The account is a number from 0.').max(2_147_483_647),
      index: z.number().int().min(0, 'The address index is a number from 0.').max(2_147_483_647),
    }),
  ),
  /** The founding not finished on the network the app follows, if any: where to carry on after a restart. */
  'founding.current': call<FoundingView | null>()(z.strictObject({})),
  /** A founding as it stands now, with the ERG its address holds. */
  'founding.get': call<FoundingView>()(z.strictObject({ id })),
  /** Builds both genesis transactions from the funded address, files them in the outbox, and follows the LETS. */
  'founding.build': call<FoundingView>()(z.strictObject({ id })),
  /** Gives the founding up, as long as its first transaction has not gone out. */
  'founding.abandon': call<null>()(z.strictObject({ id })),
  /** The demo chain only: pays demo coins to the founding address. */
  'founding.demoCoins': call<FoundingView>()(z.strictObject({ id })),
} as const;
