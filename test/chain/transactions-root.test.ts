import { blake2b } from '@noble/hashes/blake2';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChainTransaction } from '../../electron/core/chain/chain-source';
import { Merkle, merkleProofToJson, type MerkleProof, type MerkleProofJson } from '../../electron/core/chain/merkle';
import { TransactionsRoots, type CommittedTransaction, type CommittingHeader } from '../../electron/core/chain/transactions-root';
import { blake2b256 } from '../../electron/core/chain/blake2b';
import { refusalOf } from '../helpers/refusal';

/**
 * Real mainnet blocks: the header fields the root needs, and of each transaction what the root commits to (its id and
 * its inputs' proof bytes, in order). Each root was recomputed by the test below; on an explorer:
 * https://explorer.ergoplatform.com/en/blocks/<id>.
 */
interface RealBlock {
  header: CommittingHeader;
  txs: CommittedTransaction[];
}

const tx = (id: string, ...proofs: string[]): CommittedTransaction => ({ id, inputs: proofs.map((proofBytes) => ({ proofBytes })) });
/** Inputs whose script needs no signature (the emission box, a miner's fee box): their proof is no bytes. */
const noProofs = (count: number) => Array<string>(count).fill('');

/**
 * Mainnet blocks 1 to 5, version 1: one transaction each (the emission). From abchrisxyz/ergowatch,
 * ew/tests/common/blocks/block_<n>.rs at 760559e87ae02c05edf5bb0024c0d926f1ac70b6 (ergowatch's tests change some outputs;
 * the root covers only ids, which are the chain's).
 */
const VERSION_1_BLOCKS: RealBlock[] = [
  [1, 'b0244dfc267baca974a4caee06120321562784303a8a688976ae56170e4d175b', '93fb06aa44413ff57ac878fda9377207d5db0e78833556b331b4d9727b3153ba', '4c6282be413c6e300a530618b37790be5f286ded758accc2aebd41554a1be308'],
  [2, '855fc5c9eed868b43ea2c3df99ec17dd9d903187d891e2365a89b98125c994b2', 'a3a11a92de9c0ba1e95068f39bc1e08afa4ca23dff16de135fac64d0cf7dd1ab', '34a247d3657df7ff5318164747e338ddef9526ab8da430f4c81246f132a68b60'],
  [3, '3ff49e2419f779390a9347e8c3ee6391dd3f9e543c12dabcb0f1ebc8168754f4', '4202efb982197ef2b6629c2202796584a7351bbc0563b27ed35c295e95021b94', '4f2d69416edcabf31a01a36f72a7b1c9333df3f2e2b5357af0a923e6a3a08c42'],
  [4, 'd46df95124a711724990f40299bb166babc56d86de624db48776e2afb80e0302', '92bea47dc72d2bc33e4f5a05cb5ac99876534d23537742e6fbdfd3cea455c81a', 'd7b5bd08ab15dbe5bb651b8f3b29b17fc19d501de9b8ae473b9d0cff659036bc'],
  [5, '875aaa0886c229607b3da2440f9cdb12f61ed2a0e56c6a9dd9536ac11079ff03', 'ccccd693bd6461f094fe0bdf15b8284e4e65183c1a0ef596dfb1c56dfe0c6120', '0844461c512da2a03024292a087a064f94dbc7d0a7447e1421f1552d71034897'],
].map(([height, id, transactionsRoot, txId]) => ({
  header: { height: height as number, id: id as string, version: 1, transactionsRoot: transactionsRoot as string },
  txs: [tx(txId as string, '')],
}));

/**
 * Mainnet block 540 000, version 2, its emission transaction alone. From ergoplatform/sigma-rust,
 * ergo-lib/src/chain/block.rs at 999ab8db0f77530a3923500329b908ee07ebad2e (taken from node.ergo.watch).
 */
const BLOCK_540000: RealBlock = {
  header: { height: 540_000, id: '96911575efdceb082b974aa3042263be07632de48031aa2204d77d8d5a8240b8', version: 2, transactionsRoot: '235a6e8f28f54fef5fbcd17d2638eb03ef9cfb331f4b5a50fbb74df4a524dcb4' },
  txs: [tx('d301f351d5d74aa314edd19914e4e593bd0316166c25a09aa222f9b519ee5fdf', '')],
};

/**
 * Mainnet block 600 000, version 2, three transactions: an odd count. From abchrisxyz/ergowatch,
 * watcher/testbench/fixtures/blocks/block_600k.py at 1232e72d63af6c9dbbc5e3b6098751704d7ad62e ("as returned by Ergo
 * Node 4.0.20").
 */
