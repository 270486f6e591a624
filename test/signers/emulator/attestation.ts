import { createHmac } from 'node:crypto';
import { blake2b256 } from '@fleet-sdk/crypto';
import { ByteReader, StatusError, vlq } from './bytes';

const SW_TOO_MUCH_DATA = 0xe015;
const SW_SMALL_CHUNK = 0xe01a;
const SW_BAD_STATE = 0xb0ff;
const SW_BAD_FRAME_INDEX = 0xe007;
const SW_BAD_TOKEN_ID = 0xe001;

/** Tokens per attested frame (ledger-app-ergo src/helpers/input_frame.h FRAME_MAX_TOKENS_COUNT). */
export const FRAME_MAX_TOKENS = 4;
export const ATTESTATION_LENGTH = 16;
const MAX_CHUNK = 255;

/** First 16 bytes of HMAC-SHA256 under the per-app-start session key (doc/INS-20-ATTEST-BOX.md). */
export function frameAttestation(sessionKey: Buffer, frameBody: Buffer): Buffer {
  return createHmac('sha256', sessionKey).update(frameBody).digest().subarray(0, ATTESTATION_LENGTH);
}

interface Token {
  id: Buffer;
  amount: bigint;
}

/**
 * One "attest input" session: rebuilds the box bytes from the streamed pieces, derives the box id
 * exactly as Ergo does (blake2b256 of the serialized box), and hands out frames bound by HMAC.
 */
export class AttestSession {
  readonly #boxBytes: Buffer[] = [];
  readonly #tokens: Token[] = [];
  #treeLeft: number;
  #tokensLeft: number;
  #registersLeft: number;
  #boxId: Buffer | undefined;
  readonly #hasRegisters: boolean;

  constructor(
    private readonly txId: Buffer,
    private readonly index: number,
    private readonly value: bigint,
    treeSize: number,
    private readonly creationHeight: number,
    tokenCount: number,
    registersSize: number,
  ) {
    this.#treeLeft = treeSize;
    this.#tokensLeft = tokenCount;
    this.#registersLeft = registersSize;
    this.#hasRegisters = registersSize > 0;
    this.#boxBytes.push(vlq(value));
  }

  /** Returns the number of frames once the box is complete, undefined while more data is expected. */
  addTreeChunk(chunk: Buffer): number | undefined {
    if (this.#treeLeft === 0) throw new StatusError(SW_BAD_STATE);
    if (chunk.length > this.#treeLeft) throw new StatusError(SW_TOO_MUCH_DATA);
    if (chunk.length < this.#treeLeft && chunk.length < MAX_CHUNK) throw new StatusError(SW_SMALL_CHUNK);
    this.#boxBytes.push(chunk);
    this.#treeLeft -= chunk.length;
    if (this.#treeLeft > 0) return undefined;
    this.#boxBytes.push(vlq(this.creationHeight), vlq(this.#tokensLeft));
    return this.#maybeFinished();
  }

  addTokens(data: Buffer): number | undefined {
    if (this.#treeLeft > 0 || this.#tokensLeft === 0) throw new StatusError(SW_BAD_STATE);
    const reader = new ByteReader(data);
    while (reader.remaining > 0) {
      if (this.#tokensLeft === 0) throw new StatusError(SW_TOO_MUCH_DATA);
      const token = { id: Buffer.from(reader.bytes(32)), amount: reader.u64() };
      if (this.#tokens.some((seen) => seen.id.equals(token.id))) throw new StatusError(SW_BAD_TOKEN_ID);
      this.#tokens.push(token);
      this.#boxBytes.push(token.id, vlq(token.amount));
      this.#tokensLeft--;
    }
    return this.#maybeFinished();
  }

  addRegistersChunk(chunk: Buffer): number | undefined {
    if (this.#treeLeft > 0 || this.#tokensLeft > 0 || this.#registersLeft === 0) throw new StatusError(SW_BAD_STATE);
    if (chunk.length > this.#registersLeft) throw new StatusError(SW_TOO_MUCH_DATA);
    this.#boxBytes.push(chunk);
    this.#registersLeft -= chunk.length;
    return this.#maybeFinished();
  }

  frame(index: number, sessionKey: Buffer): Buffer {
    if (!this.#boxId) throw new StatusError(SW_BAD_STATE);
    const count = this.#frameCount();
    if (index >= count) throw new StatusError(SW_BAD_FRAME_INDEX);
    const tokens = this.#tokens.slice(index * FRAME_MAX_TOKENS, (index + 1) * FRAME_MAX_TOKENS);
    const amount = Buffer.alloc(8);
    amount.writeBigUInt64BE(this.value);
    const body = Buffer.concat([
      this.#boxId,
      Buffer.from([count, index]),
      amount,
      Buffer.from([tokens.length]),
      ...tokens.flatMap((token) => {
        const tokenAmount = Buffer.alloc(8);
        tokenAmount.writeBigUInt64BE(token.amount);
        return [token.id, tokenAmount];
      }),
    ]);
    return Buffer.concat([body, frameAttestation(sessionKey, body)]);
  }

  #frameCount(): number {
    return Math.max(1, Math.ceil(this.#tokens.length / FRAME_MAX_TOKENS));
  }

  #maybeFinished(): number | undefined {
    if (this.#treeLeft > 0 || this.#tokensLeft > 0 || this.#registersLeft > 0) return undefined;
    // With no register bytes announced, the box serialization still carries the register count 0.
    if (!this.#hasRegisters) this.#boxBytes.push(vlq(0));
    this.#boxBytes.push(this.txId, vlq(this.index));
    this.#boxId = Buffer.from(blake2b256(Buffer.concat(this.#boxBytes)));
    return this.#frameCount();
  }
}
