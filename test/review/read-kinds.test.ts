import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EIP12UnsignedTransaction } from '@fleet-sdk/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccountClosing } from '../../electron/core/builders/account-closing';
import { buildCommitteeRotation } from '../../electron/core/builders/committee-rotation';
import { ownerAddress } from '../../electron/core/members/owner-address';
import { buildEnrolment } from '../../electron/core/builders/enrolment';
import { buildWithdrawal } from '../../electron/core/builders/trustless/withdrawal';
import type { ChainIndex } from '../../electron/core/chain/chain-index';
import { toFleetBox } from '../../electron/core/chain/fleet-box';
import { createNodeIndex } from '../../electron/core/chain/node-index';
import { readTrustlessAccount } from '../../electron/core/contracts/trustless/trustless-boxes';
import { DemoSession, seedDemoLets, type DemoLets } from '../../electron/core/devnet/demo-lets';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { serveDevnet, type DevnetServer } from '../../electron/core/devnet/devnet-server';
import { seedTrustlessDemo, type TrustlessDemoLets } from '../../electron/core/devnet/trustless-demo';
import type { Db } from '../../electron/core/mirror/database';
import { trackLetsOnChain } from '../../electron/core/mirror/queries/chain-store';
import { addLets } from '../../electron/core/mirror/queries/lets';
import { syncOnce } from '../../electron/core/mirror/sync/mirror-sync';
import { readingContext } from '../../electron/core/review/reading-context';
import { readTransaction } from '../../electron/core/review/read-transaction';
import { openMirrorFollowing } from '../helpers/mirror-following';
import { unsignedFromChain } from '../helpers/unsigned-from-chain';

/**
 * Every kind of LETS transaction the app knows, read from the transaction: both genesis transactions, an enrolment,
 * a closing and a change of committee key in a committee LETS; a join and a withdrawal in a trustless one.
 */