const BLOCK_600000: RealBlock = {
  header: { height: 600_000, id: '5cacca81066cb5ffd64e26096fd6ad4b6b590e7a3c09208bfda79779a7ab90a4', version: 2, transactionsRoot: 'dc4380b9797a1c2de3815f5e672ebae48205410098a3b511750cf69318ae72d5' },
  txs: [
    tx('4ac89169a2f83adb895b3d76735dbcfc63ad7940bddc2492d9ee4201299bf927', ''),
    tx(
      '26dab775e0a6ba4315271db107398b47f6b7ec9c7218165a54938bf58b81c4a8',
      '09a024f007c1c1e7996851232fc069916134594eedac467b4668156679287f4ae5e8f369d3150749367bb2d9901f3908351694de3998217d',
      'bb15c60b6d058dfc03cbffac10681f1bb603d79f733d3f1cbe97a9aca7eb059419b472e8d24c979c2df2806bfc9bd7feca8a3158a7841b97',
    ),
    tx('db3d79ab228b1b93bcb8cd742bacb0a4b49ad5fe67cc11b495482b8c541d3ae2', ''),
  ],
};

/**
 * Mainnet block 693 479, version 2, fifteen transactions, signed ones among them (one with three signed inputs, one
 * with 13 unsigned ones). From ergoplatform/sigma-rust, ergo-lib/src/chain/block.rs at
 * d66752fd8f29a7b359a72af58979d7b1a8cba178 (test_parse_full_block; the block was dropped from the file a commit later).
 */
