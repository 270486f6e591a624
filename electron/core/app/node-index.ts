import { z } from 'zod';
import type { ChainBox } from '../chain/chain-source';
import { describeSchemaError, nodeAnsweredError, responseInvalid } from '../chain/node-errors';
import { createNodeHttp, type HttpTuning, type NodeAnswer, type NodeRequest } from '../chain/node-http';
import { unspentBoxSchema } from '../chain/node-schemas';
import { AppError } from '../errors/app-error';

/*
 * The node's indexed `/blockchain/*` endpoints, which exist only when the node runs with `extraIndex = true`
 * (spec: shared/ergo-node-openapi.yaml). The app needs one of them: the signer's own unspent boxes, which pay the
 * fee of every transaction it sends. Without the index a node cannot list a wallet's boxes by script, and the
 * errors here say so instead of reporting an obscure 404 or 500.
 */

/** Boxes per page; the node allows up to 16 384, but a treasurer's fee wallet holds a handful. */
const PAGE_LIMIT = 100;
/** A fee wallet with more boxes than this is not a fee wallet; stop instead of paging through a whole exchange. */
const MAX_PAGES = 20;

export interface NodeIndexOptions extends Pick<HttpTuning, 'fetch' | 'timeoutMs'> {
  baseUrl: string;
}

export interface NodeIndex {
  /** Height up to which the node's extra index is built, or null when the node has no extra index. */
  indexedHeight(): Promise<number | null>;
  /** Confirmed unspent boxes under `ergoTree`, oldest first, excluding boxes a mempool transaction spends. */
  unspentByErgoTree(ergoTree: string): Promise<ChainBox[]>;
}

const indexedHeightSchema = z.object({ indexedHeight: z.bigint().min(0n).transform(Number) });

// The spec documents { items, total }; nodes to date answer a bare list (BlockchainApiRoute returns Seq[IndexedErgoBox]).
const unspentPageSchema = z.union([z.array(unspentBoxSchema), z.object({ items: z.array(unspentBoxSchema) }).transform((page) => page.items)]);

export function extraIndexMissing(nodeUrl: string): AppError {
  return new AppError(
    'chain-node-error',
    `The Ergo node at ${nodeUrl} does not keep the extra index, so it cannot list the boxes of your wallet that pay transaction fees.`,
    'Set extraIndex = true in the node’s configuration (section ergo.node) and restart the node; it then builds the index, which takes a while on mainnet.',
  );
}

export function createNodeIndex(options: NodeIndexOptions): NodeIndex {
  const http = createNodeHttp({
    ...options,
    baseUrl: new URL(options.baseUrl),
    retry: { attempts: 2, baseDelayMs: 500 },
    maxResponseBytes: 8_000_000,
  });
  const { nodeUrl } = http;

  function parsed<S extends z.ZodType>(answer: NodeAnswer, request: NodeRequest, schema: S): z.output<S> {
    if (answer.json === undefined) throw responseInvalid(nodeUrl, request.endpoint, answer.looksLikeHtml ? 'the answer is a web page, not JSON' : 'the answer is not JSON');
    const result = schema.safeParse(answer.json, { reportInput: true });
    if (!result.success) throw responseInvalid(nodeUrl, request.endpoint, describeSchemaError(result.error));
    return result.data;
  }

  async function indexedHeight(): Promise<number | null> {
    const request: NodeRequest = { method: 'GET', path: '/blockchain/indexedHeight', endpoint: 'GET /blockchain/indexedHeight' };
    const answer = await http.send(request);
    // Without the index the node answers every /blockchain path with an error ("Extra indexing is not enabled").
    if (answer.status < 200 || answer.status > 299) return null;
    return parsed(answer, request, indexedHeightSchema).indexedHeight;
  }

  async function page(ergoTree: string, offset: number): Promise<ChainBox[]> {
    const query = `offset=${offset}&limit=${PAGE_LIMIT}&sortDirection=asc&includeUnconfirmed=false&excludeMempoolSpent=true`;
    const request: NodeRequest = { method: 'POST', path: `/blockchain/box/unspent/byErgoTree?${query}`, endpoint: 'POST /blockchain/box/unspent/byErgoTree', body: ergoTree };
    const answer = await http.send(request);
    if (answer.status < 200 || answer.status > 299) {
      if ((await indexedHeight()) === null) throw extraIndexMissing(nodeUrl);
      // The spec's 404 means "no unspent box with this script"; with the index present that is an empty wallet.
      if (answer.status === 404) return [];
      throw nodeAnsweredError(nodeUrl, request.endpoint, answer.status, answer.json);
    }
    const boxes = parsed(answer, request, unspentPageSchema);
    if (boxes.some((box) => box.ergoTree !== ergoTree.toLowerCase())) throw responseInvalid(nodeUrl, request.endpoint, 'a box has another script than the one asked for');
    return boxes;
  }

  return {
    indexedHeight,
    async unspentByErgoTree(ergoTree) {
      const boxes: ChainBox[] = [];
      for (let index = 0; index < MAX_PAGES; index++) {
        const found = await page(ergoTree, index * PAGE_LIMIT);
        boxes.push(...found);
        if (found.length < PAGE_LIMIT) return boxes;
      }
      return boxes;
    },
  };
}
