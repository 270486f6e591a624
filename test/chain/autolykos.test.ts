import { beforeAll, describe, expect, it } from 'vitest';
import { calcN, GROUP_ORDER, HeaderCheck } from '../../electron/core/chain/autolykos';
import type { ChainHeader } from '../../electron/core/chain/chain-source';
import { decodeCompactBits } from '../../electron/core/chain/difficulty';
import { DEVNET_NBITS, mineDevnetHeader } from '../../electron/core/devnet/devnet-miner';
import { mineForTest, nonceOf } from '../helpers/autolykos-miner';
import {
  MAINNET_1311598,
  MAINNET_1311599,
  MAINNET_123405,
  MAINNET_414474,
  MAINNET_V1,
  MAINNET_V2_AND_LATER,
  POOL_INVALID_2870,
  TESTNET,
  TESTNET_141531,
  withFields,
} from '../helpers/real-headers';
import { blake2b256 } from '../../electron/core/chain/blake2b';
import { refusalOf } from '../helpers/refusal';

const fromHex = (text: string) => Uint8Array.from(Buffer.from(text, 'hex'));
const flip = (text: string) => (text[0] === '0' ? '1' : '0') + text.slice(1);


/** A version 2 header with nothing real about it, for the miners to solve. */
const draft = (fields: Partial<ChainHeader> = {}): Omit<ChainHeader, 'id' | 'nBits'> => ({
  parentId: '11'.repeat(32),
  height: 1_400_000,
  timestamp: 1_750_000_000_000,
  version: 3,
  adProofsRoot: '22'.repeat(32),
  stateRoot: '33'.repeat(33),
  transactionsRoot: '44'.repeat(32),
  extensionHash: '55'.repeat(32),
  votes: '000000',
  unparsedBytes: '',
  powSolutions: { pk: MAINNET_1311598.powSolutions.pk, w: MAINNET_1311598.powSolutions.w, n: '0000000000000000', d: 0n },
  ...fields,
});

