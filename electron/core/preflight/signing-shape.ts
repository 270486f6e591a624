import type { EIP12UnsignedTransaction } from '@fleet-sdk/common';
import { FALSE_TREE, reduceInput, TRUE_TREE, type NextBlock } from '../interpreter/sigma-interpreter';
import { refuse, shortId } from './refuse';

/*
 * The Ergo Ledger app proves one Schnorr statement per key path; it cannot answer OR / AND / threshold
 * statements (PROTOCOL.md, "Signing constraint"). So we reduce every input with the real interpreter
 * (sigmastate-js, the same code mock-chain and the node's wallet use) and look at what is left to prove:
 * a single proveDlog (serialised as the P2PK tree 0008cd<point>) or the trivial true proposition. A
 * reduction to false, or a script that throws, means the chain would refuse the transaction anyway.
 */

const P2PK_TREE = /^0008cd[0-9a-f]{66}$/;

/** What input `index` needs from a signer: a public key (hex), or nothing. Throws when it is unsignable. */
export type SigningNeed = { kind: 'key'; publicKey: string } | { kind: 'none' };

export function checkSigningShape(tx: EIP12UnsignedTransaction, height: number): SigningNeed[] {
  const next: NextBlock = { height: height + 1 };
  return tx.inputs.map((input, index) => {
    const tree = reducedTree(tx, index, next);
    if (tree === TRUE_TREE) return { kind: 'none' };
    if (P2PK_TREE.test(tree)) return { kind: 'key', publicKey: tree.slice(6) };
    const where = `input ${index + 1} (box ${shortId(input.boxId)})`;
    if (tree === FALSE_TREE) {
      refuse(
        `The blockchain would refuse this transaction: the contract guarding ${where} does not allow it.`,
        'Refresh the ledger and build the transaction again; if it still fails, the request breaks a LETS rule.',
      );
    }
    return refuse(
      `This transaction cannot be signed on a Ledger: ${where} needs a combination of signatures.`,
      'The Ledger can give exactly one signature per input; build the transaction so each input needs one key.',
    );
  });
}

function reducedTree(tx: EIP12UnsignedTransaction, index: number, next: NextBlock): string {
  try {
    return reduceInput(tx, index, next).tree;
  } catch (error) {
    return refuse(
      `The blockchain would refuse this transaction: the contract guarding input ${index + 1} (box ${shortId(tx.inputs[index]?.boxId ?? '')}) stops with an error.`,
      `Refresh the ledger and build the transaction again. Interpreter said: ${String(error).slice(0, 200)}`,
    );
  }
}
