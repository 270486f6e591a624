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

/**
 * The devnet lives in one file in the app's data folder, so the chain and the app's mirror agree after a restart.
 * It is rewritten after every block through a temporary file and a rename: a crash leaves the old or the new
 * chain, never half of one.
 */
export class DevnetStore {
  constructor(private readonly file: string) {}

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

  save(chain: DevnetChain, demo: DemoLets | null): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const stored: StoredDevnet = { version: 1, chain: chain.snapshot(), demo };
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, encodeWire(stored));
    renameSync(temporary, this.file);
  }
}
