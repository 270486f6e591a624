import { SECP256K1_GENERATOR, type ChainHeader } from '../../electron/core/chain/chain-source';

/**
 * A header for tests that store or compare headers without checking them: the linking fields as given, the rest
 * plausible in form only (its id is not the hash of its bytes, its proof of work does not hold).
 */
export function aHeader(fields: Pick<ChainHeader, 'id' | 'parentId' | 'height' | 'timestamp'> & Partial<ChainHeader>): ChainHeader {
  return {
    version: 2,
    adProofsRoot: '00'.repeat(32),
    stateRoot: '00'.repeat(33),
    transactionsRoot: '00'.repeat(32),
    extensionHash: '00'.repeat(32),
    nBits: 0x01010000,
    votes: '000000',
    unparsedBytes: '',
    powSolutions: { pk: SECP256K1_GENERATOR, w: SECP256K1_GENERATOR, n: '00'.repeat(8), d: 0n },
    ...fields,
  };
}
