import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { decodeWire, encodeWire } from '../api/wire';
import { AppError } from '../errors/app-error';
import type { DemoLets } from './demo-lets';
import { DevnetChain, type DevnetOptions } from './devnet-chain';

interface StoredDevnet {
  version: 1;
  chain: ReturnType<DevnetChain['snapshot']>;
  demo: DemoLets | null;
}

/** How long saveSoon waits, gathering changes: a burst of blocks costs one write of the file. */
export const SAVE_DELAY_MS = 1_000;

/**
 * The devnet lives in one file in the app's data folder, so the chain and the app's mirror agree after a restart.
 * It is rewritten through a temporary file and a rename: a crash leaves the old or the new chain, never half of one.
 * Changes are gathered for a moment (saveSoon) rather than written per block; a crash may then lose the newest
 * blocks, which the mirror sees as a reorganisation and rolls back, as it would on a real chain.
 */
export class DevnetStore {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private unsaved: { chain: DevnetChain; demo: DemoLets | null } | undefined;

  constructor(private readonly file: string) {}

  /** Saves within SAVE_DELAY_MS, together with any other change in that time. */
  saveSoon(chain: DevnetChain, demo: DemoLets | null): void {
    this.unsaved = { chain, demo };
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), SAVE_DELAY_MS);
    this.timer.unref();
  }

  /** Writes what saveSoon is still holding, now (on shutdown). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const unsaved = this.unsaved;
    this.unsaved = undefined;
    if (unsaved) this.save(unsaved.chain, unsaved.demo);
  }

  load(options: DevnetOptions = {}): { chain: DevnetChain; demo: DemoLets | null } | null {
    if (!existsSync(this.file)) return null;
    try {
      const stored = decodeWire(readFileSync(this.file, 'utf8')) as StoredDevnet;
      if (stored.version !== 1) throw new Error(`unknown devnet file version ${String(stored.version)}`);
      return { chain: DevnetChain.restore(stored.chain, options), demo: stored.demo };
    } catch (error) {
      throw new AppError('database-error', `The demo chain in ${this.file} could not be read.`, `Delete that file to start a fresh demo chain. (${(error as Error).message})`);
    }
  }

  /**
   * Writes the chain and demo now. Whatever saveSoon was still holding is older than this (the chain is the same
   * object; the demo it held may be from before seeding finished), so it is dropped rather than written over this.
   */
  save(chain: DevnetChain, demo: DemoLets | null): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.unsaved = undefined;
    mkdirSync(dirname(this.file), { recursive: true });
    const stored: StoredDevnet = { version: 1, chain: chain.snapshot(), demo };
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, encodeWire(stored));
    renameSync(temporary, this.file);
  }
}