describe('reading each kind of LETS transaction', () => {
  let chain: DevnetChain;
  let committee: DemoLets;
  let trustless: TrustlessDemoLets;
  let session: DemoSession;
  let server: DevnetServer;
  let index: ChainIndex;
  let db: Db;
  const read = (tx: EIP12UnsignedTransaction, signers: string[] = []) => readTransaction(tx, readingContext(db, 'devnet'), signers);

  beforeAll(async () => {
    chain = new DevnetChain();
    committee = await seedDemoLets(chain);
    trustless = await seedTrustlessDemo(chain);
    session = DemoSession.create(chain);
    server = await serveDevnet(chain);
    index = createNodeIndex({ baseUrl: server.url, network: 'devnet' });
    db = openMirrorFollowing(join(mkdtempSync(join(tmpdir(), 'lets-kinds-')), 'mirror.sqlite'), committee).db;
    const { lets } = trustless;
    const letsId = addLets(db, { letsTokenId: lets.letsId, name: lets.name, unit: lets.unit, model: 'trustless', creditFloor: lets.floor, creditCap: lets.cap });
    trackLetsOnChain(db, { letsId, network: 'devnet', membershipTokenId: lets.membershipTokenId, accountTree: trustless.accountTree, publicTokenTree: trustless.publicTokenTree, startHeight: trustless.genesisHeight });
    await syncOnce(db, chain);
  }, 60_000);

  afterAll(async () => {
    await server?.close();
  });

  const management = async () => toFleetBox((await chain.unspentByErgoTree(committee.managementTree))[0] as never);

  it('reads both genesis transactions of each model from the chain', async () => {
    for (const [demo, box, founder] of [[committee, 'management box', committee.committee], [trustless, 'public token box', trustless.founder]] as const) {
      const minted = await index.box(demo.lets.letsId);
      // Signed by the founder, whose change is explained as such.
      const mint = read(await unsignedFromChain(index, minted?.transactionId ?? ''), [founder.publicKey]);
      const found = read(await unsignedFromChain(index, minted?.spentTransactionId ?? ''), [founder.publicKey]);
      const pool = demo === committee ? 251n : found.pool?.after;
      expect(mint).toMatchObject({ kind: 'genesis-mint', headline: `Founding ${demo.lets.name}: ${pool} membership tokens are minted`, warnings: [] });
      expect(found).toMatchObject({ kind: 'genesis', headline: `Founding ${demo.lets.name}: its ${box} receives the LETS id and ${pool} membership tokens`, pool: { before: 0n, after: pool } });
    }
  });

  it('reads an enrolment and then the closing of that account at 0.00, as the committee', async () => {
    const newcomer = await session.party('Nina', 40);
    await session.fundAll([committee.committee]);
    const enrolment = buildEnrolment({ ...(await session.funding(committee.committee)), lets: committee.lets, management: await management(), memberName: 'Nina', memberKey: newcomer.publicKey });
    const enrols = read(enrolment, [committee.committee.publicKey]);
    expect(enrols).toMatchObject({ kind: 'enrolment', accounts: [{ ownerKey: newcomer.publicKey, name: null, before: null, after: 0n }], committee: { before: committee.committee.publicKey, after: committee.committee.publicKey }, warnings: [] });
    expect(enrols.headline).toBe(`The committee enrols an account not in the member list (${newcomer.publicKey.slice(0, 8)}…) in Riverside LETS, with a new account at 0.00`);
    expect(enrols.inputs.at(-1)?.what).toBe('the committee’s wallet (pays the fee)');

    await session.signAndSubmit(enrolment, committee.committee);
    chain.mine();
    await syncOnce(db, chain);
    const closing = buildAccountClosing({ ...(await session.funding(committee.committee)), lets: committee.lets, management: await management(), account: { name: 'Nina', box: await session.accountBox(committee, newcomer) } });
    const closes = read(closing, [committee.committee.publicKey]);
    expect(closes).toMatchObject({ kind: 'closing', accounts: [{ before: 0n, after: null }], warnings: [] });
    expect(closes.pool?.after).toBe((closes.pool?.before ?? 0n) + 1n);
    // The account's ERG goes back to the committee's wallet with the change: explained as such.
    expect(closes.outputs.map((o) => o.what)).toEqual(['the management box of Riverside LETS', 'the miner fee', 'change back to the committee’s wallet']);
  });

  it('reads a change of committee key', async () => {
    const next = await session.party('Next committee', 41);
    const rotation = buildCommitteeRotation({ ...(await session.funding(committee.committee)), lets: committee.lets, management: await management(), newCommitteeKey: next.publicKey });
    expect(read(rotation, [committee.committee.publicKey])).toMatchObject({
      kind: 'committee-rotation',
      headline: `The committee key of Riverside LETS passes from ${ownerAddress(committee.committee.publicKey, 'testnet')} to ${ownerAddress(next.publicKey, 'testnet')}`,
      committee: { before: committee.committee.publicKey, after: next.publicKey },
      accounts: [],
      warnings: [],
    });
  });

  it('reads a join and a withdrawal in a trustless LETS', async () => {
    // Gus joined without telling anyone and never traded: his account box is the one his join created.
    const gus = (await chain.unspentByErgoTree(trustless.accountTree)).find((b) => b.additionalRegisters.R4?.endsWith(trustless.stranger.publicKey));
    const join = read(await unsignedFromChain(index, gus?.transactionId ?? ''), [trustless.stranger.publicKey]);
    expect(join).toMatchObject({ kind: 'join', accounts: [{ ownerKey: trustless.stranger.publicKey, before: null, after: 0n }], warnings: [] });
    expect(join.headline).toMatch(/^Member [0-9a-f]{8} joins Hilltop Time Bank, with a new account at 0\.00$/);

    const account = toFleetBox(gus as never);
    const { unlockHeight } = readTrustlessAccount(account, trustless.lets, 'Gus');
    const withdrawal = buildWithdrawal({
      ...(await session.funding(trustless.stranger)),
      height: unlockHeight,
      lets: trustless.lets,
      publicTokenBox: toFleetBox((await chain.unspentByErgoTree(trustless.publicTokenTree))[0] as never),
      account: { name: 'Gus', box: account },
    });
    const leaves = read(withdrawal, [trustless.stranger.publicKey]);
    expect(leaves).toMatchObject({ kind: 'withdrawal', accounts: [{ before: 0n, after: null }], warnings: [] });
    expect(leaves.headline).toMatch(/^Member [0-9a-f]{8} leaves Hilltop Time Bank at 0\.00 and takes back their collateral$/);
  });
});
