import { beforeAll, describe, expect, it } from 'vitest';
import { HeaderCheck } from '../../electron/core/chain/autolykos';
import type { ChainHeader } from '../../electron/core/chain/chain-source';
import {
  checkDifficulty,
  checkParentLink,
  decodeCompactBits,
  DIFFICULTY_FLOOR,
  difficultyEpochLength,
  encodeCompactBits,
  keepsParentDifficulty,
  MAINNET_DIFFICULTY_FLOOR,
} from '../../electron/core/chain/difficulty';
import { mineDevnetHeader } from '../../electron/core/devnet/devnet-miner';
import { AppError } from '../../electron/core/errors/app-error';
import { mineForTest } from '../helpers/autolykos-miner';
import {
  ALL_REAL,
  MAINNET_123405,
  MAINNET_123406,
  MAINNET_123407,
  MAINNET_1311598,
  MAINNET_1311599,
  MAINNET_1311600,
  TESTNET_141531,
  TESTNET_141532,
  TESTNET_141533,
  withFields,
} from '../helpers/real-headers';
import { blake2b256 } from '../../electron/core/chain/blake2b';
import { refusalOf } from '../helpers/refusal';


/** The same header declaring another difficulty (still in compact form, so it decodes to exactly `difficulty`). */
const declaring = (header: ChainHeader, difficulty: bigint) => withFields(header, { nBits: encodeCompactBits(difficulty) });

describe('compact difficulty', () => {
  it('decodes the nBits of real headers to the difficulty their nodes reported', () => {
    expect(decodeCompactBits(MAINNET_1311598.nBits)).toBe(1_058_812_517_679_104n);
    expect(decodeCompactBits(MAINNET_123405.nBits)).toBe(128_274_315_345_920n);
    expect(decodeCompactBits(TESTNET_141531.nBits)).toBe(43_775_623_168n);
    // AutolykosPowSchemeSpec's 614 400 vector ("difficulty": "16384") and the pool's invalid header ("1325481984").
    expect(decodeCompactBits(37_748_736)).toBe(16_384n);
    expect(decodeCompactBits(72_286_528)).toBe(1_325_481_984n);
  });

  it("round-trips as ergo's encodeCompactBits does, normalising as the node's calculate does", () => {
    for (const header of ALL_REAL) expect(encodeCompactBits(decodeCompactBits(header.nBits))).toBe(header.nBits);
    // mainnet.conf's initial difficulty 0x011765000000 and version 2's 0x6f98d5000000.
    expect(decodeCompactBits(encodeCompactBits(0x011765000000n))).toBe(0x011765000000n);
    expect(decodeCompactBits(encodeCompactBits(0x6f98d5000000n))).toBe(0x6f98d5000000n);
    // A mantissa whose top bit is set moves to the next exponent, as the sign bit must stay clear.
    expect(encodeCompactBits(0x80n)).toBe(0x02008000);
    expect(encodeCompactBits(1n)).toBe(0x01010000);
    expect(decodeCompactBits(0x01010000)).toBe(1n);
  });

  it('reads the sign bit and a zero size as ergo does', () => {
    expect(decodeCompactBits(0x04923456)).toBe(-0x12345600n);
    expect(decodeCompactBits(0x01800000)).toBe(0n);
    expect(decodeCompactBits(0x00123456)).toBe(0n);
    expect(decodeCompactBits(0x02123456)).toBe(0x1234n);
  });
});

