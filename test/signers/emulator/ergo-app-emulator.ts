import { randomBytes } from 'node:crypto';
import Transport from '@ledgerhq/hw-transport';
import { generateProof } from '@fleet-sdk/wallet';
import { AttestSession } from './attestation';
import { ByteReader, StatusError, pathToString } from './bytes';
import { DeviceKeys, rawP2pkAddress } from './device-keys';
import { EmulatedUser } from './emulated-user';
import { SignSession } from './sign-session';

const CLA = 0xe0;
const SW_OK = 0x9000;
const SW_DENY = 0x6985;
const SW_LOCKED = 0x5515;
const SW_CLA_NOT_SUPPORTED = 0x6e00;
const SW_INS_NOT_SUPPORTED = 0x6d00;
const SW_WRONG_P1P2 = 0x6a86;
const SW_BAD_SESSION_ID = 0xb002;
const SW_WRONG_SUBCOMMAND = 0xb003;
const SW_BAD_STATE = 0xb0ff;
const SW_BUSY = 0xb000;

export const TEST_MNEMONIC = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';

export type Screen = 'ergo' | 'dashboard' | 'locked' | { otherApp: string };

export interface EmulatorOptions {
  mnemonic?: string;
  version?: [number, number, number];
  /** The app's "Blind signing" setting: outputs to scripts are refused with 0x6985 while it is off. */
  blindSigning?: boolean;
  screen?: Screen;
  /** Distinct tokens per transaction (TOKEN_MAX_COUNT of the emulated app version). */
  tokenLimit?: number;
  /** Commands (INS) an older Ergo app does not know: it answers them 0x6D00 from inside the app. */
  unknownCommands?: number[];
  /**
   * The screen family: on Nano (BAGL) the app stops at the first output that needs blind signing, once that box is
   * complete; on Stax and Flex (NBGL) it says so only on the final review (stx_op_p2pk.c, stx_ui_nbgl.c).
   */
  model?: 'nano' | 'stax';
}

type Trigger = { ins: number; p1: number };
/** The command the app is in (context.h current_command): starting another one drops the state of the first. */
type Command = 'none' | 'extended-public-key' | 'derive-address' | 'attest-input' | 'sign-transaction';

/**
 * A test-only Ledger running the Ergo app, written from the app's APDU documentation
 * (ledger-app-ergo doc/INS-*.md): it derives keys from a test mnemonic, attests boxes with a session
 * HMAC key, rebuilds bytesToSign from the stream and signs it with Ergo's Schnorr scheme, so a wrong
 * mapping yields a proof the interpreter rejects. It can also be locked, switched away from the Ergo
 * app, unplugged or left hanging at a chosen command.
 */
export class ErgoAppEmulator extends Transport {
  readonly user = new EmulatedUser();
  readonly apdus: string[] = [];
  screen: Screen;
  blindSigning: boolean;
  readonly #keys: DeviceKeys;
  readonly #version: [number, number, number];
  readonly #tokenLimit: number;
  readonly #model: 'nano' | 'stax';
  readonly #unknownCommands: ReadonlySet<number>;
  #command: Command = 'none';
  /** A prompt is on the screen: the app answers every command with 0xB000 until someone presses a button. */
  #uiBusy = false;
  #restartAt: (Trigger & { times: number }) | undefined;
  #interruptAt: Trigger | undefined;
  /** Random per app start, like the app's session key: frames from an earlier start no longer verify. */
  #sessionKey = randomBytes(16);
  #connectedAppId = 0;
  #sessionId = 0;
  #attest: AttestSession | undefined;
  #sign: { session: SignSession; path: number[]; network: number } | undefined;
  #unplugged = false;
  #unplugAt: Trigger | undefined;
  #hangAt: Trigger | undefined;
  #hanging: ((error: Error) => void) | undefined;

  constructor(options: EmulatorOptions = {}) {
    super();
    this.#keys = new DeviceKeys(options.mnemonic ?? TEST_MNEMONIC);
    this.#version = options.version ?? [0, 0, 8];
    this.#tokenLimit = options.tokenLimit ?? 20;
    this.#model = options.model ?? 'nano';
    this.#unknownCommands = new Set(options.unknownCommands);
    this.blindSigning = options.blindSigning ?? true;
    this.screen = options.screen ?? 'ergo';
  }

