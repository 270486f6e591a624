import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChainBox, ChainHeader, ChainTransaction } from '../../electron/core/chain/chain-source';
import { createExplorerClient, type ExplorerClientOptions } from '../../electron/core/chain/explorer-client';
import { blockSummary, explorerError, networkState, replyJson, serveExplorer, v1Box, type ExplorerServer } from '../helpers/explorer-devnet';
import { failure, idOf, LONG_MAX, P2PK_TREE } from './node-fixtures';
import { aHeader } from '../helpers/headers';

/** Hostile and malformed Explorer answers over real HTTP on 127.0.0.1: each must be a clear AppError or an exact value. */

const servers: ExplorerServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function explorerAnswering(answer: (path: string, response: ServerResponse) => void) {
  const server = await serveExplorer(answer);
  servers.push(server);
  const client = (options: Partial<ExplorerClientOptions> = {}) =>
    createExplorerClient({ baseUrl: server.url, network: 'mainnet', retry: { attempts: 3, baseDelayMs: 1 }, sleep: async () => undefined, ...options });
  return { server, client };
}

/** Answers `body` with 200 on `path`, 404 elsewhere. */
const only = (path: string, body: unknown) => (asked: string, response: ServerResponse) =>
  asked === path ? replyJson(response, 200, body) : replyJson(response, 404, explorerError(404, 'Not found'));

function aBox(overrides: Partial<ChainBox> = {}): ChainBox {
  return {
    boxId: idOf('box A'),
    transactionId: idOf('tx A'),
    index: 0,
    value: 1_000_000n,
    ergoTree: P2PK_TREE,
    creationHeight: 100,
    assets: [],
    additionalRegisters: { R4: '0e0141' },
    ...overrides,
  };
}

function aTransaction(label: string): ChainTransaction {
  const id = idOf(label);
  return { id, inputs: [{ boxId: idOf(`${label} input`), proofBytes: '', extension: {} }], dataInputs: [], outputs: [aBox({ boxId: idOf(`${label} output`), transactionId: id })] };
}

const header: ChainHeader = aHeader({ id: idOf('block 7'), parentId: idOf('block 6'), height: 7, timestamp: 1_767_225_600_000 });
const blockPath = `/api/v1/blocks/${header.id}`;

describe('Explorer client: values', () => {
  it('keeps int64 amounts beyond 2^53 exact and reads v1 registers as their serialized bytes', async () => {
    const box = aBox({ value: LONG_MAX, assets: [{ tokenId: idOf('token'), amount: 9_007_199_254_740_993n }] });
    const { client } = await explorerAnswering(only(`/api/v1/boxes/${box.boxId}`, v1Box(box)));
    const read = await client().unspentBox(box.boxId);
    expect(read?.value).toBe(9_223_372_036_854_775_807n);
    expect(read?.assets).toEqual([{ tokenId: idOf('token'), amount: 9_007_199_254_740_993n }]);
    expect(read?.additionalRegisters).toEqual({ R4: '0e0141' });
  });

  it('answers null for a spent box, a box off the main chain, and an unknown box', async () => {
    const spent = aBox();
    const forked = aBox({ boxId: idOf('box B') });
    const { client } = await explorerAnswering((path, response) => {
      if (path === `/api/v1/boxes/${spent.boxId}`) replyJson(response, 200, v1Box(spent, { spentBy: idOf('tx B') }));
      else if (path === `/api/v1/boxes/${forked.boxId}`) replyJson(response, 200, { ...v1Box(forked), mainChain: false });
      else replyJson(response, 404, explorerError(404, 'Not found box'));
    });
    expect(await client().unspentBox(spent.boxId)).toBeNull();
    expect(await client().unspentBox(forked.boxId)).toBeNull();
    expect(await client().unspentBox(idOf('box C'))).toBeNull();
  });

  it('puts a block’s transactions in their block order, whatever order the Explorer lists them in', async () => {
    const summary = blockSummary(header, [aTransaction('first'), aTransaction('second'), aTransaction('third')]);
    const listed = summary.block as { blockTransactions: unknown[] };
    listed.blockTransactions.reverse();
    const { client } = await explorerAnswering(only(blockPath, summary));
    expect((await client().blockTransactions(header.id)).map((tx) => tx.id)).toEqual([idOf('first'), idOf('second'), idOf('third')]);
    expect(await client().header(header.id)).toEqual(header);
  });

  it('reads the tip from the network state, on the network the treasurer chose', async () => {
    const { client } = await explorerAnswering(only('/api/v1/networkState', networkState(1_234_567, idOf('tip'))));
    expect(await client({ network: 'testnet' }).tip()).toEqual({ height: 1_234_567, headerId: idOf('tip'), network: 'testnet' });
  });
});