describe('difficulty epochs', () => {
  it("uses 1024-block epochs on mainnet before EIP-37's height 844 673, 128 after; 128 on testnet; 16 on a devnet", () => {
    expect(difficultyEpochLength('mainnet', 844_672)).toBe(1024);
    expect(difficultyEpochLength('mainnet', 844_673)).toBe(128);
    expect(difficultyEpochLength('testnet', 1_000)).toBe(128);
    expect(difficultyEpochLength('devnet', 1_000)).toBe(16);
  });

  it('lets the difficulty change only after a parent at a multiple of the epoch length, and at the version 2 switch', () => {
    const changes = (network: 'mainnet' | 'testnet' | 'devnet', heights: number[]) => heights.filter((height) => !keepsParentDifficulty(network, height));
    // Mainnet from EIP-37: 844 672 = 6599 × 128 and 1 311 616 = 10 247 × 128.
    expect(changes('mainnet', [844_673, 844_674, 844_800, 844_801, 1_311_600, 1_311_616, 1_311_617, 1_311_618])).toEqual([844_673, 844_801, 1_311_617]);
    // Mainnet before: 843 776 = 824 × 1024; blocks 417 792 and 417 793 take version 2's fixed difficulty.
    expect(changes('mainnet', [843_776, 843_777, 843_778, 844_672, 417_791, 417_792, 417_793, 417_794, 123_406])).toEqual([843_777, 417_792, 417_793]);
    expect(changes('testnet', [128, 129, 130, 141_532, 141_569])).toEqual([129, 141_569]);
    expect(changes('devnet', [16, 17, 18, 127, 128, 129, 130])).toEqual([17, 128, 129]);
  });

  it('accepts real headers following their parents inside an epoch, on mainnet (versions 1 and 3) and testnet', () => {
    const chains: [ChainHeader[], 'mainnet' | 'testnet'][] = [
      [[MAINNET_123405, MAINNET_123406, MAINNET_123407], 'mainnet'],
      [[MAINNET_1311598, MAINNET_1311599, MAINNET_1311600], 'mainnet'],
      [[TESTNET_141531, TESTNET_141532, TESTNET_141533], 'testnet'],
    ];
    for (const [headers, network] of chains) {
      checkDifficulty(headers[0]!, null, network);
      for (let i = 1; i < headers.length; i++) {
        expect(() => checkParentLink(headers[i]!, headers[i - 1]!)).not.toThrow();
        expect(() => checkDifficulty(headers[i]!, headers[i - 1]!, network)).not.toThrow();
      }
    }
  });

  it('refuses a header whose difficulty differs from its parent’s inside an epoch, harder or easier', () => {
    const real = decodeCompactBits(MAINNET_1311599.nBits);
    for (const difficulty of [real * 2n, real - (real >> 8n)]) {
      const error = refusalOf(() => checkDifficulty(declaring(MAINNET_1311599, difficulty), MAINNET_1311598, 'mainnet'));
      expect(error.code).toBe('chain-response-invalid');
      expect(error.message).toBe(
        'The chain source sent a block header (height 1311599, id c3203238c3dc…) whose difficulty differs from its parent’s inside a difficulty epoch, where Ergo keeps it: nothing of it was stored.',
      );
    }
    expect(() => checkDifficulty(declaring(TESTNET_141532, 43_775_623_168n * 3n), TESTNET_141531, 'testnet')).toThrow(AppError);
    // The same change at an epoch's first block is the node's recalculation, which needs older headers: not refused here.
    const epochStart = withFields(MAINNET_1311599, { height: 1_311_617 });
    const parent = withFields(MAINNET_1311598, { height: 1_311_616 });
    expect(() => checkDifficulty(declaring(epochStart, real * 2n), parent, 'mainnet')).not.toThrow();
  });

  it('refuses a header that does not follow its parent: another parent id, a height that skips, a time that does not move on', () => {
    const cases: ChainHeader[] = [
      withFields(MAINNET_1311599, { parentId: MAINNET_1311600.id }),
      withFields(MAINNET_1311599, { height: 1_311_600 }),
      withFields(MAINNET_1311599, { timestamp: MAINNET_1311598.timestamp }),
    ];
    for (const header of cases) expect(refusalOf(() => checkParentLink(header, MAINNET_1311598)).code).toBe('chain-response-invalid');
    expect(refusalOf(() => checkParentLink(MAINNET_1311600, MAINNET_1311598)).message).toMatch(/does not follow the block before it \(height 1311598, id b254f1576382…\)/);
    expect(() => checkParentLink(withFields(MAINNET_1311599, { parentId: MAINNET_1311598.id.toUpperCase() }), MAINNET_1311598)).not.toThrow();
  });
});

