import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { foundLets } from '../../electron/core/devnet/demo-lets';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { DevnetStore, SAVE_DELAY_MS } from '../../electron/core/devnet/devnet-store';
import { tempDir } from '../helpers/temp-dir';

describe('the devnet file', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gathers a burst of blocks into one write, made after a short delay', () => {
    vi.useFakeTimers();
    const file = join(tempDir(), 'devnet-chain.json');
    const store = new DevnetStore(file);
    const save = vi.spyOn(store, 'save');
    const chain = new DevnetChain({ now: () => 1_767_225_600_000, onChange: (c) => store.saveSoon(c, null) });
    chain.mineMany(20);
    expect(existsSync(file)).toBe(false);
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect(save).toHaveBeenCalledTimes(1);
    expect(store.load()?.chain.height).toBe(20);
  });

  it('writes what is still waiting when flushed on shutdown', async () => {
    const file = join(tempDir(), 'devnet-chain.json');
    const store = new DevnetStore(file);
    const chain = new DevnetChain({ now: () => 1_767_225_600_000, onChange: (c) => store.saveSoon(c, null) });
    chain.mineMany(3);
    store.flush();
    const loaded = store.load();
    expect(await loaded?.chain.tip()).toEqual(await chain.tip());
  });

  it('keeps what a save wrote: changes gathered before it, with an older demo, do not overwrite it later', async () => {
    vi.useFakeTimers();
    const store = new DevnetStore(join(tempDir(), 'devnet-chain.json'));
    // As on first start: blocks mined while the demo is seeded are gathered with no demo yet, then the demo is saved.
    const chain = new DevnetChain({ now: () => 1_767_225_600_000, onChange: (c) => store.saveSoon(c, null) });
    const { demo } = await foundLets(chain, { parameters: { name: 'Riverside LETS', unit: 'EUR-LETS', floor: -200_00n, cap: null }, memberNames: ['Alice'] });
    store.save(chain, demo);
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    store.flush();
    expect(store.load()?.demo?.lets.letsId).toBe(demo.lets.letsId);
  });
});
