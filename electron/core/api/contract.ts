import { z } from 'zod';
import { call } from './call';
import type { AppInfo, ChainStatus, DeviceStatus, LetsSummary, MemberSummary } from './types';

/**
 * The one API contract: every call the renderer may make, named once with its input schema and output type.
 * Main registers handlers from it, preload forwards it, the renderer calls it, the web bridge serves it.
 * Adding a feature means adding one entry here and one handler; the compiler checks the rest.
 */
export const apiContract = {
  'app.info': call<AppInfo>()(z.strictObject({})),
  'chain.status': call<ChainStatus>()(z.strictObject({})),
  'device.status': call<DeviceStatus>()(z.strictObject({})),
  'lets.list': call<LetsSummary[]>()(z.strictObject({})),
  'members.list': call<MemberSummary[]>()(
    z.strictObject({
      search: z.string().trim().max(100, 'Search text can be at most 100 characters.').default(''),
    }),
  ),
} as const;

export type ApiContract = typeof apiContract;
export type CallName = keyof ApiContract;
/** What a caller passes (defaults may be omitted). */
export type CallInput<N extends CallName> = z.input<ApiContract[N]['input']>;
/** What a handler receives, after validation and defaults. */
export type ValidInput<N extends CallName> = z.output<ApiContract[N]['input']>;
export type CallOutput<N extends CallName> = Exclude<ApiContract[N]['output'], undefined>;

export type Handlers = { [N in CallName]: (input: ValidInput<N>) => Promise<CallOutput<N>> | CallOutput<N> };

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(apiContract, name);
}
