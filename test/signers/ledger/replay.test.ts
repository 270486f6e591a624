import { openTransportReplayer, RecordStore } from '@ledgerhq/hw-transport-mocker';
import { ErgoLedgerApp, Network } from 'ledger-ergo-js';
import { describe, expect, it } from 'vitest';
import { toDeviceAppError } from '../../../electron/core/signers/ledger/device-errors';
import { readOpenApp } from '../../../electron/core/signers/ledger/open-app';

/** A fixed auth token, so the APDUs are byte-exact (ledger-ergo-js otherwise draws one at random). */
const AUTH_TOKEN = 0x0a0b0c0d;
const ACCOUNT_0 = '038000002c800001ad80000000';
const ADDRESS_1 = '058000002c800001ad800000000000000000000001';
const PUBLIC_KEY = '03' + '11'.repeat(32);
const CHAIN_CODE = '22'.repeat(32);

async function appReplaying(exchanges: string) {
  const transport = await openTransportReplayer(RecordStore.fromString(exchanges));
  return { transport, app: new ErgoLedgerApp(transport, AUTH_TOKEN) };
}

describe('Ergo app APDUs, replayed byte for byte', () => {
  it('reads the app version and name', async () => {
    const { app } = await appReplaying(`
      => e001000000
      <= 000008009000
      => e002000000
      <= 4572676f9000
    `);

    expect(await app.getAppVersion()).toEqual({ major: 0, minor: 0, patch: 8, flags: { isDebug: false } });
    expect(await app.getAppName()).toEqual({ name: 'Ergo' });
  });

  it('reads the account extended public key with the session auth token', async () => {
    const { app } = await appReplaying(`
      => e010020011${ACCOUNT_0}0a0b0c0d
      <= ${PUBLIC_KEY}${CHAIN_CODE}9000
    `);

    expect(await app.getExtendedPublicKey("m/44'/429'/0'")).toEqual({ publicKey: PUBLIC_KEY, chainCode: CHAIN_CODE });
  });

  it('shows an address on the device (display mode, testnet) and learns the answer', async () => {
    const { app } = await appReplaying(`
      => e01102021a10${ADDRESS_1}0a0b0c0d
      <= 9000
    `);

    expect(await app.showAddress("m/44'/429'/0'/0/1", Network.Testnet)).toBe(true);
  });

  it('reads which app is open with the BOLOS "get app and version" command', async () => {
    const { transport } = await appReplaying(`
      => b001000000
      <= 0105424f4c4f5305322e312e309000
    `);

    expect(await readOpenApp(transport)).toEqual({ name: 'BOLOS', version: '2.1.0' });
  });

  it.each([
    ['6985', 'device-rejected', /Reject.*blind signing/s],
    ['5515', 'device-locked', /locked/],
    ['6e00', 'device-wrong-app', /Ergo app is not open/],
    ['6d00', 'device-wrong-app', /Ergo app is not open/],
    ['e00a', 'limit-exceeded', /tokens/],
    ['b000', 'device-busy', /busy/],
    ['e018', 'device-error', /Ergo app restarted while signing/],
    ['e019', 'chain-wrong-network', /refused the network/],
    ['b0ff', 'device-error', /lost its session/],
  ])('maps status %s during signing to %s', async (status, code, message) => {
    // The first thing signTx sends: "attest input, box start" with the box header and the auth token.
    const { app } = await appReplaying(`
      => e02001023b${'00'.repeat(32)}0000000000000000000100000001000000010000000000${'0a0b0c0d'}
      <= ${status}
    `);

    const error = await app.signTx(
      {
        inputs: [{ txId: '00'.repeat(32), index: 0, value: '1', ergoTree: Buffer.from('00', 'hex'), creationHeight: 1, tokens: [], additionalRegisters: Buffer.alloc(0), extension: Buffer.from([0]), signPath: "m/44'/429'/0'/0/1" }],
        dataInputs: [],
        outputs: [],
        distinctTokenIds: [],
        changeMap: { address: '', path: '' },
      },
      Network.Mainnet,
    ).catch((e: unknown) => toDeviceAppError(e, 'signing'));

    expect(error).toMatchObject({ code, message: expect.stringMatching(message) });
  });
});
