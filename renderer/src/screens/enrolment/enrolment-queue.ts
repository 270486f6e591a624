import type { PreparedTransaction } from '../../../../electron/core/api/calls/outbox-types';
import { callApi } from '../../api/client';

/*
 * The enrolments of a batch wait in the outbox, not in the screen: each is built at once, chained on the management
 * box of the one before, so they must be signed in the order they were built. Leaving the screen loses nothing; the
 * queue is whatever the outbox holds unsigned for the LETS.
 */

/**
 * The oldest enrolment of the LETS still waiting for the committee's signature, ready to review (null when none
 * waits), and how many wait in all.
 */
export async function nextEnrolmentToSign(letsId: number): Promise<{ next: PreparedTransaction | null; waiting: number }> {
  const entries = await callApi('outbox.list', {});
  const queue = entries.filter((e) => e.letsId === letsId && e.purpose === 'enrolment' && e.state === 'built').sort((a, b) => a.id - b.id);
  const [oldest] = queue;
  return { next: oldest ? await callApi('outbox.review', { transactionId: oldest.transactionId }) : null, waiting: queue.length };
}

/**
 * Builds the enrolment of each member in turn (into the outbox, unsigned). The first refusal stops the batch: those
 * built stay in the queue, the rest stay among the members waiting; `onProgress` hears how many are built.
 */
export async function prepareEnrolments(letsId: number, memberIds: readonly number[], onProgress: (built: number) => void): Promise<{ built: number; error: unknown }> {
  let built = 0;
  for (const memberId of memberIds) {
    onProgress(built);
    try {
      await callApi('enrolment.prepare', { letsId, memberId });
    } catch (error) {
      return { built, error };
    }
    built += 1;
  }
  return { built, error: null };
}

/** Who an enrolment enrols, as its review reads it from the transaction. */
export const enrolledName = (prepared: PreparedTransaction): string => prepared.reading.accounts[0]?.name ?? 'the new member';
