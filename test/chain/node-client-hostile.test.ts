import { describe, expect, it } from 'vitest';
import type { ChainSource } from '../../electron/core/chain/chain-source';
import { createNodeClient } from '../../electron/core/chain/node-client';
import { AppError } from '../../electron/core/errors/app-error';
import { asset, blockHeader, blockTransactions, box, fakeNode, idOf, json, LONG_MAX, NODE_URL, nodeInfo, type Reply, transaction } from './node-fixtures';

/**
 * A node (or whatever answers at its address) that sends something wrong must produce a 'chain-response-invalid'
 * naming the endpoint and the field, never a crash and never data passed on.
 */

const BOX_PATH = `/utxo/byId/${idOf('box A')}`;
const HEADER_PATH = `/blocks/${idOf('block 667')}/header`;
const BLOCK_TXS_PATH = `/blocks/${idOf('block 667')}/transactions`;

const readBox = (client: ChainSource) => client.unspentBox(idOf('box A'));
const readHeader = (client: ChainSource) => client.header(idOf('block 667'));
const readBlock = (client: ChainSource) => client.blockTransactions(idOf('block 667'));

function withoutField(value: Record<string, unknown>, field: string) {
  const { [field]: _, ...rest } = value;
  return rest;
}

function blockWithOutput(output: Record<string, unknown>) {
  return json(blockTransactions('block 667', [transaction('tx A', { outputs: [output] })]));
}

interface HostileCase {
  name: string;
  path: string;
  reply: Reply;
  call: (client: ChainSource) => Promise<unknown>;
  endpoint: string;
  problem: string;
  maxResponseBytes?: number;
}

const cases: HostileCase[] = [
  { name: 'a box without a value', path: BOX_PATH, reply: json(withoutField(box(), 'value')), call: readBox, endpoint: 'GET /utxo/byId/{boxId}', problem: 'field value is missing' },
  { name: 'a value sent as text', path: BOX_PATH, reply: json(box({ value: '1000000' })), call: readBox, endpoint: 'GET /utxo/byId/{boxId}', problem: 'field value must be a whole number' },
  { name: 'a fractional value', path: BOX_PATH, reply: { text: JSON.stringify({ ...withoutField(box(), 'value'), value: 1.5, creationHeight: 1, index: 0 }) }, call: readBox, endpoint: 'GET /utxo/byId/{boxId}', problem: 'field value must be a whole number' },
  { name: 'a negative value', path: BOX_PATH, reply: json(box({ value: -1n })), call: readBox, endpoint: 'GET /utxo/byId/{boxId}', problem: 'field value must not be negative' },
  { name: 'a value past Long.MAX', path: BOX_PATH, reply: json(box({ value: LONG_MAX + 1n })), call: readBox, endpoint: 'GET /utxo/byId/{boxId}', problem: 'field value must be at most 9223372036854775807' },
  { name: 'a 63-character box id', path: BOX_PATH, reply: json(box({ boxId: idOf('box A').slice(1) })), call: readBox, endpoint: 'GET /utxo/byId/{boxId}', problem: 'field boxId must be exactly 64 hexadecimal characters' },
  { name: 'a tree that is not hex', path: BOX_PATH, reply: json(box({ ergoTree: '0008cd03zz' })), call: readBox, endpoint: 'GET /utxo/byId/{boxId}', problem: 'field ergoTree must be hexadecimal bytes' },
  { name: 'a register other than R4…R9', path: BOX_PATH, reply: json(box({ additionalRegisters: { R3: '0400' } })), call: readBox, endpoint: 'GET /utxo/byId/{boxId}', problem: 'field additionalRegisters has unexpected entries R3' },
  { name: 'a register that is not hex', path: BOX_PATH, reply: json(box({ additionalRegisters: { R4: 42n } })), call: readBox, endpoint: 'GET /utxo/byId/{boxId}', problem: 'field additionalRegisters.R4 must be hexadecimal text' },
  { name: 'a zero token amount', path: BOX_PATH, reply: json(box({ assets: [asset('LETS', 0n)] })), call: readBox, endpoint: 'GET /utxo/byId/{boxId}', problem: 'field assets[0].amount must be at least 1' },
  { name: 'a box with 256 tokens', path: BOX_PATH, reply: json(box({ assets: Array.from({ length: 256 }, (_, i) => asset(`t${i}`, 1n)) })), call: readBox, endpoint: 'GET /utxo/byId/{boxId}', problem: 'field assets must hold at most 255 tokens' },
  { name: 'a box as a list', path: BOX_PATH, reply: json([box()]), call: readBox, endpoint: 'GET /utxo/byId/{boxId}', problem: 'the answer must be a box object' },
  { name: 'a negative height', path: HEADER_PATH, reply: json(blockHeader({ height: -1n })), call: readHeader, endpoint: 'GET /blocks/{headerId}/header', problem: 'field height must not be negative' },
  { name: 'a height past int32', path: HEADER_PATH, reply: json(blockHeader({ height: 2n ** 31n })), call: readHeader, endpoint: 'GET /blocks/{headerId}/header', problem: 'field height must be at most 2147483647' },
  { name: 'a header without parent', path: HEADER_PATH, reply: json(withoutField(blockHeader(), 'parentId')), call: readHeader, endpoint: 'GET /blocks/{headerId}/header', problem: 'field parentId is missing' },
  { name: 'a short header id in a list', path: '/blocks/at/5', reply: json([idOf('block 5').slice(0, 63)]), call: (c) => c.headerIdsAt(5), endpoint: 'GET /blocks/at/{blockHeight}', problem: 'field [0] must be exactly 64 hexadecimal characters' },
  { name: 'a huge list of header ids', path: '/blocks/at/5', reply: json(Array.from({ length: 1001 }, (_, i) => idOf(`b${i}`))), call: (c) => c.headerIdsAt(5), endpoint: 'GET /blocks/at/{blockHeight}', problem: 'the answer must have at most 1000 entries' },
  { name: 'an output at the wrong index', path: BLOCK_TXS_PATH, reply: blockWithOutput({ index: 3n }), call: readBlock, endpoint: 'GET /blocks/{headerId}/transactions', problem: 'field transactions[0].outputs[0].index does not match its position' },
  { name: 'an output of another transaction', path: BLOCK_TXS_PATH, reply: blockWithOutput({ transactionId: idOf('tx B') }), call: readBlock, endpoint: 'GET /blocks/{headerId}/transactions', problem: 'field transactions[0].outputs[0].transactionId does not match the transaction id' },
  { name: 'transactions as an object', path: BLOCK_TXS_PATH, reply: json({ headerId: idOf('block 667'), transactions: {} }), call: readBlock, endpoint: 'GET /blocks/{headerId}/transactions', problem: 'field transactions must be a list' },
  { name: 'a transaction without inputs', path: BLOCK_TXS_PATH, reply: json(blockTransactions('block 667', [{ ...transaction('tx A'), inputs: [] }])), call: readBlock, endpoint: 'GET /blocks/{headerId}/transactions', problem: 'field transactions[0].inputs must not be empty' },
  { name: 'a height without a tip id', path: '/info', reply: json(nodeInfo({ bestFullHeaderId: null })), call: (c) => c.tip(), endpoint: 'GET /info', problem: 'field bestFullHeaderId must be present exactly when fullHeight is' },
  { name: 'an unknown network', path: '/info', reply: json(nodeInfo({ network: 'regtest' })), call: (c) => c.tip(), endpoint: 'GET /info', problem: 'field network must be mainnet, testnet or devnet' },
  { name: 'text that is not JSON', path: '/info', reply: { text: '{"fullHeight": 667,' }, call: (c) => c.tip(), endpoint: 'GET /info', problem: 'the answer is not JSON' },
  { name: 'duplicate keys', path: '/info', reply: { text: '{"fullHeight":667,"fullHeight":-1}' }, call: (c) => c.tip(), endpoint: 'GET /info', problem: 'the answer is not JSON' },
  { name: 'an empty body', path: '/info', reply: { text: '' }, call: (c) => c.tip(), endpoint: 'GET /info', problem: 'the answer is not JSON' },
  { name: 'an HTML page with status 200', path: '/info', reply: { text: '<!DOCTYPE html><html><body>Welcome to nginx!</body></html>', contentType: 'text/html' }, call: (c) => c.tip(), endpoint: 'GET /info', problem: 'the answer is a web page, not JSON' },
  { name: 'bytes that are not UTF-8', path: '/info', reply: new Response(new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])), call: (c) => c.tip(), endpoint: 'GET /info', problem: 'the answer is not valid UTF-8 text' },
  { name: 'an answer over the size limit', path: '/info', reply: json(nodeInfo({ name: 'x'.repeat(5_000) })), call: (c) => c.tip(), endpoint: 'GET /info', problem: 'the answer is larger than the limit of 4000 bytes', maxResponseBytes: 4_000 },
];

