import { OutputBuilder, TransactionBuilder } from '@fleet-sdk/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChainBox, ChainToken, SignedTransactionJson } from '../../electron/core/chain/chain-source';
import { toFleetBox } from '../../electron/core/chain/fleet-box';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { serveDevnet, type DevnetServer } from '../../electron/core/devnet/devnet-server';
import { LONG_MAX } from '../../electron/core/devnet/transaction-rules';
import { TRUE_TREE } from '../../electron/core/interpreter/sigma-interpreter';
import { boxIdOf } from '../../electron/core/transactions/transaction-bytes';
import { fund, signForNode, wallet } from '../helpers/devnet-wallets';

// Rules a real Ergo node applies (ergoplatform/ergo, ErgoTransaction.scala) that the devnet must apply too.

const alice = wallet('Alice');
const bob = wallet('Bob');
const ERG = 1_000_000_000n;

const aDevnet = () => new DevnetChain({ now: () => 1_767_225_600_000 });

/** A payment whose outputs all claim `creationHeight`, as Fleet builds it for that height. */
function paymentAt(creationHeight: number, from: ChainBox, dataInputs: ChainBox[] = []) {
  return new TransactionBuilder(creationHeight)
    .from([toFleetBox(from)])
    .withDataFrom(dataInputs.map(toFleetBox))
    .to(new OutputBuilder(ERG, bob.address))
    .sendChangeTo(alice.address)
    .payMinFee()
    .build()
    .toEIP12Object();
}

/** A box under the script `true` from the faucet: spending it needs no proof, so only the node's own rules decide. */
async function openBox(chain: DevnetChain, value = 10n * ERG): Promise<ChainBox> {
  await chain.faucet([{ ergoTree: TRUE_TREE, value }]);
  return chain.mine().transactions[0]?.outputs[0] as ChainBox;
}

function spending(inputs: ChainBox[], outputs: { value: bigint; assets?: ChainToken[] }[], creationHeight: number): SignedTransactionJson {
  return {
    inputs: inputs.map((box) => ({ boxId: box.boxId, spendingProof: { proofBytes: '', extension: {} } })),
    dataInputs: [],
    outputs: outputs.map((o) => ({ value: o.value, ergoTree: TRUE_TREE, creationHeight, assets: o.assets ?? [], additionalRegisters: {} })),
  };
}

