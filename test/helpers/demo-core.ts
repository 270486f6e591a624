import type { Core } from '../../electron/core/app/core';

/** Starts the core's chain as a newcomer does after choosing "Try the demo": the demo chain with its demo LETS. */
export async function startWithDemo(core: Core): Promise<void> {
  await core.handlers['settings.update']({ chainSource: 'devnet', demoLets: true });
  await core.startChain();
}