describe('hostile or broken node answers', () => {
  it.each(cases)('$name is refused, naming endpoint and field', async ({ path, reply, call, endpoint, problem, maxResponseBytes }) => {
    const node = fakeNode({ [`GET ${path}`]: reply });
    const client = createNodeClient({ baseUrl: NODE_URL, fetch: node.fetch, sleep: async () => {}, ...(maxResponseBytes ? { maxResponseBytes } : {}) });
    const error = await call(client).then(
      (value) => value,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'chain-response-invalid' });
    expect((error as AppError).message).toContain(`(${endpoint}: ${problem})`);
    expect((error as AppError).message).toContain(NODE_URL);
    // A bad answer is not a passing hiccup: asking again would get the same answer.
    expect(node.requests).toHaveLength(1);
  });

  it('ignores fields it does not use, so a newer node version still works', async () => {
    const node = fakeNode({ [`GET ${BOX_PATH}`]: json({ ...box(), spentTransactionId: null, newField: { nested: [1n, 2.5] } }) });
    const client = createNodeClient({ baseUrl: NODE_URL, fetch: node.fetch });
    const read = await client.unspentBox(idOf('box A'));
    expect(read).not.toHaveProperty('newField');
    expect(read?.boxId).toBe(idOf('box A'));
  });

  it('reads uppercase hex as the same ids, so the mirror does not see new boxes', async () => {
    const node = fakeNode({ [`GET ${BOX_PATH}`]: json(box({ boxId: idOf('box A').toUpperCase(), ergoTree: '0008CD0336100EF59CED80BA5F89C4178EBD57B6C1DD0F3D135EE1DB9F62FC634D637041' })) });
    const read = await createNodeClient({ baseUrl: NODE_URL, fetch: node.fetch }).unspentBox(idOf('box A'));
    expect(read?.boxId).toBe(idOf('box A'));
    expect(read?.ergoTree).toBe('0008cd0336100ef59ced80ba5f89c4178ebd57b6c1dd0f3d135ee1db9f62fc634d637041');
  });
});