const BLOCK_693479: RealBlock = {
  header: { height: 693_479, id: 'b17847c0c523660b13d707396ab8301fa3c8a545ddc5acf9ec2803cc2cbb3ef5', version: 2, transactionsRoot: '57fb74737b99ea1f57e206ce76743e5970da060fed27cea6c8f50b7d587c8beb' },
  txs: [
    tx('ba3f7ac52edb58663f976cf4b390cf57b8e16fc51488c0a944446e5eaa733982', ''),
    tx('c8520befd345ff40fcf244b44ffe8cea29c8b116b174cfaf4f2a521604d531a4', ''),
    tx('7467d1dbc527d4b94db416c6e2ee6b9fdc5bd59067247e143d6241a929f2720f', ...noProofs(2)),
    tx('e2a4e542c75efcc3b57127b2f1bdab02b288940e18b85ecd0fde5affaf6bde6d', '0af556eefd5d0a03bc09313ad8642291b20bd10304cf3f36858b713c77645bd38201fde1a24e0a4e18055354c18426f5241ce650980dd097', 'bec07fd4f046702e9fab5c0b8032cb5c9aca273fd1181c51c397c522d1680a286b12609d2b52209dd61c92e7ab98f99e5de2846cc9c057a4'),
    tx('b8be938b914038563860e80dcb07bd22fcb8ed389f2f15693c582552563ad91f', '067713cc8d22ac6c6dfa0870e87c3d92c35ce31d7d4e87321b0d1af453775e5f829be60e6ef30e1d019b4483654c9631c9450b495a4dc8a7'),
    tx('12fce6c883e4afacb8812438dba6740d14270cbb479d2385c22d32558734d556', '91027169db56dc1d98a960d05f698d88a409108c079143bed6677ece572d0c0bee4e90a2160327151de78cdd773c08b8e856af9fd79a6085', '5535dddd86417e56ec61a217ab9355121703a6243c529bba918b6dc27b69e455b6affc7154b816a21ceb7d3ee158dbcd04ae7e13a65dd9dc'),
    tx('1a975484ce1c0fc9823fcef3aeb9be3fcb9d79fbfc4e537782f2a7abc08c7bd5', '826b43caead76bc2a1f158e42c1f372bdbc481dad2fd05889d0713b9c68457c4ec018107460203e932963bb16465f35cf71b3687fe0f1b85', 'd1579debf190477899a1d889441b62003f272b3d53e9013d484f02ede6cbe91e673d6c984be3f5d586c99e82540fb2c67b2a46b439330615'),
    tx('3a8592eb9959b8a5c233893dca6665e0e3c979f9bc8489825e2b1790978be978', '4d28e70c901fb884e9969135096c46f3154a791b159b78b3c83b42d489efc5b1dff6a8337b2be141b6eac9a20618256f03f1da5a8bdcf85a', 'f1e40312ecd9d8c1c7dc4f3ddbd7a20c4cd44acfd22ce3daeaa24d109ea7cb1d9d94ed89658d267bf1001c54b90907838784e9c37fe11bc1'),
    tx('acefa286100a0ebe3b8c140ca7bdcaf6064bd445943cbd61301add6d35e7bc3a', 'fe48e6ab221c92d27d027492b2083c0d2385b8f609de13e3906a10e5c0279d3e212ed575f5980c8b091b9e6ebc6ccd51d8b2f245df0273ce', '7670d50456b7300a4755d9266d804d5b4377d13149311a9e81ac6ea25713e64d81e894ec77e73cc9a4fff698478df06cbdc1785662dd9858'),
    tx('cde040fd056c6fc7003f702d94224626f297e615948b14d0398c1ff5043c7e67', '397cf85ba400a931ba146d971df08b624a10f5f7aa16a065b09d1185af7840519d21772ce8b905daad0e8e75abbfea348b75cb1fa76121cf', 'cacb926366f7845b24d1b1cec05b9a9e022fa9fccb2b828ec9971511b3c5e191cdd0308b1f62e564fbadcb49d1614b7100a85c6407f1c383'),
    tx('093b87a69800612b3f24c2507f7cee2e892c444aa85b60720b4b22dd76420503', 'cab2409bc996779a18b89f4b9a75a7a2192046195fef7233d2c3070acf60dbb497c34cfe3394e6f7a3dba6754120f0e768b4ab5121c46f10', 'c04f3299d5eca7f98c8c05aeff1874351dfb5d3149d07e194324b881a6692c843a2aad1291d7773f426a7dfe7d86dc53276a99de97b0b976'),
    tx('cbd214e64a3c374e8952cde3115b6467c07af4fd8d9ed71e329882985d0f4d51', 'f0066c7cad01b57cff3b88cec0bfc6eed1d2c345659e56749fb0c0b6ae3bd5393cf97dfcab3d270a3d82d01062172e4f06f3a8b8c98fe7e8', '64a1feed5111f18cd06a087043b7dd72fe656ed0f1cb376e88da7560fc13ef390c85418fec5bf4a2d69e84ae300f351fcf0599e43e699cc0'),
    tx('90307f9d38cf2dab5605b154895ac4862fdafaa5236c4582fb04f14525ce0fd1', 'e87848a97c2b84fb490da538b1e9b688a29d29a4559309ee306a65e035a04c7ce3de833447f06af3f4efd133cadd5696841b78f7f3c2c53e', '83530b19f1b8cf7cbb6f0bfa3790e915b150c4571c08b16910e45afeba768325f80c0558a8ef6cbfa6925f38f02d1014516e44039e955fe9'),
    tx(
      'f30b3044a2b0c83555086d236c59fe9bdc3553deea742bf5010c7185082d5759',
      'c2faadce21f3449ba7af8008cfda03267d3ce00d870a22fbcdeaa94ac9db1f9b9eba4540c060e8ea1597db1486ac6d6f724e7f693db3ec0d',
      'a9213cd0c04e5d3b629928976b19e894de7cbaeb42dc030d686754cce337679f5974f30961a18e9e22f235c0d6a4ffcfc78b4792a150418f',
      '3cc5fb4ad52ef85288438a83310e4923d53132a17d2dd7cc3f3f798c1d631a44f509334a7b9e283ca8c5d573c9e111439110ffd6193466c6',
    ),
    tx('db40eab029fa1dbab09476fbb4342c99bf4c1b07cf5a943c48019702b0e7c16f', ...noProofs(13)),
  ],
};

const VERSION_2_BLOCKS = [BLOCK_540000, BLOCK_600000, BLOCK_693479];


const copy = (block: RealBlock) => structuredClone(block);
const other = (id: string) => `${id.slice(0, 63)}${id.endsWith('0') ? '1' : '0'}`;

