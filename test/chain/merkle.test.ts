import { blake2b } from '@noble/hashes/blake2';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bytesOfHex,
  hexOfBytes,
  MalformedMerkleProof,
  Merkle,
  merkleProofToJson,
  parseMerkleProof,
  type MerkleProof,
} from '../../electron/core/chain/merkle';
import { blake2b256 } from '../../electron/core/chain/blake2b';

/** Test data is hex the test itself wrote or copied from a real chain: decoding it cannot fail. */
function bytes(hex: string): Uint8Array {
  const decoded = bytesOfHex(hex);
  if (decoded === undefined) throw new Error(`test data is not hex: ${hex}`);
  return new Uint8Array(decoded);
}

/** BLAKE2b-256 of the parts concatenated, by @noble/hashes: a reference apart from Merkle's own hashing. */
function H(...parts: (number | Uint8Array)[]): Promise<Uint8Array> {
  const joined = Buffer.concat(parts.map((part) => (typeof part === 'number' ? Uint8Array.of(part) : part)));
  return Promise.resolve(blake2b(joined, { dkLen: 32 }));
}

/** Distinct 32-byte leaves, like transaction ids. */
const leaves = (count: number) => Array.from({ length: count }, (_, i) => Uint8Array.from({ length: 32 }, (_, j) => (i * 37 + j) % 256));

// Real proofs an Ergo node served (GET /blocks/{headerId}/proofFor/{txId}) and the roots of the headers they are for.
// Copied into sigma-rust's tests: ergoplatform/sigma-rust, ergo-merkle-tree/src/merkleproof.rs at
// 999ab8db0f77530a3923500329b908ee07ebad2e (tests block_proof and merkle_proof_genesis_block).

/** Mainnet block 650 787 (version 2): the proof of its first transaction, three levels in a tree of ids and witness ids. */
const BLOCK_650787 = {
  transactionsRoot: '250063ac1cec3bf56f727f644f49b70515616afa6009857a29b1fe298441e69a',
  proof: {
    leafData: '563b34b96e65788d767a10b0c2ce4a9ef5dcb9f7f7919781624870d56506dc5b',
    levels: [
      ['274d105b42c2da3e03519865470ccef5072d389b153535ca7192fef4abf3b3ed', 0],
      ['c1887cee0c42318ac04dfa93b8ef6b40c2b53a83b0e111f91a16b0842166e76e', 0],
      ['58be076cd9ef596a739ec551cbb6b467b95044c05a80a66a7f256d4ebafd787f', 0],
    ],
  },
};

/**
 * Mainnet block 1 (version 1, id b0244dfc267baca974a4caee06120321562784303a8a688976ae56170e4d175b): one transaction,
 * so its proof's one level is EmptyNode, written "". (sigma-rust calls it block #0; its header, at height 1 with this
 * transactionsRoot, is in abchrisxyz/ergowatch ew/tests/common/blocks/block_1.rs at 760559e87ae02c05edf5bb0024c0d926f1ac70b6.)
 */
const BLOCK_1 = {
  transactionsRoot: '93fb06aa44413ff57ac878fda9377207d5db0e78833556b331b4d9727b3153ba',
  proof: { leafData: '4c6282be413c6e300a530618b37790be5f286ded758accc2aebd41554a1be308', levels: [['', 0]] },
};

/**
 * A node's mining candidate with the proof that it holds a transaction, in the node's other encoding of a level (the
 * side byte, then the sibling: TransactionMembershipProof). The header without proof of work is msgPreimage; its
 * transactionsRoot is bytes 65 to 96. From ergoplatform/ergo, ergo-core/src/test/scala/org/ergoplatform/examples/
 * LiteClientExamples.scala at c313356950fe69ef406c2ee031204079a05ea7d7.
 */
