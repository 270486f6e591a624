import { z } from 'zod';
import { call } from '../call';
import type { CommitteeKeyCheck, FollowPreview, LetsShare } from './following-types';

const letsId = z.number().int().positive();
const link = z
  .string({ error: 'Paste a LETS link or a LETS id.' })
  .trim()
  .min(1, 'Paste a LETS link or a LETS id.')
  .max(300, 'A LETS link is shorter than that: copy it again from “Share this LETS”.');

/** Following a LETS by its link or id, catching up its history, and sharing the link of a LETS followed here. */
export const followingCalls = {
  /** Finds the LETS on the chain the app follows and checks it is one of ours; nothing is stored. */
  'follow.find': call<FollowPreview>()(z.strictObject({ link })),
  /** Finds and checks the LETS again, then follows it: its history is caught up in the background. */
  'follow.start': call<{ letsId: number }>()(z.strictObject({ link })),
  /** Pauses or resumes the catch-up of a LETS's history; what was read is kept. */
  'follow.pause': call<null>()(z.strictObject({ letsId, paused: z.boolean() })),
  'lets.share': call<LetsShare>()(z.strictObject({ letsId })),
  /** Looks for the committee key of a committee LETS on the connected Ledger (its first addresses of account 0). */
  'lets.checkCommitteeKey': call<CommitteeKeyCheck>()(z.strictObject({ letsId })),
} as const;
