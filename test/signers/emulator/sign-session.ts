import { FEE_CONTRACT } from '@fleet-sdk/common';
import { ByteReader, StatusError, vlq } from './bytes';
import { ATTESTATION_LENGTH, frameAttestation } from './attestation';

const SW_BAD_STATE = 0xb0ff;
const SW_BAD_INPUT_COUNT = 0xe008;
const SW_BAD_OUTPUT_COUNT = 0xe009;
const SW_TOO_MANY_TOKENS = 0xe00a;
const SW_TOO_MANY_INPUTS = 0xe00b;
const SW_TOO_MANY_DATA_INPUTS = 0xe00c;
const SW_TOO_MANY_OUTPUTS = 0xe00e;
const SW_BAD_FRAME_SIGNATURE = 0xe018;
const SW_BAD_FRAME_INDEX = 0xe007;
const SW_BAD_BOX_ID = 0xe005;
const SW_BAD_TOKEN_INDEX = 0xe006;
const SW_BAD_CONTEXT_EXTENSION_SIZE = 0xe003;
const SW_TOO_MUCH_DATA = 0xe015;
const SW_SMALL_CHUNK = 0xe01a;
const MAX_CHUNK = 255;

/** The device always hashes the mainnet fee tree for the fee output (ledger-app-ergo src/ergo/ergo_tree.c). */
const MINERS_FEE_TREE = Buffer.from(FEE_CONTRACT, 'hex');
const P2PK_PREFIX = Buffer.from('0008cd', 'hex');

export type OutputType = 'address' | 'change' | 'fee' | 'script';

interface OutputInProgress {
  value: bigint;
  treeLeft: number;
  treeChunks: Buffer[];
  creationHeight: number;
  tokensLeft: number;
  registersLeft: number;
  hasRegisters: boolean;
  type: OutputType | undefined;
}

interface InputInProgress {
  boxId: Buffer;
  framesCount: number;
  framesSeen: number;
  extensionLeft: number;
}

/**
 * One P2PK signing session of the emulated app: checks every attested frame, rebuilds bytesToSign in
 * the order the app hashes it (src/ergo/tx_ser_full.c), and classifies outputs for the review.
 */
export class SignSession {
  readonly #message: Buffer[] = [];
  readonly #tokenIds: Buffer[] = [];
  /** Tokens only spent (burnt or absent from outputs) still take a slot in the app's token table. */
  readonly #inputOnlyTokens: Buffer[] = [];
  readonly #outputs: { type: OutputType; value: bigint }[] = [];
  #declaredTokens = 0;
  #inputsLeft = 0;
  #dataInputsLeft = 0;
  #outputsLeft = 0;
  #started = false;
  #input: InputInProgress | undefined;
  #output: OutputInProgress | undefined;
  #inputValue = 0n;

  constructor(
    private readonly sessionKey: Buffer,
    private readonly tokenLimit: number,
  ) {}

  get outputs(): readonly { type: OutputType; value: bigint }[] {
    return this.#outputs;
  }

  get inputValue(): bigint {
    return this.#inputValue;
  }