const CANDIDATE = {
  msgPreimage:
    '01fb9e35f8a73c128b73e8fde5c108228060d68f11a69359ee0fb9bfd84e7ecde6d19957ccbbe75b075b3baf1cac6126b6e80b5770258f4cec29fbde92337faeec74c851610658a40f5ae74aa3a4babd5751bd827a6ccc1fe069468ef487cb90a8c452f6f90ab0b6c818f19b5d17befd85de199d533893a359eb25e7804c8b5d7514d784c8e0e52dabae6e89a9d6ed9c84388b228e7cdee09462488c636a87931d656eb8b40f82a507008ccacbee05000000',
  proof: { leaf: '642c15c62553edd8fd9af9a6f754f3c7a6c03faacd0c9b9d5b7d11052c6c6fe8', levels: ['0139b79af823a92aa72ced2c6d9e7f7f4687de5b5af7fab0ad205d3e54bda3f3ae'] },
};

describe('the Merkle tree as scrypto builds it', () => {
  let merkle: Merkle;
  beforeAll(async () => {
    merkle = new Merkle(blake2b256());
  });

  it('gives 32 zero bytes for a tree of no leaves (EmptyRootNode)', () => {
    expect(hexOfBytes(merkle.root([]))).toBe('00'.repeat(32));
  });

  it('pairs even one leaf, with EmptyNode: the root is H(0x01 ++ H(0x00 ++ leaf)), not the leaf hash', async () => {
    const [leaf] = leaves(1) as [Uint8Array];
    expect(merkle.root([leaf])).toEqual(await H(1, await H(0, leaf)));
    expect(merkle.root([leaf])).not.toEqual(await H(0, leaf));
  });

  it('hashes two leaves as H(0x01 ++ H(0x00 ++ a) ++ H(0x00 ++ b)), in their order', async () => {
    const [a, b] = leaves(2) as [Uint8Array, Uint8Array];
    expect(merkle.root([a, b])).toEqual(await H(1, await H(0, a), await H(0, b)));
    expect(merkle.root([b, a])).not.toEqual(merkle.root([a, b]));
  });

  it('pairs a last node without a partner with EmptyNode at every level: five leaves', async () => {
    const [a, b, c, d, e] = leaves(5) as [Uint8Array, Uint8Array, Uint8Array, Uint8Array, Uint8Array];
    const ab = await H(1, await H(0, a), await H(0, b));
    const cd = await H(1, await H(0, c), await H(0, d));
    const e_ = await H(1, await H(0, e));
    const root = await H(1, await H(1, ab, cd), await H(1, e_));
    expect(merkle.root([a, b, c, d, e])).toEqual(root);
  });

  it('proves every leaf of trees of 1 to 40 leaves, a level per pairing round, an EmptyNode sibling as ""', () => {
    for (let count = 1; count <= 40; count++) {
      const tree = leaves(count);
      const root = merkle.root(tree);
      const rounds = Math.max(1, Math.ceil(Math.log2(count)));
      tree.forEach((leaf, index) => {
        const proof = merkle.proof(tree, index) as MerkleProof;
        expect(proof.leaf).toEqual(leaf);
        expect(proof.levels).toHaveLength(rounds);
        expect(merkle.verify(proof, root, leaf)).toBe(true);
        // The last leaf of an odd level has no partner: its sibling is EmptyNode, and the side says it is the left one.
        if (index === count - 1 && count % 2 === 1) expect(merkleProofToJson(proof).levels[0]).toEqual(['', 0]);
      });
      expect(merkle.proof(tree, count)).toBeUndefined();
      expect(merkle.proof(tree, -1)).toBeUndefined();
    }
  });
});

