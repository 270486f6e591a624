import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import os from 'node:os';

const BENCHMARKS_FILE = resolve(import.meta.dirname, '../../BENCHMARKS.md');
const HEADER = '# Benchmarks\n\nProduced by `npm run bench`; each section is rewritten by the benchmark named in it.\n\n';

/** A one-line description of the machine, so numbers in BENCHMARKS.md can be compared fairly. */
export function machineLine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} × ${cpu}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
}

/** Replaces (or appends) the section `## title` in BENCHMARKS.md, leaving the others untouched. */
export function writeBenchmarkSection(title: string, body: string): void {
  const current = existsSync(BENCHMARKS_FILE) ? readFileSync(BENCHMARKS_FILE, 'utf8') : HEADER;
  const sections = current.split(/^(?=## )/m);
  const head = sections[0] ?? HEADER;
  const others = sections.slice(1).filter((s) => !s.startsWith(`## ${title}\n`));
  const section = `## ${title}\n\n${body.trim()}\n\n`;
  writeFileSync(BENCHMARKS_FILE, [head, ...others, section].join(''));
}
