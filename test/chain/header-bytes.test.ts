import { describe, expect, it } from 'vitest';
import { blake2b256 } from '../../electron/core/chain/blake2b';
import type { ChainHeader } from '../../electron/core/chain/chain-source';
import { headerBytes, headerBytesWithoutPow, headerIdOf } from '../../electron/core/chain/header-bytes';
import { ALL_REAL, MAINNET_1311598, MAINNET_414474, MAINNET_414474_BYTES, MAINNET_418138, POOL_INVALID_2870, withFields } from '../helpers/real-headers';
import { refusalOf } from '../helpers/refusal';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');


/**
 * The header bytes are ergo's HeaderSerializer, byte for byte: checked against ergo's own vector, and through the ids of
 * real headers of every version the chain has had, which only match if every byte does.
 */
describe('header bytes', () => {
  const blake2b = blake2b256();
  const idOf = (header: ChainHeader) => headerIdOf(headerBytes(header), blake2b);

  it("writes a version 1 header exactly as ergo's test vector: VLQ timestamp and height, nBits big-endian, pk, w, n, d", () => {
    const bytes = headerBytes(MAINNET_414474);
    expect(hex(bytes)).toBe(MAINNET_414474_BYTES);
    expect(bytes.length).toBe(279);
    // 1611874199636 ms as scorex's VLQ, and nBits 118039443 as 4 bytes big-endian, then height 414474 as VLQ.
    expect(hex(bytes).slice(2 * 130, 2 * 136)).toBe('d4d0c1d9f42e');
    expect(hex(bytes).slice(2 * 168, 2 * 175)).toBe('070923938aa619');
    // No new-fields byte in version 1: votes are followed at once by the solution, d last behind its length byte.
    expect(hex(bytes).slice(2 * 175, 2 * 179)).toBe('04030002');
    expect(hex(bytes).slice(-2 * 27, -2 * 26)).toBe('1a');
  });

  it('writes a version 2 header with a zero new-fields length, then only the key and the nonce', () => {
    const bytes = headerBytes(MAINNET_418138);
    const withoutPow = headerBytesWithoutPow(MAINNET_418138);
    expect(withoutPow.at(-1)).toBe(0);
    expect(hex(withoutPow.subarray(-4, -1))).toBe('000000');
    expect(hex(bytes)).toBe(hex(withoutPow) + MAINNET_418138.powSolutions.pk + MAINNET_418138.powSolutions.n);
    expect(idOf(MAINNET_418138)).toBe(MAINNET_418138.id);
  });

  it.each(ALL_REAL.map((header) => [`${header.height} (version ${header.version})`, header] as const))(
    'recomputes the id of real header %s from its fields',
    (_, header) => {
      expect(idOf(header)).toBe(header.id);
    },
  );

  it('recomputes the id of a header whose proof of work is wrong: the id covers the bytes, not the work', () => {
    expect(idOf(POOL_INVALID_2870)).toBe(POOL_INVALID_2870.id);
  });

  it('gives another id when any field changes by one byte', () => {
    const flip = (text: string) => (text[0] === '0' ? '1' : '0') + text.slice(1);
    const changes: Partial<ChainHeader>[] = [
      { version: 4 },
      { parentId: flip(MAINNET_1311598.parentId) },
      { adProofsRoot: flip(MAINNET_1311598.adProofsRoot) },
      { transactionsRoot: flip(MAINNET_1311598.transactionsRoot) },
      { stateRoot: flip(MAINNET_1311598.stateRoot) },
      { timestamp: MAINNET_1311598.timestamp + 1 },
      { extensionHash: flip(MAINNET_1311598.extensionHash) },
      { nBits: MAINNET_1311598.nBits + 1 },
      { height: MAINNET_1311598.height + 1 },
      { votes: '000000' },
    ];
    for (const change of changes) expect(idOf(withFields(MAINNET_1311598, change))).not.toBe(MAINNET_1311598.id);
    expect(idOf(withFields(MAINNET_1311598, { powSolutions: { n: flip(MAINNET_1311598.powSolutions.n) } }))).not.toBe(MAINNET_1311598.id);
    expect(idOf(withFields(MAINNET_1311598, { powSolutions: { pk: `02${MAINNET_1311598.powSolutions.pk.slice(2)}` } }))).not.toBe(MAINNET_1311598.id);
    expect(idOf(withFields(MAINNET_414474, { powSolutions: { d: MAINNET_414474.powSolutions.d + 1n } }))).not.toBe(MAINNET_414474.id);
  });

  it('leaves w and d out of a version 2 header, as ergo does', () => {
    expect(idOf(withFields(MAINNET_1311598, { powSolutions: { w: '03'.padEnd(66, '1'), d: 42n } }))).toBe(MAINNET_1311598.id);
  });

  it('writes the new fields of a version 5 header behind their length, as HeaderSerializer does above version 1', () => {
    const version5 = withFields(MAINNET_1311598, { version: 5, unparsedBytes: 'abcdef' });
    const withoutPow = hex(headerBytesWithoutPow(version5));
    const withoutNewFields = hex(headerBytesWithoutPow(withFields(MAINNET_1311598, { version: 5 })));
    expect(withoutNewFields.endsWith('00')).toBe(true);
    expect(withoutPow).toBe(`${withoutNewFields.slice(0, -2)}03abcdef`);
  });

  it('refuses new fields where ergo reads none (versions 1 to 4), and fields of the wrong size or not hexadecimal', () => {
    const refusals = [
      withFields(MAINNET_1311598, { unparsedBytes: 'ab' }),
      withFields(MAINNET_414474, { unparsedBytes: 'ab' }),
      withFields(MAINNET_1311598, { version: 5, unparsedBytes: 'a' }),
      withFields(MAINNET_1311598, { version: 5, unparsedBytes: 'ab'.repeat(256) }),
      withFields(MAINNET_1311598, { version: 0 }),
      withFields(MAINNET_1311598, { version: 128 }),
      withFields(MAINNET_1311598, { parentId: MAINNET_1311598.parentId.slice(2) }),
      withFields(MAINNET_1311598, { stateRoot: MAINNET_1311598.stateRoot.slice(2) }),
      withFields(MAINNET_1311598, { extensionHash: `zz${MAINNET_1311598.extensionHash.slice(2)}` }),
      withFields(MAINNET_1311598, { votes: '0000' }),
      withFields(MAINNET_1311598, { timestamp: -1 }),
      withFields(MAINNET_1311598, { timestamp: 1.5 }),
      withFields(MAINNET_1311598, { nBits: 2 ** 32 }),
      withFields(MAINNET_1311598, { height: 0 }),
      withFields(MAINNET_1311598, { powSolutions: { n: '00' } }),
      withFields(MAINNET_414474, { powSolutions: { d: -1n } }),
      withFields(MAINNET_414474, { powSolutions: { w: '02' } }),
    ];
    for (const header of refusals) {
      const error = refusalOf(() => headerBytes(header));
      expect(error.code).toBe('chain-response-invalid');
      expect(error.message).toMatch(/^The chain source sent a block header \(height \d+, id [0-9a-f]{12}…\) whose .+: nothing of it was stored\.$/);
    }
  });

  it('writes d as its shortest big-endian bytes behind a length byte, and zero as one zero byte', () => {
    const tail = (d: bigint) => hex(headerBytes(withFields(MAINNET_414474, { powSolutions: { d } }))).slice(-2 * 4);
    expect(tail(0n).slice(-4)).toBe('0100');
    expect(tail(0xabn).slice(-4)).toBe('01ab');
    expect(tail(0x1ffn).slice(-6)).toBe('0201ff');
  });
});
