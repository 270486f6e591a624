import { describe, expect, it } from 'vitest';
import { ErgoAddress } from '@fleet-sdk/core';
import { Network } from '@fleet-sdk/common';
import { keyFromAddress, ownerAddress, publicKeyProblem } from '../../electron/core/members/owner-address';
import { KEYS } from './member-mirror';

describe('owner addresses', () => {
  it('encode the owner key as a P2PK address of the chain’s network and decode back to the key', () => {
    const testnet = ownerAddress(KEYS.alice, 'testnet');
    const mainnet = ownerAddress(KEYS.alice, 'mainnet');
    expect(testnet).toMatch(/^3/);
    expect(mainnet).toMatch(/^9/);
    expect(keyFromAddress(testnet, 'testnet')).toEqual({ key: KEYS.alice });
    expect(keyFromAddress(mainnet, 'mainnet')).toEqual({ key: KEYS.alice });
  });

  it('refuse an address of the other network, a script address and a mistyped address', () => {
    expect(keyFromAddress(ownerAddress(KEYS.bob, 'mainnet'), 'testnet')).toEqual({ problem: 'wrong-network' });
    const script = ErgoAddress.fromErgoTree('100204a00b08cd0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798ea02d192a39a8cc7a70173007301', Network.Testnet);
    expect(keyFromAddress(script.encode(Network.Testnet), 'testnet')).toEqual({ problem: 'not-p2pk' });
    const address = ownerAddress(KEYS.bob, 'testnet');
    const typo = `${address.slice(0, 10)}${address[10] === 'x' ? 'y' : 'x'}${address.slice(11)}`;
    expect(keyFromAddress(typo, 'testnet')).toEqual({ problem: 'invalid' });
    expect(keyFromAddress('not an address', 'testnet')).toEqual({ problem: 'invalid' });
  });
});

describe('public keys', () => {
  it('accept compressed points of the curve, in either case', () => {
    expect(publicKeyProblem(KEYS.alice)).toBeNull();
    expect(publicKeyProblem(KEYS.bob.toUpperCase())).toBeNull();
  });

  it('refuse text that is not 33 bytes of hex', () => {
    expect(publicKeyProblem(KEYS.alice.slice(2))).toBe('not-hex-33');
    expect(publicKeyProblem(`${KEYS.alice}00`)).toBe('not-hex-33');
    expect(publicKeyProblem(`02${'g'.repeat(64)}`)).toBe('not-hex-33');
  });

  it('refuse a wrong prefix and an x with no point on the curve', () => {
    expect(publicKeyProblem(`04${KEYS.alice.slice(2)}`)).toBe('not-on-curve');
    expect(publicKeyProblem(`02${'1'.repeat(64)}`)).toBe('not-on-curve');
    expect(publicKeyProblem(`02${'f'.repeat(64)}`)).toBe('not-on-curve');
  });
});
