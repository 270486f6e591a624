import type { EIP12UnsignedTransaction } from '@fleet-sdk/common';
import { compile } from '@fleet-sdk/compiler';
import { FEE_CONTRACT, OutputBuilder, RECOMMENDED_MIN_FEE_VALUE, TransactionBuilder } from '@fleet-sdk/core';
import { blake2b256, hex } from '@fleet-sdk/crypto';
import { SByte, SColl } from '@fleet-sdk/serializer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LETS_BOX_VALUE } from '../../electron/core/builders/funding';
import { createdBoxes } from '../../electron/core/builders/created-boxes';
import { toFleetBox } from '../../electron/core/chain/fleet-box';
import { createNodeClient } from '../../electron/core/chain/node-client';
import { createNodeIndex } from '../../electron/core/chain/node-index';
import managementSource from '../../electron/core/contracts/management.es?raw';
import { letsContracts } from '../../electron/core/contracts/lets-contracts';
import { encodeManagementRegisters } from '../../electron/core/contracts/registers';
import { seedDemoLets, type DemoLets } from '../../electron/core/devnet/demo-lets';
import { DevnetChain } from '../../electron/core/devnet/devnet-chain';
import { serveDevnet, type DevnetServer } from '../../electron/core/devnet/devnet-server';
import { seedTrustlessDemo, type TrustlessDemoLets } from '../../electron/core/devnet/trustless-demo';
import { findLets, type LetsFinder } from '../../electron/core/following/follow-lets';
import { parseLetsLink } from '../../electron/core/following/lets-link';
import type { Lets, LetsParameters } from '../../electron/core/lets/lets-parameters';
import { fund, signForNode, wallet, type TestWallet } from '../helpers/devnet-wallets';

/**
 * Following checks a LETS on chain before anything is stored: its contracts byte for byte, and its birth. The app's own
 * demo LETS pass; LETS made by hand that differ from what our builders make are refused, each with a sentence that
 * says why. The devnet is served as a node with its extra index, and as one without.
 */
