import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/core/api/dispatch';
import type { CallName } from '../../electron/core/api/contract';
import type { SettingsView } from '../../electron/core/api/calls/settings-types';
import type { ChainStatus, MemberSummary } from '../../electron/core/api/types';
import { createCore, type Core } from '../../electron/core/app/core';
import { startNodeRuntime } from '../../electron/core/app/node-runtime';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { seedDemoLets, type DemoLets } from '../../electron/core/devnet/demo-lets';
import { serveDevnet, type DevnetServer } from '../../electron/core/devnet/devnet-server';
import type { ErrorPayload } from '../../electron/core/errors/app-error';
import { trackLetsOnChain } from '../../electron/core/mirror/queries/chain-store';
import { addLets } from '../../electron/core/mirror/queries/lets';
import { addMemberProfile } from '../../electron/core/mirror/queries/members';
import type { Db } from '../../electron/core/mirror/database';
import { tempDir } from '../helpers/temp-dir';

/** The demo LETS as a treasurer's computer would follow it on a real network: tracked, with the members' names. */
function followDemo(db: Db, demo: DemoLets, network: 'testnet' | 'mainnet' = 'testnet'): void {
  const { lets } = demo;
  const letsId = addLets(db, { letsTokenId: lets.letsId, name: lets.name, unit: lets.unit, model: 'committee', creditFloor: lets.floor, creditCap: lets.cap });
  trackLetsOnChain(db, { letsId, network, membershipTokenId: lets.membershipTokenId, accountTree: demo.accountTree, managementTree: demo.managementTree, startHeight: demo.genesisHeight });
  for (const member of demo.members) addMemberProfile(db, { letsId, ownerKey: member.publicKey, name: member.name });
}

function appOn(core: Core) {
  const dispatcher = createDispatcher(core.handlers, (error) => {
    throw error;
  });
  return {
    async call<T>(name: CallName, input: unknown = {}): Promise<T> {
      const result = await dispatcher.dispatch(name, input);
      if (!result.ok) throw Object.assign(new Error(result.error.message), { payload: result.error });
      return result.value as T;
    },
    async refusal(name: CallName, input: unknown): Promise<ErrorPayload> {
      const result = await dispatcher.dispatch(name, input);
      if (result.ok) throw new Error(`${name} was expected to fail`);
      return result.error;
    },
    async synced(): Promise<ChainStatus> {
      let status: ChainStatus | undefined;
      await expect
        .poll(async () => (status = await this.call<ChainStatus>('chain.status')).state, { timeout: 20_000, interval: 100 })
        .toBe('synced');
      return status as ChainStatus;
    },
  };
}