describe('Explorer client: malformed answers', () => {
  it.each([
    ['a box without a value', () => blockSummary(header, [{ ...aTransaction('tx'), outputs: [{ ...aBox({ transactionId: idOf('tx') }), value: undefined as unknown as bigint }] }]), 'field block.blockTransactions[0].outputs[0].value is missing'],
    ['a value beyond Long.MAX', () => blockSummary(header, [{ ...aTransaction('tx'), outputs: [aBox({ transactionId: idOf('tx'), value: LONG_MAX + 1n })] }]), 'must be at most 9223372036854775807'],
    ['a box of another transaction', () => blockSummary(header, [{ ...aTransaction('tx'), outputs: [aBox()] }]), 'does not match the transaction id'],
    ['two transactions at one position', () => duplicatePositions(), 'field block.blockTransactions do not have the positions 0 to n−1 in the block'],
    ['a header of another block', () => blockSummary({ ...header, id: idOf('block 8') }, []), 'field block.header.id is not the one asked for'],
    ['a header without its parent', () => blockSummary({ ...header, parentId: undefined as unknown as string }, []), 'field parentId is missing'],
  ])('refuses a block with %s', async (_case, body, problem) => {
    const { client } = await explorerAnswering(only(blockPath, body()));
    const error = await failure(client().blockTransactions(header.id));
    expect(error.code).toBe('chain-response-invalid');
    expect(error.message).toContain(`The Ergo Explorer at ${servers[0]?.url}`);
    expect(error.message).toContain(problem);
    expect(error.hint).toContain('public Explorer');
  });

  it('refuses a register that is neither hex nor a serialized value, and a network state without a height', async () => {
    const box = aBox();
    const { client } = await explorerAnswering((path, response) => {
      if (path === '/api/v1/networkState') replyJson(response, 200, { lastBlockId: idOf('tip') });
      else replyJson(response, 200, { ...v1Box(box), additionalRegisters: { R4: { sigmaType: 'SInt', renderedValue: '1' } } });
    });
    expect((await failure(client().unspentBox(box.boxId))).message).toContain('additionalRegisters.R4 must be hexadecimal text');
    expect((await failure(client().tip())).message).toContain('field height is missing');
  });

  it('refuses a web page where JSON was expected', async () => {
    const { client } = await explorerAnswering((_path, response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<html>Cloudflare</html>'));
    const error = await failure(client().tip());
    expect(error.code).toBe('chain-response-invalid');
    expect(error.message).toContain('the answer is a web page, not JSON');
  });

  it('refuses ids that are not ids before asking', async () => {
    const { server, client } = await explorerAnswering(only('/', {}));
    expect((await failure(client().header('../../admin'))).code).toBe('invalid-input');
    expect(server.requests).toEqual([]);
  });
});

describe('Explorer client: failures of the service', () => {
  it('retries a 500 and then reports the Explorer’s own words', async () => {
    const { server, client } = await explorerAnswering((_path, response) => replyJson(response, 500, explorerError(500, 'Unknown error: database is gone')));
    const error = await failure(client().tip());
    expect(server.requests).toHaveLength(3);
    expect(error.code).toBe('chain-node-error');
    expect(error.message).toBe(`The Ergo Explorer at ${server.url} answered GET /api/v1/networkState with an error (500: Unknown error: database is gone).`);
    expect(error.hint).toContain('The app keeps retrying');
  });

  it('gives up on an Explorer that never answers', async () => {
    const { server, client } = await explorerAnswering(() => {
      // Never answer; the socket stays open until the client gives up.
    });
    const error = await failure(client({ timeoutMs: 150, retry: { attempts: 1, baseDelayMs: 1 } }).tip());
    expect(error.code).toBe('chain-unreachable');
    expect(error.message).toBe(`Cannot reach the Ergo Explorer at ${server.url} (no answer within 150 ms).`);
    expect(error.hint).toContain('internet connection');
  });

  it('sends a transaction once: a refusal is the network’s verdict, a 500 leaves the outcome open', async () => {
    const tx = { inputs: [{ boxId: idOf('box A'), spendingProof: { proofBytes: '', extension: {} } }], dataInputs: [], outputs: [{ value: LONG_MAX, ergoTree: P2PK_TREE, creationHeight: 1, assets: [], additionalRegisters: {} }] };
    let status = 400;
    const { server, client } = await explorerAnswering((_path, response) =>
      replyJson(response, status, explorerError(status, status === 400 ? 'Bad request: Script reduced to false' : 'Unknown error: timeout')),
    );
    const refused = await failure(client().submit(tx));
    expect(refused.code).toBe('transaction-rejected');
    expect(refused.message).toContain('a contract did not accept it');
    status = 500;
    const open = await failure(client().submit(tx));
    expect(open.code).toBe('chain-node-error');
    expect(open.hint).toContain('Do not send it again by hand');
    expect(server.requests).toEqual(['POST /api/v1/mempool/transactions/submit', 'POST /api/v1/mempool/transactions/submit']);
  });

  it('says that it cannot check a transaction without sending it', async () => {
    const { server, client } = await explorerAnswering(only('/', {}));
    const error = await failure(client().check({ inputs: [], dataInputs: [], outputs: [] }));
    expect(error.code).toBe('chain-node-error');
    expect(error.message).toContain('cannot check a transaction without sending it');
    expect(server.requests).toEqual([]);
  });
});

function duplicatePositions(): unknown {
  const summary = blockSummary(header, [aTransaction('first'), aTransaction('second')]);
  const [, second] = (summary.block as { blockTransactions: { index: number }[] }).blockTransactions;
  if (second) second.index = 0;
  return summary;
}
