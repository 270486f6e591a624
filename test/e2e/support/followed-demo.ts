import type { DemoLets } from '../../../electron/core/devnet/demo-lets';
import type { AppUnderTest } from './app-under-test';

/** Asks again every 100 ms until `done`, for setup code, where expect.poll is not allowed. */
async function whenTrue(done: () => Promise<boolean>, what: string): Promise<void> {
  for (let waited = 0; waited < 30_000; waited += 100) {
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`gave up waiting until ${what}`);
}

/**
 * The app follows the demo LETS by its id, as a committee computer that did not found it would, and the treasurer
 * types in the members' names (kept on this computer only).
 */
export async function followDemoLets(app: AppUnderTest, demo: DemoLets): Promise<void> {
  const core = app.core.handlers;
  await core['follow.start']({ link: demo.lets.letsId });
  await whenTrue(async () => (await core['lets.list']({}))[0]?.catchUp === null, 'its history is read');
  const list = () => core['members.list']({ search: '', letsId: null, sort: 'name', direction: 'asc' });
  await whenTrue(async () => (await list()).length === demo.members.length, 'every member is listed');
  for (const member of await list()) {
    const name = demo.members.find((m) => m.publicKey === member.ownerKey)?.name ?? '';
    await core['members.update']({ id: member.id, name, contact: '', notes: '' });
  }
}