describe("proofs an Ergo node served", () => {
  let merkle: Merkle;
  beforeAll(async () => {
    merkle = new Merkle(blake2b256());
  });

  it('verifies the proof of a transaction of mainnet block 650 787 against its header', () => {
    const proof = parseMerkleProof(BLOCK_650787.proof);
    expect(merkle.verify(proof, bytes(BLOCK_650787.transactionsRoot), bytes(BLOCK_650787.proof.leafData))).toBe(true);
  });

  it("builds the node's own proof for the one transaction of mainnet block 1, byte for byte, and verifies it", () => {
    const leaf = bytes(BLOCK_1.proof.leafData);
    expect(hexOfBytes(merkle.root([leaf]))).toBe(BLOCK_1.transactionsRoot);
    expect(merkleProofToJson(merkle.proof([leaf], 0) as MerkleProof)).toEqual(BLOCK_1.proof);
    expect(merkle.verify(parseMerkleProof(BLOCK_1.proof), bytes(BLOCK_1.transactionsRoot), leaf)).toBe(true);
  });

  it('reads a level written as the side byte then the sibling, and verifies a mining candidate against its header', () => {
    const root = bytes(CANDIDATE.msgPreimage).subarray(65, 97);
    const proof = parseMerkleProof(CANDIDATE.proof);
    expect(proof.levels[0]?.side).toBe(1);
    expect(merkle.verify(proof, root, bytes(CANDIDATE.proof.leaf))).toBe(true);
  });

  it('fails a proof with a level changed, a side flipped, a level dropped or added, or for another leaf', () => {
    const root = bytes(BLOCK_650787.transactionsRoot);
    const real = () => structuredClone(BLOCK_650787.proof);
    const changed = real();
    changed.levels[1] = ['d1887cee0c42318ac04dfa93b8ef6b40c2b53a83b0e111f91a16b0842166e76e', 0];
    const flipped = real();
    flipped.levels[2] = ['58be076cd9ef596a739ec551cbb6b467b95044c05a80a66a7f256d4ebafd787f', 1];
    const dropped = real();
    dropped.levels.pop();
    const added = real();
    added.levels.push(['', 0]);
    for (const json of [changed, flipped, dropped, added]) expect(merkle.verify(parseMerkleProof(json), root)).toBe(false);

    const proof = parseMerkleProof(real());
    expect(merkle.verify(proof, root)).toBe(true);
    expect(merkle.verify(proof, root, bytes(CANDIDATE.proof.leaf))).toBe(false);
    const otherLeaf = { ...real(), leafData: CANDIDATE.proof.leaf };
    expect(merkle.verify(parseMerkleProof(otherLeaf), root, bytes(CANDIDATE.proof.leaf))).toBe(false);
  });
});

describe('reading a proof', () => {
  const real = BLOCK_650787.proof;

  it('takes the leaf under "leafData", as the node writes it, or "leaf", as its openapi.yaml documents it', () => {
    expect(parseMerkleProof({ leaf: real.leafData, levels: real.levels })).toEqual(parseMerkleProof(real));
    expect(() => parseMerkleProof({ leaf: BLOCK_1.proof.leafData, leafData: real.leafData, levels: real.levels })).toThrow(/two different leaves/);
  });

  it.each([
    ['not an object', 'a proof', /not an object/],
    ['no leaf', { levels: real.levels }, /no leaf/],
    ['a leaf that is not hex', { ...real, leafData: 'xyz' }, /the leaf is not hexadecimal bytes/],
    ['no levels', { ...real, levels: [] }, /no levels/],
    ['a side that is neither 0 nor 1', { ...real, levels: [[real.levels[0]?.[0], 2]] }, /neither 0 \(left\) nor 1/],
    ['a sibling of 31 bytes', { ...real, levels: [['00'.repeat(31), 0]] }, /a sibling is 31 bytes/],
    ['a sibling that is not hex', { ...real, levels: [['zz', 0]] }, /a sibling is not hexadecimal bytes/],
    ['a level of three items', { ...real, levels: [['', 0, 0]] }, /not a pair/],
    ['more levels than any block has', { ...real, levels: Array.from({ length: 65 }, () => ['', 0]) }, /65 levels/],
  ])('refuses %s', (_, json, reason) => {
    expect(() => parseMerkleProof(json)).toThrow(MalformedMerkleProof);
    expect(() => parseMerkleProof(json)).toThrow(reason);
  });
});