describe('Autolykos proof of work', () => {
  let checks: HeaderCheck;
  beforeAll(async () => {
    checks = new HeaderCheck(blake2b256());
  });

  it('sizes the table as ergo does: 2^26 in version 1, growing 5 % every 51 200 blocks from 614 400 in version 2', () => {
    // ergo's calcN test vectors (AutolykosPowSchemeSpec.scala, "calcN test vectors").
    expect([700_000, 100_000, 70_000_000].map((height) => calcN(1, height))).toEqual([2 ** 26, 2 ** 26, 2 ** 26]);
    expect(calcN(2, 500_000)).toBe(2 ** 26);
    expect(calcN(2, 600_000)).toBe(2 ** 26);
    expect(calcN(2, 600 * 1024)).toBe(70_464_240);
    expect(calcN(2, 650 * 1024)).toBe(73_987_410);
    expect(calcN(2, 700_000)).toBe(73_987_410);
    expect(calcN(2, 788_400)).toBe(81_571_035);
    expect(calcN(2, 1_051_200)).toBe(104_107_290);
    expect(calcN(2, 4_198_400)).toBe(2_143_944_600);
    expect(calcN(2, 41_984_000)).toBe(2_143_944_600);
  });

  it("computes ergo's version 2 hit for the first block with a larger table (height 614 400)", () => {
    // AutolykosPowSchemeSpec.scala, "test vectors for first increase in N value": msg, N, hit ("from a miner dev") and b.
    // Its timestamp (4928911477310178288) is beyond what a ChainHeader's number holds, so the vector starts at msg.
    const message = fromHex('548c3e602a8f36f8f2738f5f643b02425038044d98543a51cabaa9785e7e864f');
    const hit = checks.hitForVersion2(message, fromHex('0000000000003105'), 614_400, calcN(2, 614_400));
    expect(hit).toBe(0x0002fcb113fe65e5754959872dfdbffea0489bf830beb4961ddc0e9e66a1412an);
    const target = GROUP_ORDER / decodeCompactBits(37_748_736);
    expect(target).toBe(7067388259113537318333190002971674063283542741642755394446115914399301849n);
    expect(hit < target).toBe(true);
    // The same message one bit off misses the target by far.
    message[0] = message[0]! ^ 1;
    expect(checks.hitForVersion2(message, fromHex('0000000000003105'), 614_400, calcN(2, 614_400)) < target).toBe(false);
  });

  it.each([...MAINNET_V1, ...MAINNET_V2_AND_LATER].map((header) => [`${header.height} (version ${header.version})`, header] as const))(
    'accepts real mainnet header %s: its id and its proof of work',
    (_, header) => {
      expect(checks.proofOfWorkHolds(header)).toBe(true);
      expect(() => checks.checkHeader(header)).not.toThrow();
    },
  );

  it.each(TESTNET.map((header) => [`${header.height}`, header] as const))('accepts real testnet header %s', (_, header) => {
    expect(checks.proofOfWorkHolds(header)).toBe(true);
    expect(() => checks.checkHeader(header)).not.toThrow();
  });

  it("refuses the header ergo's tests keep as a pool's invalid solution, though its id is right", () => {
    expect(() => checks.checkId(POOL_INVALID_2870)).not.toThrow();
    const error = refusalOf(() => checks.checkHeader(POOL_INVALID_2870));
    expect(error.code).toBe('chain-response-invalid');
    expect(error.message).toBe(
      'The chain source sent a block header (height 2870, id 5b0ce6711de6…) whose proof of work does not hold: nothing of it was stored.',
    );
    expect(error.hint).toMatch(/another node you trust/);
  });

  it('refuses a header whose nonce changed, in version 1, 2 and 3, even with its id recomputed', () => {
    for (const header of [MAINNET_414474, MAINNET_123405, TESTNET_141531, MAINNET_1311598]) {
      const changed = withFields(header, { powSolutions: { n: flip(header.powSolutions.n) } });
      expect(refusalOf(() => checks.checkHeader(changed)).message).toMatch(/whose content does not match its id/);
      expect(checks.proofOfWorkHolds({ ...changed, id: checks.id(changed) })).toBe(false);
    }
  });

  it('refuses a header with one byte changed in any field: its id no longer matches, and mining covers every field but the v2 key', () => {
    const changes: [string, Partial<ChainHeader>][] = [
      ['version', { version: 4 }],
      ['parentId', { parentId: flip(MAINNET_1311599.parentId) }],
      ['adProofsRoot', { adProofsRoot: flip(MAINNET_1311599.adProofsRoot) }],
      ['transactionsRoot', { transactionsRoot: flip(MAINNET_1311599.transactionsRoot) }],
      ['stateRoot', { stateRoot: flip(MAINNET_1311599.stateRoot) }],
      ['timestamp', { timestamp: MAINNET_1311599.timestamp + 1 }],
      ['extensionHash', { extensionHash: flip(MAINNET_1311599.extensionHash) }],
      ['nBits', { nBits: MAINNET_1311599.nBits - 1 }],
      ['height', { height: MAINNET_1311599.height + 1 }],
      ['votes', { votes: '080000' }],
    ];
    for (const [field, change] of changes) {
      const changed = withFields(MAINNET_1311599, change);
      expect(refusalOf(() => checks.checkHeader(changed)).message, field).toMatch(/whose content does not match its id/);
      const withItsId = { ...changed, id: checks.id(changed) };
      expect(refusalOf(() => checks.checkHeader(withItsId)).message, field).toMatch(/whose proof of work does not hold/);
    }
    // Autolykos 2 is outsourceable: the key is in the id, not in the work, so only the id check catches it.
    const otherKey = withFields(MAINNET_1311599, { powSolutions: { pk: MAINNET_1311598.powSolutions.pk } });
    expect(refusalOf(() => checks.checkHeader(otherKey)).message).toMatch(/whose content does not match its id/);
    // In version 1 the work binds the keys and d too.
    const v1Changes: Partial<ChainHeader['powSolutions']>[] = [
      { pk: MAINNET_123405.powSolutions.w },
      { w: MAINNET_123405.powSolutions.pk },
      { d: MAINNET_123405.powSolutions.d + 1n },
    ];
    for (const change of v1Changes) {
      const changed = withFields(MAINNET_123405, { powSolutions: change });
      expect(checks.proofOfWorkHolds({ ...changed, id: checks.id(changed) })).toBe(false);
    }
  });

  it('refuses a version 1 solution whose key is not on the curve, or whose d is not below the target', () => {
    const offCurve = withFields(MAINNET_414474, { powSolutions: { w: `02${'00'.repeat(32)}` } });
    expect(checks.proofOfWorkHolds(offCurve)).toBe(false);
    const target = GROUP_ORDER / decodeCompactBits(MAINNET_414474.nBits);
    expect(checks.proofOfWorkHolds(withFields(MAINNET_414474, { powSolutions: { d: target } }))).toBe(false);
  });

  it('refuses a made-up id on an otherwise real header', () => {
    const error = refusalOf(() => checks.checkHeader({ ...MAINNET_1311598, id: 'ab'.repeat(32) }));
    expect(error.message).toBe(
      'The chain source sent a block header (height 1311598, id abababababab…) whose content does not match its id: nothing of it was stored.',
    );
  });

  it('finds no solution at a difficulty of zero or below', () => {
    expect(checks.proofOfWorkHolds(withFields(MAINNET_1311598, { nBits: 0 }))).toBe(false);
    expect(checks.proofOfWorkHolds(withFields(MAINNET_1311598, { nBits: 0x04923456 }))).toBe(false);
  });

  it('accepts a header the test miner solved at a low difficulty, and refuses most other nonces of it', () => {
    const mined = mineForTest(checks, draft(), 200n);
    expect(() => checks.checkHeader(mined)).not.toThrow();
    let failing = 0;
    for (let step = 1n; step <= 20n; step++) {
      const other = withFields(mined, { powSolutions: { n: (nonceOf(mined) + step).toString(16).padStart(16, '0') } });
      if (!checks.proofOfWorkHolds(other)) failing++;
    }
    expect(failing).toBeGreaterThanOrEqual(15);
  });

  it('mines devnet headers at difficulty 1 that pass the same checks', () => {
    const header = mineDevnetHeader({ ...draft(), version: 2 });
    expect(header.nBits).toBe(DEVNET_NBITS);
    expect(decodeCompactBits(DEVNET_NBITS)).toBe(1n);
    expect(() => checks.checkHeader(header)).not.toThrow();
    const child = mineDevnetHeader({ ...draft(), parentId: header.id, height: header.height + 1, timestamp: header.timestamp + 1 });
    expect(child.parentId).toBe(header.id);
    expect(() => checks.checkHeader(child)).not.toThrow();
    expect(() => mineDevnetHeader({ ...draft(), version: 1 })).toThrow(RangeError);
  });
});