describe("a block's transactions root, per block version", () => {
  let roots: TransactionsRoots;
  beforeAll(async () => {
    roots = new TransactionsRoots(blake2b256());
  });

  it('recomputes version 1 roots from the transaction ids alone: mainnet blocks 1 to 5', () => {
    for (const { header, txs } of VERSION_1_BLOCKS) {
      expect(roots.transactionsRootOf(1, txs)).toBe(header.transactionsRoot);
      expect(() => roots.requireTransactionsRoot(header, txs)).not.toThrow();
      // The version 2 rule (ids then witness ids) gives another root for the same transactions.
      expect(roots.transactionsRootOf(2, txs)).not.toBe(header.transactionsRoot);
    }
  });

  it('recomputes version 2 roots from the ids then the witness ids: mainnet blocks 540 000, 600 000 and 693 479', () => {
    for (const { header, txs } of VERSION_2_BLOCKS) {
      expect(roots.transactionsRootOf(2, txs)).toBe(header.transactionsRoot);
      expect(() => roots.requireTransactionsRoot(header, txs)).not.toThrow();
      expect(roots.transactionsRootOf(1, txs)).not.toBe(header.transactionsRoot);
    }
  });

  it('reads the transactions of the chain source as they come (ChainTransaction), extensions and outputs left out', () => {
    const { header, txs } = BLOCK_600000;
    const asServed: ChainTransaction[] = txs.map(({ id, inputs }, n) => ({
      id,
      inputs: inputs.map(({ proofBytes }, i) => ({ boxId: `${n}${i}`.padStart(64, '0'), proofBytes, extension: { '1': '0402' } })),
      dataInputs: [],
      outputs: [],
    }));
    expect(() => roots.requireTransactionsRoot(header, asServed)).not.toThrow();
  });

  it('takes as witness id BLAKE2b-256 of the proofs one after the other, less its first byte', () => {
    const signed = BLOCK_693479.txs[13] as CommittedTransaction;
    const proofs = Buffer.from(signed.inputs.map((input) => input.proofBytes).join(''), 'hex');
    const witness = roots.witnessId(signed);
    expect(witness).toHaveLength(31);
    expect(Buffer.from(witness).toString('hex')).toBe(Buffer.from(blake2b(proofs, { dkLen: 32 })).toString('hex').slice(2));
  });

  it('refuses a transaction added, left out, replaced or moved, and a spending proof changed', () => {
    const { header } = BLOCK_693479;
    const added = copy(BLOCK_693479);
    added.txs.push(tx('4ac89169a2f83adb895b3d76735dbcfc63ad7940bddc2492d9ee4201299bf927', ''));
    const leftOut = copy(BLOCK_693479);
    leftOut.txs.splice(4, 1);
    const replaced = copy(BLOCK_693479);
    replaced.txs[6] = tx(other(replaced.txs[6]?.id ?? ''), ...(replaced.txs[6]?.inputs.map((input) => input.proofBytes) ?? []));
    const moved = copy(BLOCK_693479);
    moved.txs.push(moved.txs.shift() as CommittedTransaction);
    const reproved = copy(BLOCK_693479);
    const input = reproved.txs[3]?.inputs[1] as { proofBytes: string };
    input.proofBytes = `${input.proofBytes.slice(0, -2)}${input.proofBytes.endsWith('00') ? '01' : '00'}`;

    for (const { txs } of [added, leftOut, replaced, moved, reproved]) {
      const error = refusalOf(() => roots.requireTransactionsRoot(header, txs));
      expect(error.code).toBe('chain-response-invalid');
      expect(error.message).toBe(
        'The chain source sent block 693479 (id b17847c0c523…) with transactions that are not the ones its header commits to: nothing of it was stored.',
      );
      expect(error.hint).toMatch(/Use another node you trust/);
    }
  });

  it('refuses a version 1 block whose one transaction is replaced, or whose transactions are left out', () => {
    const { header, txs } = VERSION_1_BLOCKS[2] as RealBlock;
    expect(refusalOf(() => roots.requireTransactionsRoot(header, [tx(other(txs[0]?.id ?? ''), '')])).message).toMatch(/not the ones its header commits to/);
    expect(refusalOf(() => roots.requireTransactionsRoot(header, [])).message).toMatch(/block 3 \(id 3ff49e2419f7…\) with transactions that are not the ones/);
  });

  it('refuses a spending proof or an id that is not hexadecimal bytes, rather than hashing what Buffer made of it', () => {
    const { header } = BLOCK_600000;
    const badProof = copy(BLOCK_600000);
    (badProof.txs[1]?.inputs[0] as { proofBytes: string }).proofBytes = '09a0zz';
    const oddProof = copy(BLOCK_600000);
    (oddProof.txs[1]?.inputs[0] as { proofBytes: string }).proofBytes = '09a';
    const badId = copy(BLOCK_600000);
    (badId.txs[0] as CommittedTransaction).id = 'not an id';
    for (const { txs } of [badProof, oddProof, badId]) {
      expect(refusalOf(() => roots.requireTransactionsRoot(header, txs)).message).toMatch(/whose id or a spending proof is not hexadecimal bytes/);
    }
  });
});