describe('txMonotonicHeight: no output is created below an input', () => {
  it('refuses an output whose creation height is below the highest input creation height', async () => {
    const chain = aDevnet();
    chain.mineMany(3);
    const box = await fund(chain, alice);
    expect(box.creationHeight).toBe(3);
    await expect(chain.check(signForNode(paymentAt(2, box), alice))).rejects.toThrow("output 1 claims creation height 2, below input's 3.");
    await expect(chain.check(signForNode(paymentAt(3, box), alice))).resolves.toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not count data inputs', async () => {
    const chain = aDevnet();
    const box = await fund(chain, alice);
    chain.mineMany(3);
    const later = await fund(chain, bob);
    expect([box.creationHeight, later.creationHeight]).toEqual([0, 4]);
    await expect(chain.check(signForNode(paymentAt(1, box, [later]), alice))).resolves.toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('amounts above Long.MaxValue (9223372036854775807)', () => {
  it('refuses an ERG value or a token amount that no Long holds, even from an in-process caller', async () => {
    const chain = aDevnet();
    const box = await openBox(chain);
    const minted = (amount: bigint) => [{ tokenId: box.boxId, amount }];
    await expect(chain.check(spending([box], [{ value: box.value, assets: minted(LONG_MAX) }], 1))).resolves.toMatch(/^[0-9a-f]{64}$/);
    await expect(chain.check(spending([box], [{ value: box.value, assets: minted(LONG_MAX + 1n) }], 1))).rejects.toThrow(
      `output 1 holds 9223372036854775808 of token ${box.boxId.slice(0, 12)}…, more than a Long`,
    );
    await expect(chain.check(spending([box], [{ value: LONG_MAX + 1n }], 1))).rejects.toThrow('output 1 holds 9223372036854775808 nanoERG, more than a Long');
  });

  it('refuses output values whose sum overflows a Long (txOutputSum)', async () => {
    const chain = aDevnet();
    const box = await openBox(chain);
    await expect(chain.check(spending([box], [{ value: LONG_MAX }, { value: box.value }], 1))).rejects.toThrow('the sum of the output values overflows a Long');
  });

  it('refuses a mint split over two outputs whose total overflows a Long (outputs’ assets summed with Math.addExact)', async () => {
    const chain = aDevnet();
    const box = await openBox(chain);
    const half = LONG_MAX / 2n + 1n;
    const mint = [{ tokenId: box.boxId, amount: half }];
    const split = spending([box], [{ value: ERG, assets: mint }, { value: box.value - ERG, assets: mint }], 1);
    await expect(chain.check(split)).rejects.toThrow(`the amount of token ${box.boxId.slice(0, 12)}… across the outputs overflows a Long`);
    const withinLong = spending([box], [{ value: ERG, assets: mint }, { value: box.value - ERG, assets: [{ tokenId: box.boxId, amount: half - 2n }] }], 1);
    await expect(chain.check(withinLong)).resolves.toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses inputs whose ERG or token totals overflow a Long', async () => {
    // No valid chain holds such boxes; the test-only append places them without validation to show the node's check.
    const chain = aDevnet();
    const tokenId = 'cd'.repeat(32);
    const placed = (index: number, value: bigint, amount: bigint): ChainBox => {
      const box = { transactionId: 'ab'.repeat(32), index, value, ergoTree: TRUE_TREE, creationHeight: 0, assets: [{ tokenId, amount }], additionalRegisters: {} };
      return { ...box, boxId: boxIdOf(box) };
    };
    const [rich, richer, richest] = [placed(0, ERG, LONG_MAX), placed(1, ERG, 1n), placed(2, LONG_MAX, 1n)];
    chain.appendPrevalidatedBlock([{ id: 'ab'.repeat(32), inputs: [], dataInputs: [], outputs: [rich, richer, richest] }]);
    await expect(chain.check(spending([rich, richer], [{ value: 2n * ERG, assets: [{ tokenId, amount: LONG_MAX }] }], 1))).rejects.toThrow(
      `the amount of token ${tokenId.slice(0, 12)}… across the inputs overflows a Long`,
    );
    await expect(chain.check(spending([rich, richest], [{ value: ERG }], 1))).rejects.toThrow('the sum of the input values overflows a Long');
  });
});

describe('amounts above Long.MaxValue in a POST /transactions body', () => {
  let server: DevnetServer | undefined;
  afterEach(async () => {
    await server?.close();
  });

  it('answers 400 bad.request, as a node whose JSON decoder reads amounts as Long', async () => {
    const chain = aDevnet();
    const box = await openBox(chain);
    server = await serveDevnet(chain);
    const post = async (value: string, amount: string) => {
      const body = `{"inputs":[{"boxId":"${box.boxId}","spendingProof":{"proofBytes":"","extension":{}}}],"dataInputs":[],"outputs":[{"value":${value},"ergoTree":"${TRUE_TREE}","creationHeight":1,"assets":[{"tokenId":"${box.boxId}","amount":${amount}}],"additionalRegisters":{}}]}`;
      const response = await fetch(`${server?.url}/transactions/check`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
      return { status: response.status, body: (await response.json()) as unknown };
    };
    const malformed = (path: string) => ({ status: 400, body: { error: 400, reason: 'bad.request', detail: `The request content was malformed: ${path}: an amount is above Long.MaxValue (9223372036854775807)` } });
    expect(await post('9223372036854775808', '1')).toEqual(malformed('outputs.0.value'));
    expect(await post(String(box.value), '9223372036854775808')).toEqual(malformed('outputs.0.assets.0.amount'));
    expect(await post(String(box.value), '9223372036854775807')).toEqual({ status: 200, body: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });
});
