import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/core/api/dispatch';
import { createCore, type Core } from '../../electron/core/app/core';
import { startWithDemo } from '../helpers/demo-core';

describe('the transaction calls, through the dispatcher as the renderer makes them', () => {
  let core: Core;
  let call: (name: string, input: unknown) => Promise<unknown>;
  const ids: Record<string, number> = {};
  let letsId: number;
  const dataDir = mkdtempSync(join(tmpdir(), 'lets-outbox-calls-'));

  beforeAll(async () => {
    core = createCore({ databasePath: join(dataDir, 'mirror.sqlite'), appVersion: 'test' });
    await startWithDemo(core);
    const dispatcher = createDispatcher(core.handlers, (error) => {
      throw error;
    });
    call = async (name, input) => {
      const result = await dispatcher.dispatch(name, input);
      if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
      return result.value;
    };
    // The mirror catches up with the seeded demo within a couple of sync passes.
    let members: { id: number; name: string; letsId: number; balance: bigint | null }[] = [];
    for (let attempt = 0; attempt < 100 && (members.length === 0 || members.some((m) => m.balance === null)); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      members = (await call('members.list', { letsId: null })) as typeof members;
    }
    for (const member of members.filter((m) => ['Alice', 'Bob', 'Charlie'].includes(m.name))) {
      ids[member.name] = member.id;
      letsId = member.letsId;
    }
  }, 60_000);

  afterAll(async () => {
    await core?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses an amount that is not one, saying what to type', async () => {
    await expect(call('trades.prepare', { letsId, payerId: ids.Alice, payeeId: ids.Bob, amount: '2.505' })).rejects.toMatchObject({
      code: 'invalid-input',
      message: '"2.505" is not an amount.',
      hint: 'Enter an amount such as 2.50 (at most two decimals).',
    });
  });

  it('refuses a signer name it does not know before touching anything', async () => {
    await expect(call('outbox.sign', { transactionId: 'ab'.repeat(32), signer: 'paper' })).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('prepares, lists, signs with the demo key and sends a trade; the outbox follows it', async () => {
    const prepared = (await call('trades.prepare', { letsId, payerId: ids.Bob, payeeId: ids.Alice, amount: '0.10', description: 'a stamp' })) as { transactionId: string };
    expect(await call('outbox.list', {})).toEqual([expect.objectContaining({ transactionId: prepared.transactionId, state: 'built', description: 'Bob pays Alice 0.10 EUR-LETS for a stamp' })]);
    // The review of a transaction filed earlier is read from the transaction again, with its memo beside it.
    expect(await call('outbox.review', { transactionId: prepared.transactionId })).toMatchObject({
      reading: { kind: 'trade', headline: 'Bob pays Alice 0.10 EUR-LETS', amount: 10n, warnings: [] },
      memo: 'a stamp',
      signedBy: 'Bob',
    });

    const sent = await call('outbox.sign', { transactionId: prepared.transactionId, signer: 'demo-key' });
    expect(sent).toMatchObject({ state: 'submitted', lastError: null });
    expect(sent).not.toHaveProperty('signedJson');
  });

  it('exports an unsigned trade as EIP-12 JSON for another wallet', async () => {
    const prepared = (await call('trades.prepare', { letsId, payerId: ids.Charlie, payeeId: ids.Bob, amount: '1' })) as { transactionId: string };
    const file = (await call('outbox.export', { transactionId: prepared.transactionId })) as { fileName: string; json: string };
    expect(file.fileName).toBe(`lets-unsigned-${prepared.transactionId.slice(0, 12)}.json`);
    expect(JSON.parse(file.json)).toMatchObject({ inputs: expect.any(Array), outputs: expect.any(Array), dataInputs: [] });
    await call('outbox.discard', { transactionId: prepared.transactionId });
    expect(((await call('outbox.list', {})) as { transactionId: string }[]).map((e) => e.transactionId)).not.toContain(prepared.transactionId);
  });
});