describe('difficulty floor', () => {
  let checks: HeaderCheck;
  beforeAll(async () => {
    checks = new HeaderCheck(blake2b256());
  });

  it('is 1/64 of the difficulty of mainnet block 1 311 598 on mainnet, and ergo’s minimum of 1 elsewhere', () => {
    expect(MAINNET_DIFFICULTY_FLOOR).toBe(decodeCompactBits(MAINNET_1311598.nBits) / 64n);
    expect(DIFFICULTY_FLOOR).toEqual({ mainnet: MAINNET_DIFFICULTY_FLOOR, testnet: 1n, devnet: 1n });
    // Below every difficulty mainnet has had since Autolykos 2 (version2ActivationDifficultyHex 6f98d5000000).
    expect(MAINNET_DIFFICULTY_FLOOR < 0x6f98d5000000n).toBe(true);
  });

  it('accepts every real mainnet header since Autolykos 2 and refuses one declaring just under the floor', () => {
    for (const header of [MAINNET_1311598, MAINNET_1311599]) expect(() => checkDifficulty(header, null, 'mainnet')).not.toThrow();
    expect(() => checkDifficulty(declaring(MAINNET_1311598, MAINNET_DIFFICULTY_FLOOR), null, 'mainnet')).not.toThrow();
    expect(() => checkDifficulty(declaring(MAINNET_1311598, MAINNET_DIFFICULTY_FLOOR - (MAINNET_DIFFICULTY_FLOOR >> 16n)), null, 'mainnet')).toThrow(AppError);
  });

  it('refuses on mainnet a correctly mined header that declares far less work than the network does', () => {
    const mined = mineForTest(
      checks,
      {
        ...MAINNET_1311599,
        parentId: MAINNET_1311598.id,
        powSolutions: { ...MAINNET_1311599.powSolutions, n: '0000000000000000' },
      },
      300n,
    );
    // Its work holds and it follows its parent…
    expect(() => checks.checkHeader(mined)).not.toThrow();
    expect(() => checkParentLink(mined, MAINNET_1311598)).not.toThrow();
    // …but its difficulty is 300, not 10^15.
    const error = refusalOf(() => checkDifficulty(mined, null, 'mainnet'));
    expect(error.code).toBe('chain-response-invalid');
    expect(error.message).toBe(
      `The chain source sent a block header (height 1311599, id ${mined.id.slice(0, 12)}…) that claims far less proof of work than the Ergo network does: nothing of it was stored.`,
    );
    expect(error.hint).toMatch(/chain of its own/);
    // The same header is acceptable on testnet, where no floor holds beyond ergo's minimum.
    expect(() => checkDifficulty(mined, null, 'testnet')).not.toThrow();
  });

  it('accepts a devnet chain mined at difficulty 1, and refuses it on mainnet', () => {
    let parent: ChainHeader | null = null;
    const base = { ...MAINNET_1311598, height: 1, parentId: '00'.repeat(32), version: 3 };
    for (let height = 1; height <= 40; height++) {
      const header: ChainHeader = mineDevnetHeader({
        ...base,
        height,
        parentId: parent?.id ?? base.parentId,
        timestamp: base.timestamp + height,
      });
      expect(() => checks.checkHeader(header)).not.toThrow();
      if (parent) checkParentLink(header, parent);
      checkDifficulty(header, parent, 'devnet');
      parent = header;
    }
    expect(() => checkDifficulty(parent as unknown as ChainHeader, null, 'mainnet')).toThrow(AppError);
  });
});
