import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
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
});