describe('proof that a transaction is in a block', () => {
  let roots: TransactionsRoots;
  let merkle: Merkle;
  beforeAll(async () => {
    roots = new TransactionsRoots(blake2b256());
    merkle = new Merkle(blake2b256());
  });

  const proofOf = ({ header, txs }: RealBlock, txId: string) => roots.proofFor(header.version, txs, txId) as MerkleProofJson;

  it('proves every transaction of real blocks of both versions against the header, odd counts and one transaction included', () => {
    for (const block of [...VERSION_1_BLOCKS, ...VERSION_2_BLOCKS]) {
      const leaves = block.header.version === 1 ? block.txs.length : 2 * block.txs.length;
      for (const { id } of block.txs) {
        const proof = proofOf(block, id);
        expect(proof.leafData).toBe(id);
        // From version 2 the path runs through the tree of ids and witness ids: one level per pairing round of it.
        expect(proof.levels).toHaveLength(Math.max(1, Math.ceil(Math.log2(leaves))));
        expect(() => roots.requireInBlock(block.header, id, proof)).not.toThrow();
      }
    }
  });

  it("accepts the node's own proof for the one transaction of mainnet block 1", () => {
    // From ergoplatform/sigma-rust, ergo-merkle-tree/src/merkleproof.rs at 999ab8db0f77530a3923500329b908ee07ebad2e.
    const served = { leafData: '4c6282be413c6e300a530618b37790be5f286ded758accc2aebd41554a1be308', levels: [['', 0]] };
    const block = VERSION_1_BLOCKS[0] as RealBlock;
    expect(proofOf(block, served.leafData)).toEqual(served);
    expect(() => roots.requireInBlock(block.header, served.leafData, served)).not.toThrow();
  });

  it('gives no proof for a transaction that is not in the block', () => {
    expect(roots.proofFor(2, BLOCK_693479.txs, other(BLOCK_693479.txs[0]?.id ?? ''))).toBeNull();
  });

  it('refuses the proof of another transaction of the same block, though it leads to the root', () => {
    const [first, second] = BLOCK_693479.txs as [CommittedTransaction, CommittedTransaction];
    const error = refusalOf(() => roots.requireInBlock(BLOCK_693479.header, first.id, proofOf(BLOCK_693479, second.id)));
    expect(error.message).toBe(
      `The chain source sent a proof that transaction ba3f7ac52edb… is in block 693479 (id b17847c0c523…) that is the proof of another transaction: nothing of it was stored.`,
    );
  });

  it("refuses the path of a transaction's witness id offered as that of its id", () => {
    const { header, txs } = BLOCK_693479;
    const leaves = roots.leaves(2, txs);
    const witnessPath = merkle.proof(leaves, txs.length + 3) as MerkleProof;
    expect(merkle.verify(witnessPath, Buffer.from(header.transactionsRoot, 'hex'))).toBe(true);
    const offered = { ...merkleProofToJson(witnessPath), leafData: txs[3]?.id ?? '' };
    expect(refusalOf(() => roots.requireInBlock(header, txs[3]?.id ?? '', offered)).message).toMatch(/does not lead to the root its header commits to/);
  });

  it('refuses a proof with a level changed, a side flipped, or against the header of another block', () => {
    const { header, txs } = BLOCK_693479;
    const id = txs[9]?.id ?? '';
    const changed = proofOf(BLOCK_693479, id);
    const [sibling, side] = changed.levels[2] as [string, 0 | 1];
    changed.levels[2] = [other(sibling), side];
    const flipped = proofOf(BLOCK_693479, id);
    flipped.levels[0] = [flipped.levels[0]?.[0] ?? '', flipped.levels[0]?.[1] === 0 ? 1 : 0];
    for (const proof of [changed, flipped]) {
      expect(refusalOf(() => roots.requireInBlock(header, id, proof)).message).toMatch(/does not lead to the root its header commits to/);
    }
    expect(() => roots.requireInBlock(BLOCK_600000.header, id, proofOf(BLOCK_693479, id))).toThrow(/does not lead to the root/);
  });

  it('refuses an answer that is not a Merkle proof', () => {
    const { header, txs } = BLOCK_600000;
    const id = txs[1]?.id ?? '';
    for (const answer of [null, 'proof', { leafData: id }, { leafData: id, levels: [['', 7]] }]) {
      expect(refusalOf(() => roots.requireInBlock(header, id, answer)).message).toMatch(/^The chain source sent a proof that transaction 26dab775e0a6… is in block 600000 \(id 5cacca81066c…\) that is not a Merkle proof/);
    }
  });
});
