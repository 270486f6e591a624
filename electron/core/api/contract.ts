import type { z } from 'zod';
import { appCalls } from './calls/app-calls';
import { dashboardCalls } from './calls/dashboard-calls';
import { followingCalls } from './calls/following-calls';
import { foundingCalls } from './calls/founding-calls';
import { ledgerCalls } from './calls/ledger-calls';
import { memberCalls } from './calls/member-calls';
import { outboxCalls } from './calls/outbox-calls';
import { reportCalls } from './calls/report-calls';
import { settingsCalls } from './calls/settings-calls';
import { statementCalls } from './calls/statement-calls';

/**
 * The one API contract: every call the renderer may make, named once with its input schema and output type.
 * Main registers handlers from it, preload forwards it, the renderer calls it, the web bridge serves it.
 * Each area of the app declares its calls in `calls/<area>-calls.ts`; adding a feature means adding one entry
 * there and one handler in `app/handlers/`; the compiler checks the rest.
 */
export const apiContract = {
  ...appCalls,
  ...dashboardCalls,
  ...followingCalls,
  ...foundingCalls,
  ...ledgerCalls,
  ...memberCalls,
  ...outboxCalls,
  ...reportCalls,
  ...settingsCalls,
  ...statementCalls,
} as const;

export type ApiContract = typeof apiContract;
export type CallName = keyof ApiContract;
/** What a caller passes (defaults may be omitted). */
export type CallInput<N extends CallName> = z.input<ApiContract[N]['input']>;
/** What a handler receives, after validation and defaults. */
export type ValidInput<N extends CallName> = z.output<ApiContract[N]['input']>;
export type CallOutput<N extends CallName> = Exclude<ApiContract[N]['output'], undefined>;

export type Handler<N extends CallName> = (input: ValidInput<N>) => Promise<CallOutput<N>> | CallOutput<N>;
export type Handlers = { [N in CallName]: Handler<N> };
/** The handlers of one area's calls, e.g. `AreaHandlers<typeof memberCalls>`. */
export type AreaHandlers<Calls> = { [N in keyof Calls & CallName]: Handler<N> };

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(apiContract, name);
}