  start(data: Buffer): void {
    if (this.#started) throw new StatusError(SW_BAD_STATE);
    const reader = new ByteReader(data);
    this.#inputsLeft = reader.u16();
    this.#dataInputsLeft = reader.u16();
    this.#declaredTokens = reader.u8();
    this.#outputsLeft = reader.u16();
    reader.end();
    if (this.#inputsLeft === 0) throw new StatusError(SW_BAD_INPUT_COUNT);
    if (this.#outputsLeft === 0) throw new StatusError(SW_BAD_OUTPUT_COUNT);
    if (this.#declaredTokens > this.tokenLimit) throw new StatusError(SW_TOO_MANY_TOKENS);
    this.#started = true;
    this.#message.push(vlq(this.#inputsLeft));
  }

  addTokenIds(data: Buffer): void {
    const reader = new ByteReader(data);
    while (reader.remaining > 0) {
      if (this.#tokenIds.length >= this.#declaredTokens) throw new StatusError(SW_TOO_MANY_TOKENS);
      this.#tokenIds.push(Buffer.from(reader.bytes(32)));
    }
  }

  addInputFrame(data: Buffer): void {
    if (this.#started && this.#inputsLeft === 0) throw new StatusError(SW_TOO_MANY_INPUTS);
    this.#requireStage('inputs');
    if (this.#tokenIds.length !== this.#declaredTokens) throw new StatusError(SW_BAD_STATE);
    const reader = new ByteReader(data);
    const boxId = Buffer.from(reader.bytes(32));
    const framesCount = reader.u8();
    const frameIndex = reader.u8();
    const value = reader.u64();
    const tokenCount = reader.u8();
    const tokens = Array.from({ length: tokenCount }, () => ({ id: Buffer.from(reader.bytes(32)), amount: reader.u64() }));
    const bodyLength = data.length - reader.remaining;
    const attestation = reader.bytes(ATTESTATION_LENGTH);
    if (!frameAttestation(this.sessionKey, data.subarray(0, bodyLength)).equals(attestation)) throw new StatusError(SW_BAD_FRAME_SIGNATURE);
    if (frameIndex === 0) {
      if (this.#input) throw new StatusError(SW_BAD_STATE);
      const extensionLength = reader.u32();
      // A serialized extension is at least the count byte plus one entry; 1 would be an empty one sent as data.
      if (extensionLength === 1) throw new StatusError(SW_BAD_CONTEXT_EXTENSION_SIZE);
      this.#input = { boxId, framesCount, framesSeen: 0, extensionLeft: extensionLength };
      this.#inputValue += value;
    }
    reader.end();
    const input = this.#input;
    if (!input || !input.boxId.equals(boxId)) throw new StatusError(SW_BAD_BOX_ID);
    if (frameIndex !== input.framesSeen) throw new StatusError(SW_BAD_FRAME_INDEX);
    for (const token of tokens) this.#registerInputToken(token.id);
    input.framesSeen++;
    if (input.framesSeen < input.framesCount) return;
    this.#message.push(boxId, vlq(0));
    if (input.extensionLeft === 0) {
      this.#message.push(vlq(0));
      this.#inputFinished();
    }
  }

  addContextExtensionChunk(chunk: Buffer): void {
    const input = this.#input;
    if (!input || input.framesSeen < input.framesCount || input.extensionLeft === 0) throw new StatusError(SW_BAD_STATE);
    if (chunk.length > input.extensionLeft) throw new StatusError(SW_TOO_MUCH_DATA);
    this.#message.push(chunk);
    input.extensionLeft -= chunk.length;
    if (input.extensionLeft === 0) this.#inputFinished();
  }

  addDataInputs(data: Buffer): void {
    this.#requireStage('data-inputs');
    const reader = new ByteReader(data);
    while (reader.remaining > 0) {
      if (this.#dataInputsLeft === 0) throw new StatusError(SW_TOO_MANY_DATA_INPUTS);
      this.#message.push(Buffer.from(reader.bytes(32)));
      this.#dataInputsLeft--;
    }
    if (this.#dataInputsLeft === 0) this.#startOutputs();
  }

  startOutput(data: Buffer): void {
    this.#requireStage('outputs');
    if (this.#output) throw new StatusError(SW_BAD_STATE);
    if (this.#outputsLeft === 0) throw new StatusError(SW_TOO_MANY_OUTPUTS);
    const reader = new ByteReader(data);
    const value = reader.u64();
    const treeLeft = reader.u32();
    const creationHeight = reader.u32();
    const tokensLeft = reader.u8();
    const registersLeft = reader.u32();
    reader.end();
    this.#output = { value, treeLeft, treeChunks: [], creationHeight, tokensLeft, registersLeft, hasRegisters: registersLeft > 0, type: undefined };
    this.#message.push(vlq(value));
  }

  /**
   * Each step that may complete an output (its tree, tokens or registers) returns the type of the output it
   * completed, if it did: the app judges an output, blind signing included, once the whole box is known.
   */
  addOutputTreeChunk(chunk: Buffer): OutputType | undefined {
    const output = this.#currentOutput();
    if (output.type || output.treeLeft === 0) throw new StatusError(SW_BAD_STATE);
    if (chunk.length > output.treeLeft) throw new StatusError(SW_TOO_MUCH_DATA);
    if (chunk.length < output.treeLeft && chunk.length < MAX_CHUNK) throw new StatusError(SW_SMALL_CHUNK);
    output.treeChunks.push(chunk);
    output.treeLeft -= chunk.length;
    if (output.treeLeft > 0) return undefined;
    const tree = Buffer.concat(output.treeChunks);
    const isP2pk = tree.length === 36 && tree.subarray(0, 3).equals(P2PK_PREFIX);
    return this.#treeAdded(tree, isP2pk ? 'address' : 'script');
  }

  addOutputFeeTree(): OutputType | undefined {
    return this.#treeAdded(MINERS_FEE_TREE, 'fee');
  }

  addOutputChangeTree(publicKey: Uint8Array): OutputType | undefined {
    return this.#treeAdded(Buffer.concat([P2PK_PREFIX, publicKey]), 'change');
  }

  addOutputTokens(data: Buffer): OutputType | undefined {
    const output = this.#currentOutput();
    if (!output.type || output.tokensLeft === 0) throw new StatusError(SW_BAD_STATE);
    const reader = new ByteReader(data);
    while (reader.remaining > 0) {
      if (output.tokensLeft === 0) throw new StatusError(SW_TOO_MANY_TOKENS);
      const index = reader.u32();
      const amount = reader.u64();
      if (index >= this.#declaredTokens) throw new StatusError(SW_BAD_TOKEN_INDEX);
      this.#message.push(vlq(index), vlq(amount));
      output.tokensLeft--;
    }
    return this.#maybeOutputFinished();
  }

  addOutputRegistersChunk(chunk: Buffer): OutputType | undefined {
    const output = this.#currentOutput();
    if (!output.type || output.tokensLeft > 0 || output.registersLeft === 0) throw new StatusError(SW_BAD_STATE);
    if (chunk.length > output.registersLeft) throw new StatusError(SW_TOO_MUCH_DATA);
    this.#message.push(chunk);
    output.registersLeft -= chunk.length;
    return this.#maybeOutputFinished();
  }

  /** bytesToSign, complete only when every announced piece arrived. */
  message(): Buffer {
    if (!this.#started || this.#outputsLeft > 0 || this.#output) throw new StatusError(SW_BAD_STATE);
    return Buffer.concat(this.#message);
  }

  #treeAdded(tree: Buffer, type: OutputType): OutputType | undefined {
    const output = this.#currentOutput();
    if (output.type) throw new StatusError(SW_BAD_STATE);
    // The docs ask for tree size 0 with the fee/change commands, but ledger-ergo-js sends the real size
    // and the app ignores it there (src/ergo/tx_ser_box.c), so the emulator does too.
    output.type = type;
    this.#message.push(tree, vlq(output.creationHeight), vlq(output.tokensLeft));
    return this.#maybeOutputFinished();
  }

  #maybeOutputFinished(): OutputType | undefined {
    const output = this.#currentOutput();
    if (output.tokensLeft > 0 || output.registersLeft > 0) return undefined;
    if (!output.hasRegisters) this.#message.push(vlq(0));
    const type = output.type as OutputType;
    this.#outputs.push({ type, value: output.value });
    this.#output = undefined;
    this.#outputsLeft--;
    return type;
  }

  #registerInputToken(id: Buffer): void {
    if (this.#tokenIds.some((known) => known.equals(id)) || this.#inputOnlyTokens.some((known) => known.equals(id))) return;
    this.#inputOnlyTokens.push(id);
    if (this.#tokenIds.length + this.#inputOnlyTokens.length > this.tokenLimit) throw new StatusError(SW_TOO_MANY_TOKENS);
  }

  #inputFinished(): void {
    this.#input = undefined;
    this.#inputsLeft--;
    if (this.#inputsLeft > 0) return;
    this.#message.push(vlq(this.#dataInputsLeft));
    if (this.#dataInputsLeft === 0) this.#startOutputs();
  }

  #startOutputs(): void {
    this.#message.push(vlq(this.#tokenIds.length), ...this.#tokenIds, vlq(this.#outputsLeft));
  }

  #stage(): 'inputs' | 'data-inputs' | 'outputs' {
    if (this.#inputsLeft > 0) return 'inputs';
    return this.#dataInputsLeft > 0 ? 'data-inputs' : 'outputs';
  }

  #requireStage(stage: 'inputs' | 'data-inputs' | 'outputs'): void {
    if (!this.#started || this.#stage() !== stage) throw new StatusError(SW_BAD_STATE);
  }

  #currentOutput(): OutputInProgress {
    if (!this.#output) throw new StatusError(SW_BAD_STATE);
    return this.#output;
  }
}