describe('finding a LETS to follow', () => {
  let chain: DevnetChain;
  let committee: DemoLets;
  let trustless: TrustlessDemoLets;
  let indexed: DevnetServer;
  let plain: DevnetServer;
  let finder: LetsFinder;
  const founder: TestWallet = wallet('Eve');
  const parameters: LetsParameters = { name: 'Forged LETS', unit: 'EUR-LETS', floor: -100_00n, cap: null };

  beforeAll(async () => {
    chain = new DevnetChain();
    committee = await seedDemoLets(chain);
    trustless = await seedTrustlessDemo(chain);
    indexed = await serveDevnet(chain);
    plain = await serveDevnet(chain, 0, { extraIndex: false });
    finder = { source: createNodeClient({ baseUrl: indexed.url, expectedNetwork: 'devnet' }), index: createNodeIndex({ baseUrl: indexed.url, network: 'devnet' }) };
  }, 120_000);

  afterAll(async () => {
    await indexed?.close();
    await plain?.close();
  });

  const find = (letsId: string, startHeight: number | null = null, by: LetsFinder = finder) => findLets(by, { network: 'devnet', letsId, startHeight });
  const refusal = (promise: Promise<unknown>) => promise.then(() => 'accepted', (error: { code: string; message: string }) => error);

  async function submit(tx: EIP12UnsignedTransaction): Promise<void> {
    await chain.submit(signForNode(tx, founder));
    chain.mine();
  }

  /**
   * A genesis written by hand in the shape our builders make (builders/genesis.ts), with one thing changed: tokens kept
   * back from the pool at minting, the LETS id minted more than once, or the holder box on another script. Signed by
   * the founder and mined, so the chain holds exactly that shape. Returns the LETS id.
   */
  async function forgedGenesis(forge: { keptBack?: bigint; letsIdSupply?: bigint; holderTree?: (lets: Lets) => string } = {}): Promise<string> {
    const { keptBack = 0n, letsIdSupply = 1n } = forge;
    const pool = 11n;
    const fee = RECOMMENDED_MIN_FEE_VALUE;
    const box = await fund(chain, founder);
    const height = chain.height;
    const plain = (value: bigint, ergoTree: string, assets: { tokenId: string; amount: bigint }[] = [], additionalRegisters = {}) => ({
      value: String(value),
      ergoTree,
      creationHeight: height,
      assets: assets.map((a) => ({ tokenId: a.tokenId, amount: String(a.amount) })),
      additionalRegisters,
    });
    const membershipTokenId = box.boxId;
    const extra = LETS_BOX_VALUE;
    const mint: EIP12UnsignedTransaction = {
      inputs: [{ ...toFleetBox(box), value: String(box.value), assets: [], extension: {} }],
      dataInputs: [],
      outputs: [
        plain(LETS_BOX_VALUE + fee + (letsIdSupply > 1n ? extra : 0n), founder.ergoTree, [{ tokenId: membershipTokenId, amount: pool - keptBack }]),
        ...(keptBack > 0n ? [plain(extra, founder.ergoTree, [{ tokenId: membershipTokenId, amount: keptBack }])] : []),
        plain(fee, FEE_CONTRACT),
      ],
    };
    const spent = mint.outputs.reduce((sum, o) => sum + BigInt(o.value), 0n);
    mint.outputs.push(plain(box.value - spent, founder.ergoTree));
    const [membershipBox] = createdBoxes(mint);
    if (!membershipBox) throw new Error('no membership box');
    const lets: Lets = { ...parameters, letsId: membershipBox.boxId, membershipTokenId };
    const registers = encodeManagementRegisters({ ...parameters, committee: hex.encode(founder.key.publicKey) });
    const found: EIP12UnsignedTransaction = {
      inputs: [{ ...membershipBox, extension: {} }],
      dataInputs: [],
      outputs: [
        plain(LETS_BOX_VALUE, forge.holderTree?.(lets) ?? letsContracts(lets).management, [{ tokenId: lets.letsId, amount: 1n }, { tokenId: membershipTokenId, amount: pool - keptBack }], registers),
        ...(letsIdSupply > 1n ? [plain(extra, founder.ergoTree, [{ tokenId: lets.letsId, amount: letsIdSupply - 1n }])] : []),
        plain(fee, FEE_CONTRACT),
      ],
    };
    await submit(mint);
    await submit(found);
    return lets.letsId;
  }

  it('recognises the app’s own demo LETS, both models, with their genesis height and members', async () => {
    const riverside = await find(committee.lets.letsId);
    expect(riverside).toMatchObject({ genesisHeight: committee.genesisHeight, minted: 251n });
    expect(riverside.recognised).toMatchObject({ model: 'committee', version: 1, lets: { name: 'Riverside LETS', floor: -200_00n, cap: 500_00n } });
    expect(riverside.recognised.trees).toEqual({ accountTree: committee.accountTree, holderTree: committee.managementTree });
    expect(riverside.minted - (riverside.poolNow ?? 0n)).toBe(3n);

    const hilltop = await find(trustless.lets.letsId);
    expect(hilltop.recognised).toMatchObject({ model: 'trustless', version: 1, lets: { name: 'Hilltop Time Bank', lockPeriod: 720 } });
    expect(hilltop.genesisHeight).toBe(trustless.genesisHeight);
    expect(hilltop.recognised.trees).toEqual({ accountTree: trustless.accountTree, holderTree: trustless.publicTokenTree });
  });

  it('finds a LETS by reading the blocks from its link’s start height on a node without the index, and says what it needs without one', async () => {
    const noIndex = { source: createNodeClient({ baseUrl: plain.url, expectedNetwork: 'devnet' }), index: createNodeIndex({ baseUrl: plain.url, network: 'devnet' }) };
    const riverside = await find(committee.lets.letsId, committee.genesisHeight, noIndex);
    expect(riverside.recognised.trees.holderTree).toBe(committee.managementTree);
    expect(riverside.poolNow).toBeNull();
    expect(await refusal(find(committee.lets.letsId, null, noIndex))).toMatchObject({ code: 'no-chain-index', message: expect.stringContaining('no extra index') });
    expect(await refusal(find(committee.lets.letsId, committee.genesisHeight + 1, noIndex))).toMatchObject({ code: 'not-found' });
  });

  it('refuses a LETS whose account script differs in one byte, naming it a look-alike', async () => {
    const honest = letsContracts({ ...parameters, letsId: '00'.repeat(32), membershipTokenId: '11'.repeat(32) }).account;
    const changed = honest.slice(0, -2) + (honest.endsWith('00') ? '01' : '00');
    const management = compile(managementSource, { map: { _accountScriptHash: SColl(SByte, hex.encode(blake2b256(hex.decode(changed)))).toHex() } }).toHex();
    const letsId = await forgedGenesis({ holderTree: () => management });
    expect(await refusal(find(letsId))).toMatchObject({ code: 'lets-lookalike', message: expect.stringContaining('its contract is not one this app made') });
  });

  it('refuses a LETS whose founder kept a membership token back, and one whose LETS id was minted twice', async () => {
    const keptBack = await forgedGenesis({ keptBack: 1n });
    expect(await refusal(find(keptBack))).toMatchObject({ code: 'lets-birth-invalid', message: expect.stringContaining('1 of its membership tokens went elsewhere when they were minted') });

    const twice = await forgedGenesis({ letsIdSupply: 2n });
    expect(await refusal(find(twice))).toMatchObject({ code: 'lets-birth-invalid', message: expect.stringContaining('minted 2 times') });
  });

  it('says when the node is still catching up, or its index is behind, instead of calling the LETS unknown', async () => {
    const behind: LetsFinder = {
      ...finder,
      source: new Proxy(finder.source, {
        get: (target, property) =>
          property === 'tip' ? async () => ({ ...(await target.tip()), headersHeight: chain.height + 500 }) : (Reflect.get(target, property) as unknown),
      }),
    };
    expect(await refusal(find(committee.lets.letsId, null, behind))).toMatchObject({
      code: 'chain-node-error',
      message: `The node is still catching up with the network: it has block ${chain.height} of ${chain.height + 500}. A LETS founded since is not visible to it yet, and a history read now would stop short.`,
    });

    const lagging = await serveDevnet(chain, 0, { indexLag: 30 });
    try {
      const young = await forgedGenesis();
      const slow = { source: createNodeClient({ baseUrl: lagging.url, expectedNetwork: 'devnet' }), index: createNodeIndex({ baseUrl: lagging.url, network: 'devnet' }) };
      expect(await refusal(find(young, null, slow))).toMatchObject({
        code: 'not-found',
        message: expect.stringContaining(`its index has read the chain up to block ${Math.max(0, chain.height - 30)} of ${chain.height}`),
        hint: expect.stringContaining('The index is still catching up'),
      });
      // Its full link lets the blocks themselves be read: the LETS is there.
      expect((await find(young, chain.height - 1, { ...slow, index: null })).recognised.lets.name).toBe('Forged LETS');
    } finally {
      await lagging.close();
    }
  });

  it('says clearly when an id is no LETS at all, or when a link is for another network', async () => {
    expect(await refusal(find('ab'.repeat(32)))).toMatchObject({ code: 'not-found', message: expect.stringContaining('No LETS with the id abababababab') });
    // A token that exists, minted into a plain wallet box: not a LETS.
    const box = await fund(chain, founder);
    const mint = new TransactionBuilder(chain.height)
      .from([toFleetBox(box)])
      .to(new OutputBuilder(1_000_000n, founder.address).mintToken({ amount: 5n, name: 'Some token' }))
      .sendChangeTo(founder.address)
      .payFee(RECOMMENDED_MIN_FEE_VALUE)
      .build()
      .toEIP12Object();
    await submit(mint);
    expect(await refusal(find(box.boxId))).toMatchObject({ code: 'not-a-lets', message: expect.stringContaining('not the id of a LETS made by this app') });

    expect(() => parseLetsLink(`ergo-lets:mainnet/${committee.lets.letsId}@12`, 'testnet')).toThrow('This link is for a LETS on Ergo mainnet, but the app follows Ergo testnet.');
    expect(() => parseLetsLink('hello', 'testnet')).toThrow('This is neither a LETS link nor a LETS id.');
    expect(parseLetsLink(` ERGO-LETS:testnet/${'AB'.repeat(32)}@7 `, 'testnet')).toEqual({ network: 'testnet', letsId: 'ab'.repeat(32), startHeight: 7 });
  });
});

