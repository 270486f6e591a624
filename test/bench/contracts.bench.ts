import type { EIP12UnsignedTransaction, SignedTransaction } from '@fleet-sdk/common';
import { bigintBE, hex } from '@fleet-sdk/crypto';
import { BLOCKCHAIN_PARAMETERS, mockBlockchainStateContext, type KeyedMockChainParty } from '@fleet-sdk/mock-chain';
import { serializeTransaction } from '@fleet-sdk/serializer';
import { ProverBuilder$ } from 'sigmastate-js/main';
import { expect, it } from 'vitest';
import { preflight } from '../../electron/core/preflight/preflight';
import { LetsWorld } from '../helpers/lets-fixtures';
import { machineLine, writeBenchmarkSection } from './report';

/** Signs with the real prover so the size includes the Schnorr proofs the chain will store. */
function signedSize(tx: EIP12UnsignedTransaction, signers: KeyedMockChainParty[]): number {
  const builder = ProverBuilder$.create(BLOCKCHAIN_PARAMETERS, 0);
  for (const signer of signers) builder.withDLogSecret(bigintBE.encode(signer.key.privateKey ?? new Uint8Array()));
  const prover = builder.build();
  const reduced = prover.reduce(mockBlockchainStateContext(), tx as never, tx.inputs as never, [], [], 0);
  const signed = prover.signReduced(reduced, undefined) as unknown as SignedTransaction;
  return serializeTransaction(signed).toBytes().length;
}

function unsignedSize(tx: EIP12UnsignedTransaction): number {
  return serializeTransaction({ inputs: tx.inputs.map(({ boxId, extension }) => ({ boxId, extension })), dataInputs: [], outputs: tx.outputs }).toBytes().length;
}

function medianMs(times: number, action: () => void): number {
  const samples = Array.from({ length: times }, () => {
    const start = performance.now();
    action();
    return performance.now() - start;
  }).sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? Number.NaN;
}

it('measures contract and transaction sizes', () => {
  const world = new LetsWorld();
  const alice = world.enrol('Alice');
  const bob = world.enrol('Bob');
  const enrolment = world.enrolmentTx(world.person('Charlie'));
  const trade = world.tradeTx(alice, bob, 2_00n);

  const accountTree = hex.decode(world.contracts.account).length;
  const managementTree = hex.decode(world.contracts.management).length;
  const enrolmentSigned = signedSize(enrolment, [world.committee.party]);
  const tradeSigned = signedSize(trade, [alice.party]);
  const tradeBuild = medianMs(20, () => world.tradeTx(alice, bob, 2_00n));
  const tradePreflight = medianMs(20, () => preflight(trade, { height: world.chain.height }));

  expect(enrolmentSigned).toBeGreaterThan(unsignedSize(enrolment));
  writeBenchmarkSection(
    'LETS contracts (test/bench/contracts.bench.ts)',
    `
${machineLine()}

| What | Size |
| --- | ---: |
| Account contract ErgoTree | ${accountTree} bytes |
| Management contract ErgoTree | ${managementTree} bytes |
| Enrolment transaction (${enrolment.inputs.length} inputs, ${enrolment.outputs.length} outputs), unsigned / signed | ${unsignedSize(enrolment)} / ${enrolmentSigned} bytes |
| Trade transaction (${trade.inputs.length} inputs, ${trade.outputs.length} outputs), unsigned / signed | ${unsignedSize(trade)} / ${tradeSigned} bytes |

| What | Median time |
| --- | ---: |
| Build a trade (validation + Fleet + pre-flight) | ${tradeBuild.toFixed(1)} ms |
| Pre-flight of a trade (includes reducing every input with sigmastate-js) | ${tradePreflight.toFixed(1)} ms |
`,
  );
});
