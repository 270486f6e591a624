import { describe, expect, it } from 'vitest';
import { inChainOrder } from '../../electron/core/statements/chain-order';

const entry = (transactionId: string, height: number) => ({ transactionId, height });
const ids = (entries: { transactionId: string }[]) => entries.map((e) => e.transactionId);

describe('entries in the order the chain applied them', () => {
  it('keeps blocks in height order and reads no box links for a block with one entry', () => {
    const asked: number[] = [];
    const ordered = inChainOrder([entry('b', 1), entry('a', 2), entry('c', 3)], (height) => {
      asked.push(height);
      return new Map();
    });
    expect(ids(ordered)).toEqual(['b', 'a', 'c']);
    expect(asked).toEqual([]);
  });

  it('orders one block by which transaction spent the box another created, whatever the ids sort to', () => {
    // In block 7: 'z' created the member's box that 'm' spent, and 'm' created the one 'a' spent.
    const links = new Map([
      ['z', 'm'],
      ['m', 'a'],
    ]);
    const ordered = inChainOrder([entry('x', 5), entry('a', 7), entry('m', 7), entry('z', 7), entry('y', 9)], (height) => (height === 7 ? links : new Map()));
    expect(ids(ordered)).toEqual(['x', 'z', 'm', 'a', 'y']);
  });

  it('never drops an entry when the links do not explain the block', () => {
    const ordered = inChainOrder([entry('a', 4), entry('b', 4), entry('c', 4)], () => new Map([['b', 'a'], ['a', 'b']]));
    expect(ids(ordered).sort()).toEqual(['a', 'b', 'c']);
    expect(ordered).toHaveLength(3);
  });
});