describe('the app following an Ergo node (the devnet served as a testnet node)', () => {
  let chain: DevnetChain;
  let demo: DemoLets;
  let testnetNode: DevnetServer;
  let mainnetNode: DevnetServer;
  let nodeWithoutIndex: DevnetServer;
  const cores: Core[] = [];

  const aCore = (): Core => {
    const core = createCore({ databasePath: join(tempDir(), 'lets-mirror.sqlite'), appVersion: '0.0.0-test' });
    cores.push(core);
    return core;
  };

  beforeAll(async () => {
    chain = new DevnetChain();
    demo = await seedDemoLets(chain);
    testnetNode = await serveDevnet(chain, 0, { network: 'testnet' });
    mainnetNode = await serveDevnet(chain, 0, { network: 'mainnet' });
    nodeWithoutIndex = await serveDevnet(chain, 0, { network: 'testnet', extraIndex: false });
  });

  afterEach(async () => {
    for (const core of cores.splice(0)) await core.close();
  });

  afterAll(async () => {
    await Promise.all([testnetNode, mainnetNode, nodeWithoutIndex].map((server) => server?.close()));
  });

  it('syncs the demo LETS from the node, and offers only the Ledger for signing', async () => {
    const core = aCore();
    const app = appOn(core);
    followDemo(core.db, demo);
    const view = await app.call<SettingsView>('settings.update', { chainSource: testnetNode.url, nodeNetwork: 'testnet' });
    expect(view).toMatchObject({ chain: 'testnet', confirmations: { effective: 10, default: 10 } });
    expect(view.notice).toMatch(/^Connected to a testnet node at block \d+, with the extra index/);
    await core.startChain();

    expect((await app.synced()).message).toBe(`Up to date at block ${chain.height}.`);
    const members = await app.call<MemberSummary[]>('members.list');
    expect(Object.fromEntries(members.map((m) => [m.name, m.balance]))).toEqual({ Alice: -2_00n, Bob: -1_50n, Charlie: 3_50n });
    // The demo key is public: on a node, whatever its network, only the Ledger signs.
    expect(await app.call('signing.options')).toEqual({ signers: ['ledger'] });
  });

  it('finds a wallet’s boxes through the node’s extra index, as the devnet finds them itself', async () => {
    const core = aCore();
    const runtime = startNodeRuntime({ db: core.db, url: testnetNode.url, network: 'testnet', confirmations: 10 });
    try {
      const boxes = await runtime.access.unspentByErgoTree(demo.committee.ergoTree);
      expect(boxes.map((box) => box.boxId)).toEqual((await chain.unspentByErgoTree(demo.committee.ergoTree)).map((box) => box.boxId));
      expect(typeof boxes[0]?.value).toBe('string');
      expect(await runtime.access.height()).toBe(chain.height);
      const [account] = await chain.unspentByErgoTree(demo.accountTree);
      expect((await runtime.access.unspentBox(account?.boxId ?? ''))?.boxId).toBe(account?.boxId);
    } finally {
      await runtime.stop();
    }
  });

  it('refuses a node on another network and stays where it was', async () => {
    const app = appOn(aCore());
    const error = await app.refusal('settings.update', { chainSource: mainnetNode.url, nodeNetwork: 'testnet' });
    expect(error).toMatchObject({ code: 'chain-wrong-network', message: `The Ergo node at ${mainnetNode.url} is on mainnet, but this ledger lives on testnet.` });
    expect((await app.call<SettingsView>('settings.get')).settings.chainSource).toBe('devnet');
  });

  it('refuses a node it cannot reach, and an address that is not a node URL', async () => {
    const app = appOn(aCore());
    const closed = await serveDevnet(chain);
    await closed.close();
    expect(await app.refusal('settings.update', { chainSource: closed.url, nodeNetwork: 'testnet' })).toMatchObject({ code: 'chain-unreachable' });
    const error = await app.refusal('settings.update', { chainSource: 'node.example:9053' });
    expect(error.message).toContain('The node URL must start with http:// or https://.');
    expect((await app.call<SettingsView>('settings.get')).settings.chainSource).toBe('devnet');
  });

  it('follows a node without the extra index, and says why it cannot pay fees there', async () => {
    const core = aCore();
    const app = appOn(core);
    followDemo(core.db, demo);
    const view = await app.call<SettingsView>('settings.update', { chainSource: nodeWithoutIndex.url, nodeNetwork: 'testnet' });
    expect(view.notice).toContain('It has no extra index');
    await core.startChain();
    await app.synced();
    const runtime = startNodeRuntime({ db: core.db, url: nodeWithoutIndex.url, network: 'testnet', confirmations: 10 });
    try {
      await expect(runtime.access.unspentByErgoTree(demo.committee.ergoTree)).rejects.toMatchObject({
        code: 'chain-node-error',
        message: expect.stringContaining('does not keep the extra index'),
        hint: expect.stringContaining('extraIndex = true'),
      });
    } finally {
      await runtime.stop();
    }
  });

  it('checks a node without switching to it', async () => {
    const app = appOn(aCore());
    expect(await app.call('settings.checkNode', { url: testnetNode.url, network: 'testnet' })).toMatchObject({ network: 'testnet', height: chain.height, indexedHeight: chain.height });
    expect((await app.call<SettingsView>('settings.get')).settings.chainSource).toBe('devnet');
  });
});