  /** Pulls the cable now: the pending and every later exchange fail, and "disconnect" is emitted. */
  unplug(): void {
    if (this.#unplugged) return;
    this.#unplugged = true;
    this.#hanging?.(disconnectedError('DisconnectedDeviceDuringOperation'));
    this.emit('disconnect');
  }

  unplugWhen(trigger: Trigger): void {
    this.#unplugAt = trigger;
  }

  /**
   * The device stops answering at this command: a prompt nobody answers. The host may give up and close the
   * connection; the prompt stays on the screen, and the app busy, until `dismissPrompt`.
   */
  hangWhen(trigger: Trigger): void {
    this.#hangAt = trigger;
  }

  /** Someone finally rejects the prompt left on the screen: the app is free again. */
  dismissPrompt(): void {
    this.#uiBusy = false;
    this.#switchTo('none');
  }

  /** The Ergo app is left and re-opened just before this command arrives, the next `times` times it does. */
  restartAppWhen(trigger: Trigger, times = 1): void {
    this.#restartAt = { ...trigger, times };
  }

  /**
   * Another program on the computer (Ledger Live, another wallet) sends the app a command of its own just before
   * this one arrives: the app switches to that command and drops the state of ours.
   */
  interruptWhen(trigger: Trigger): void {
    this.#interruptAt = trigger;
  }

  /** Leaving and re-opening the Ergo app: new session key, no trusted auth token. */
  restartApp(): void {
    this.#sessionKey = randomBytes(16);
    this.#connectedAppId = 0;
    this.#uiBusy = false;
    this.#switchTo('none');
  }

  override async close(): Promise<void> {
    this.#hanging?.(disconnectedError('DisconnectedDeviceDuringOperation'));
  }

  override async exchange(apdu: Buffer): Promise<Buffer> {
    this.apdus.push(apdu.toString('hex'));
    if (this.#unplugged) throw disconnectedError('DisconnectedDevice');
    const [cla = 0, ins = 0, p1 = 0, p2 = 0, length = 0] = apdu;
    if (matches(this.#unplugAt, ins, p1)) {
      this.unplug();
      throw disconnectedError('DisconnectedDeviceDuringOperation');
    }
    if (this.#restartAt && matches(this.#restartAt, ins, p1)) {
      if (--this.#restartAt.times === 0) this.#restartAt = undefined;
      this.restartApp();
    }
    if (matches(this.#interruptAt, ins, p1)) {
      this.#interruptAt = undefined;
      this.#switchTo('extended-public-key');
    }
    if (matches(this.#hangAt, ins, p1)) {
      this.#uiBusy = true;
      return new Promise<Buffer>((_, reject) => (this.#hanging = reject));
    }
    try {
      const data = apdu.subarray(5);
      if (data.length !== length) throw new StatusError(0x6a87);
      return withStatus(this.#dispatch(cla, ins, p1, p2, data), SW_OK);
    } catch (error) {
      if (error instanceof StatusError) return withStatus(Buffer.alloc(0), error.status);
      throw error;
    }
  }

  #dispatch(cla: number, ins: number, p1: number, p2: number, data: Buffer): Buffer {
    if (this.screen === 'locked') throw new StatusError(SW_LOCKED);
    if (cla === 0xb0 && ins === 0x01) return this.#openApp();
    if (this.screen === 'dashboard') throw new StatusError(SW_CLA_NOT_SUPPORTED);
    if (typeof this.screen === 'object') throw new StatusError(SW_INS_NOT_SUPPORTED);
    if (cla !== CLA) throw new StatusError(SW_CLA_NOT_SUPPORTED);
    if (this.#unknownCommands.has(ins)) throw new StatusError(SW_INS_NOT_SUPPORTED);
    // P1/P2 as apdu_dispatcher.c checks them before any handler runs.
    switch (ins) {
      case 0x01:
        requireP1P2(p1 === 0 && p2 === 0);
        return Buffer.from([...this.#version, 0x00]);
      case 0x02:
        requireP1P2(p1 === 0 && p2 === 0);
        return Buffer.from('Ergo', 'ascii');
      case 0x10:
        requireP1P2((p1 === 0x01 || p1 === 0x02) && p2 === 0);
        return this.#extendedPublicKey(p1, data);
      case 0x11:
        requireP1P2((p1 === 0x01 || p1 === 0x02) && (p2 === 0x01 || p2 === 0x02));
        return this.#deriveAddress(p1, p2, data);
      case 0x20:
        requireP1P2(p1 !== 0 && p2 !== 0);
        return this.#attestInput(p1, p2, data);
      case 0x21:
        requireP1P2(p1 !== 0 && p2 !== 0);
        return this.#signTransaction(p1, p2, data);
      default:
        throw new StatusError(SW_INS_NOT_SUPPORTED);
    }
  }

  /** Every command handler first refuses while a prompt is on the screen, then (for a first step) takes over. */
  #enter(command: Command | undefined): void {
    if (this.#uiBusy) throw new StatusError(SW_BUSY);
    if (command) this.#switchTo(command);
  }

  /** A later step of `command`: refused when another command took over meanwhile (CHECK_COMMAND). */
  #requireCommand(command: Command): void {
    if (this.#command !== command) throw new StatusError(SW_BAD_STATE);
  }

  #switchTo(command: Command): void {
    this.#command = command;
    this.#attest = undefined;
    this.#sign = undefined;
  }

  #openApp(): Buffer {
    const [name, version] = this.screen === 'ergo' ? ['Ergo', this.#version.join('.')] : this.screen === 'dashboard' ? ['BOLOS', '2.1.0'] : [(this.screen as { otherApp: string }).otherApp, '1.0.0'];
    return Buffer.concat([Buffer.from([0x01, name.length]), Buffer.from(name, 'ascii'), Buffer.from([version.length]), Buffer.from(version, 'ascii')]);
  }

  #extendedPublicKey(p1: number, data: Buffer): Buffer {
    this.#enter('extended-public-key');
    const reader = new ByteReader(data);
    const path = reader.path();
    const token = p1 === 0x02 ? reader.u32() : 0;
    reader.end();
    const key = this.#keys.key(path, 'account');
    this.#askUnlessKnown(token, 'export-extended-public-key', pathToString(path));
    return Buffer.concat([key.publicKey, key.chainCode as Uint8Array]);
  }

  #deriveAddress(p1: number, p2: number, data: Buffer): Buffer {
    this.#enter('derive-address');
    const reader = new ByteReader(data);
    const network = reader.u8();
    const path = reader.path();
    const token = p2 === 0x02 ? reader.u32() : 0;
    reader.end();
    const address = rawP2pkAddress(network, this.#keys.key(path, 'address').publicKey);
    if (p1 === 0x02) {
      this.#ask({ kind: 'show-address', text: address.toString('hex') });
      if (token !== 0) this.#connectedAppId = token;
      return Buffer.alloc(0);
    }
    this.#askUnlessKnown(token, 'export-address', pathToString(path));
    return address;
  }

  #attestInput(p1: number, p2: number, data: Buffer): Buffer {
    this.#enter(p1 === 0x01 ? 'attest-input' : undefined);
    if (p1 === 0x01) {
      if (p2 !== 0x01 && p2 !== 0x02) throw new StatusError(SW_WRONG_P1P2);
      const reader = new ByteReader(data);
      const txId = Buffer.from(reader.bytes(32));
      const index = reader.u16();
      const value = reader.u64();
      const treeSize = reader.u32();
      const height = reader.u32();
      const tokens = reader.u8();
      const registers = reader.u32();
      const token = p2 === 0x02 ? reader.u32() : 0;
      reader.end();
      this.#attest = new AttestSession(txId, index, value, treeSize, height, tokens, registers);
      this.#askUnlessKnown(token, 'trust-application', 'attest input');
      return Buffer.from([this.#newSessionId()]);
    }
    try {
      return this.#attestStep(p1, p2, data);
    } catch (error) {
      // As ainpt_handler.c handler_err: an error ends the attestation.
      this.#switchTo('none');
      throw error;
    }
  }

  #attestStep(p1: number, p2: number, data: Buffer): Buffer {
    this.#requireCommand('attest-input');
    const attest = this.#attest;
    if (!attest) throw new StatusError(SW_BAD_STATE);
    if (p2 !== this.#sessionId) throw new StatusError(SW_BAD_SESSION_ID);
    const frames = (count: number | undefined) => (count === undefined ? Buffer.alloc(0) : Buffer.from([count]));
    switch (p1) {
      case 0x02:
        return frames(attest.addTreeChunk(data));
      case 0x03:
        return frames(attest.addTokens(data));
      case 0x04:
        return frames(attest.addRegistersChunk(data));
      case 0x05:
        return attest.frame(new ByteReader(data).u8(), this.#sessionKey);
      default:
        throw new StatusError(SW_WRONG_SUBCOMMAND);
    }
  }

  #signTransaction(p1: number, p2: number, data: Buffer): Buffer {
    this.#enter(p1 === 0x01 ? 'sign-transaction' : undefined);
    try {
      if (p1 === 0x01) return this.#startSigning(p2, data);
      this.#requireCommand('sign-transaction');
      const sign = this.#sign;
      if (!sign) throw new StatusError(SW_BAD_STATE);
      if (p2 !== this.#sessionId) throw new StatusError(SW_BAD_SESSION_ID);
      return this.#signStep(sign, p1, data);
    } catch (error) {
      // Like the app (stx_handler.c handler_err), any error ends the signing session; the client must start again.
      this.#switchTo('none');
      throw error;
    }
  }

  #startSigning(p2: number, data: Buffer): Buffer {
    if (p2 !== 0x01 && p2 !== 0x02) throw new StatusError(SW_WRONG_P1P2);
    const reader = new ByteReader(data);
    const network = reader.u8();
    const path = reader.path();
    const token = p2 === 0x02 ? reader.u32() : 0;
    reader.end();
    this.#keys.key(path, 'address');
    if (network !== 0x00 && network !== 0x10) throw new StatusError(0xe019);
    this.#askUnlessKnown(token, 'start-signing', pathToString(path));
    this.#sign = { session: new SignSession(this.#sessionKey, this.#tokenLimit), path, network };
    return Buffer.from([this.#newSessionId()]);
  }

  #signStep(sign: { session: SignSession; path: number[]; network: number }, p1: number, data: Buffer): Buffer {
    const { session } = sign;
    const empty = Buffer.alloc(0);
    switch (p1) {
      case 0x10:
        session.start(data);
        return empty;
      case 0x11:
        session.addTokenIds(data);
        return empty;
      case 0x12:
        session.addInputFrame(data);
        return empty;
      case 0x13:
        session.addContextExtensionChunk(data);
        return empty;
      case 0x14:
        session.addDataInputs(data);
        return empty;
      case 0x15:
        session.startOutput(data);
        return empty;
      case 0x16:
        this.#judgeFinishedOutput(session.addOutputTreeChunk(data));
        return empty;
      case 0x17:
        new ByteReader(data).end();
        session.addOutputFeeTree();
        return empty;
      case 0x18:
        session.addOutputChangeTree(this.#keys.key(new ByteReader(data).path(), 'address').publicKey);
        return empty;
      case 0x19:
        this.#judgeFinishedOutput(session.addOutputTokens(data));
        return empty;
      case 0x1a:
        this.#judgeFinishedOutput(session.addOutputRegistersChunk(data));
        return empty;
      case 0x20:
        if (this.#model === 'stax') this.#refuseScriptWithoutBlindSigning(session.outputs.some((output) => output.type === 'script'));
        return this.#confirmAndSign(sign);
      default:
        throw new StatusError(SW_WRONG_SUBCOMMAND);
    }
  }

  /** On a Nano the app judges each output once its box is complete (show_output_screen_if_needed). */
  #judgeFinishedOutput(type: string | undefined): void {
    if (this.#model === 'nano') this.#refuseScriptWithoutBlindSigning(type === 'script');
  }

  /** With blind signing off the app shows why it cannot sign and answers "denied" (stx_op_p2pk.c, stx_ui_nbgl.c). */
  #refuseScriptWithoutBlindSigning(needsBlindSigning: boolean): void {
    if (!needsBlindSigning || this.blindSigning) return;
    this.user.answer({ kind: 'blind-signing-disabled', text: 'Enable blind signing in the settings to sign this transaction.' });
    throw new StatusError(SW_DENY);
  }

  #confirmAndSign(sign: { session: SignSession; path: number[] }): Buffer {
    const message = sign.session.message();
    const outputs = sign.session.outputs.map((output) => `${output.type}:${output.value}`).join(', ');
    this.#ask({ kind: 'sign-transaction', text: `${pathToString(sign.path)} in:${sign.session.inputValue} out: ${outputs}` });
    this.#switchTo('none');
    return Buffer.from(generateProof(message, this.#keys.key(sign.path, 'address')));
  }

  /** The app trusts the last approved auth token and asks again for any other (helpers/session_id.h). */
  #askUnlessKnown(token: number, kind: 'export-extended-public-key' | 'export-address' | 'trust-application' | 'start-signing', text: string): void {
    if (token !== 0 && token === this.#connectedAppId) return;
    this.#ask({ kind: token === 0 ? kind : 'trust-application', text: token === 0 ? text : `0x${token.toString(16).padStart(8, '0')}` });
    if (token !== 0) this.#connectedAppId = token;
  }

  #ask(prompt: { kind: Parameters<EmulatedUser['answer']>[0]['kind']; text: string }): void {
    if (!this.user.answer(prompt)) throw new StatusError(SW_DENY);
  }

  /** A random non-zero byte, never the previous one (helpers/session_id.h). */
  #newSessionId(): number {
    let id = 0;
    while (id === 0 || id === this.#sessionId) id = randomBytes(1)[0] ?? 0;
    this.#sessionId = id;
    return id;
  }
}

function requireP1P2(valid: boolean): void {
  if (!valid) throw new StatusError(SW_WRONG_P1P2);
}

function withStatus(data: Buffer, status: number): Buffer {
  const sw = Buffer.alloc(2);
  sw.writeUInt16BE(status);
  return Buffer.concat([data, sw]);
}

function matches(trigger: Trigger | undefined, ins: number, p1: number): boolean {
  return trigger !== undefined && trigger.ins === ins && trigger.p1 === p1;
}

/** Same error names as @ledgerhq/errors, which the app's error mapping recognises. */
function disconnectedError(name: 'DisconnectedDevice' | 'DisconnectedDeviceDuringOperation'): Error {
  return Object.assign(new Error('Ledger device was disconnected'), { name });
}
