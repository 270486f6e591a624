import { ErgoAddress } from '@fleet-sdk/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildEnrolment } from '../../electron/core/builders/enrolment';
import { DemoSession, type DemoParty } from '../../electron/core/devnet/demo-lets';
import { ownerAddress } from '../../electron/core/members/owner-address';
import { listLets } from '../../electron/core/mirror/queries/lets';
import { addMemberProfile } from '../../electron/core/mirror/queries/members';
import { listOutbox } from '../../electron/core/mirror/queries/outbox';
import { prepareCommitteeHandover } from '../../electron/core/operations/prepare-committee-handover';
import { prepareEnrolment } from '../../electron/core/operations/prepare-enrolment';
import { toFleetBox } from '../../electron/core/chain/fleet-box';
import { aDemoWorkbench, confirmOnDevnet, type DemoWorkbench } from '../helpers/demo-workbench';

let clock = 1_767_225_600_000;
/** The group's identity point as sigma serialises it: a GroupElement nobody holds the secret of. */
const IDENTITY_POINT = '00'.repeat(33);

describe('handing the treasurer role over to a new committee key', () => {
  let bench: DemoWorkbench;
  let session: DemoSession;
  let successor: DemoParty;

  beforeEach(async () => {
    bench = await aDemoWorkbench(() => (clock += 120_000));
    session = DemoSession.create(bench.chain);
    // The next treasurer's key: further along the demo seed, so the demo key signs for it as their Ledger would.
    successor = await session.party('Next treasurer', 7);
  });

  const confirm = (prepared: { transactionId: string }) => confirmOnDevnet(bench, prepared);
  const handOver = (key: string) => prepareCommitteeHandover(bench.ctx, bench.letsId, key);
  const committeeNow = () => listLets(bench.db)[0]?.committeeKey;

  it('passes the committee key on; afterwards the new key acts for the committee and the old one is refused by the contract', async () => {
    const before = committeeNow();
    const prepared = await handOver(ownerAddress(successor.publicKey, 'testnet'));
    expect(listOutbox(bench.db)[0]?.description).toBe(`The committee key of Riverside LETS passes to ${ownerAddress(successor.publicKey, 'testnet')}`);
    expect(prepared).toMatchObject({
      reading: { kind: 'committee-rotation', committee: { before, after: successor.publicKey }, accounts: [], warnings: [] },
      signedBy: 'the committee',
    });
    await confirm(prepared);
    expect(committeeNow()).toBe(successor.publicKey);
    expect(listLets(bench.db)[0]?.committeeAddress).toBe(ownerAddress(successor.publicKey, 'testnet'));

    // The old committee key (index 0 of the demo seed) can no longer enrol anyone: the contract reads the key from
    // the management box it spends, which now names the successor.
    const [managementBox] = await bench.chain.unspentByErgoTree(bench.demo.managementTree);
    if (!managementBox) throw new Error('the LETS has no management box');
    const management = toFleetBox(managementBox);
    const dora = await session.party('Dora', 20);
    const byOldKey = buildEnrolment({ ...(await session.funding(bench.demo.committee)), lets: bench.demo.lets, management, memberName: 'Dora', memberKey: dora.publicKey });
    await expect(session.signAndSubmit(byOldKey, bench.demo.committee)).rejects.toThrow(
      // Input 1 is the management box: the old key's proof no longer satisfies it.
      'The chain refused the transaction: the signature for input 1 is missing or wrong.',
    );

    // The successor's key enrols through the app as the committee always did, paying the fee from its own wallet.
    await session.fundAll([successor], 1_000_000_000n);
    const doraId = addMemberProfile(bench.db, { letsId: bench.letsId, ownerKey: dora.publicKey, name: 'Dora' });
    const enrolment = await prepareEnrolment(bench.ctx, bench.letsId, doraId);
    expect(enrolment.reading.warnings).toEqual([]);
    await confirm(enrolment);
    expect(listLets(bench.db)[0]?.memberCount).toBe(4);
  });

  it.each([
    ['a key with a typo', '02abc', 'the public key is not 33 bytes of hex (66 characters 0–9 and a–f)'],
    ['a point that is not on the curve', `02${'f'.repeat(64)}`, 'the public key is not a valid Ergo public key (it must start with 02 or 03 and be a point of the curve)'],
    ['the identity point', IDENTITY_POINT, 'the key is the identity point of the curve (all zeros), a key nobody can ever sign for'],
    ['the identity point as an address', ErgoAddress.fromErgoTree(`0008cd${IDENTITY_POINT}`).encode(16), 'the key is the identity point of the curve (all zeros), a key nobody can ever sign for'],
    ['a mainnet address on a test chain', 'placeholder-mainnet', 'the address is for another network (this LETS runs on testnet)'],
    ['a script address', 'placeholder-script', 'the address is a script address, not a member’s wallet (P2PK) address'],
  ])('refuses %s with a sentence, and files nothing', async (_what, given, problem) => {
    const key =
      given === 'placeholder-mainnet' ? ownerAddress(successor.publicKey, 'mainnet') : given === 'placeholder-script' ? ErgoAddress.fromErgoTree(bench.demo.accountTree).encode(16) : given;
    await expect(handOver(key)).rejects.toMatchObject({ code: 'invalid-input', message: `The new committee key cannot be used: ${problem}.` });
    expect(listOutbox(bench.db)).toEqual([]);
  });

  it('refuses to hand the role to the key that already holds it', async () => {
    await expect(handOver(bench.demo.committee.publicKey)).rejects.toMatchObject({ message: 'The new committee key is the key already in charge.' });
    expect(listOutbox(bench.db)).toEqual([]);
  });
});
