import { describe, expect, it } from 'vitest';
import { createConnectionTracker } from '../../electron/core/chain/connection-status';
import { AppError } from '../../electron/core/errors/app-error';

/** A settable clock; times are built in local time so "14:02" reads the same in every time zone. */
function clockAt(hours: number, minutes: number, seconds = 0) {
  let time = new Date(2025, 4, 17, hours, minutes, seconds).getTime();
  return {
    now: () => time,
    advance: (ms: number) => void (time += ms),
  };
}

const unreachable = () => new AppError('chain-unreachable', 'Cannot reach the Ergo node at http://127.0.0.1:9053 (connection refused).', 'Check it.');

function trackerAt(hours: number, minutes: number) {
  const clock = clockAt(hours, minutes);
  return { clock, tracker: createConnectionTracker({ now: clock.now, source: { label: 'the Ergo node at http://127.0.0.1:9053', name: 'Node' } }) };
}

describe('chain connection status', () => {
  it('starts not connected, then connecting', () => {
    const { tracker } = trackerAt(14, 0);
    expect(tracker.status()).toEqual({ state: 'not-connected', message: 'Not connected to the Ergo node at http://127.0.0.1:9053.', height: null });
    tracker.connecting();
    expect(tracker.status()).toEqual({ state: 'connecting', message: 'Connecting to the Ergo node at http://127.0.0.1:9053…', height: null });
  });

  it('is syncing while the mirror is behind the node and synced once level', () => {
    const { tracker } = trackerAt(14, 0);
    tracker.progressed(1_200, 1_500);
    expect(tracker.status()).toEqual({ state: 'syncing', message: 'Catching up: block 1200 of 1500.', height: 1_200 });
    tracker.progressed(1_500, 1_500);
    expect(tracker.status()).toEqual({ state: 'synced', message: 'Up to date at block 1500.', height: 1_500 });
  });

  it('shows the mirror’s height, and says so when a node claims a lower one', () => {
    const { tracker } = trackerAt(14, 0);
    tracker.progressed(1_500, 1_420);
    expect(tracker.status()).toEqual({ state: 'synced', message: 'Up to date at block 1500; the node reports only block 1420.', height: 1_500 });
  });

  it('says the node itself is catching up when its headers run far ahead of its blocks', () => {
    const { tracker } = trackerAt(14, 0);
    tracker.progressed(812_000, 812_000, 1_100_000);
    expect(tracker.status()).toEqual({ state: 'syncing', message: 'The node is catching up: block 812 000 of 1 100 000.', height: 812_000 });
    tracker.progressed(1_100_000, 1_100_000, 1_100_001);
    expect(tracker.status()).toEqual({ state: 'synced', message: 'Up to date at block 1100000.', height: 1_100_000 });
  });

  it('says since when the node is unreachable and counts down to the next try', () => {
    const { tracker, clock } = trackerAt(14, 2);
    tracker.progressed(1_500, 1_500);
    tracker.failed(unreachable(), 8_000);
    expect(tracker.status()).toEqual({ state: 'unreachable', message: 'Node unreachable since 14:02, retrying in 8 s.', height: 1_500 });
    clock.advance(2_500);
    expect(tracker.status().message).toBe('Node unreachable since 14:02, retrying in 6 s.');
    clock.advance(5_500);
    expect(tracker.status().message).toBe('Node unreachable since 14:02, retrying now.');
  });

  it('names the source it follows: the Explorer is not called a node', () => {
    const clock = { now: () => new Date(2026, 4, 17, 14, 2).getTime() };
    const tracker = createConnectionTracker({ now: clock.now, source: { label: 'the Ergo Explorer at https://api.ergoplatform.com', name: 'Explorer' } });
    expect(tracker.status().message).toBe('Not connected to the Ergo Explorer at https://api.ergoplatform.com.');
    tracker.failed(unreachable(), 8_000);
    expect(tracker.status().message).toBe('Explorer unreachable since 14:02, retrying in 8 s.');
  });

  it('keeps the start of a failure streak across retries and forgets it after a success', () => {
    const { tracker, clock } = trackerAt(14, 2);
    tracker.failed(unreachable(), 1_000);
    clock.advance(3 * 60_000);
    tracker.failed(unreachable(), 16_000);
    expect(tracker.status().message).toBe('Node unreachable since 14:02, retrying in 16 s.');
    tracker.progressed(10, 10);
    expect(tracker.lastError()).toBeNull();
    tracker.failed(unreachable(), 1_000);
    expect(tracker.status().message).toBe('Node unreachable since 14:05, retrying in 1 s.');
  });

  it('names the kind of failure and keeps the full error for a details view', () => {
    const { tracker } = trackerAt(9, 5);
    const invalid = new AppError('chain-response-invalid', 'The Ergo node gave an answer the app cannot use.', 'Check the address.');
    tracker.failed(invalid, 4_000);
    expect(tracker.status().message).toBe('Node sent data the app cannot use since 09:05, retrying in 4 s.');
    expect(tracker.lastError()).toEqual(invalid.toPayload());
  });

  it('does not leak an unexpected error`s text', () => {
    const { tracker } = trackerAt(9, 5);
    tracker.failed(new Error('secret stack detail'), 4_000);
    expect(tracker.status().message).toBe('Chain sync failed since 09:05, retrying in 4 s.');
    expect(tracker.lastError()?.code).toBe('internal');
    expect(JSON.stringify(tracker.lastError())).not.toContain('secret');
  });

  it('adds the date when the streak began on another day', () => {
    const { tracker, clock } = trackerAt(23, 58);
    tracker.failed(unreachable(), 1_000);
    clock.advance(5 * 60_000);
    tracker.failed(unreachable(), 1_000);
    expect(tracker.status().message).toBe('Node unreachable since 2025-05-17 23:58, retrying in 1 s.');
  });

  it('forgets the height when disconnected', () => {
    const { tracker } = trackerAt(9, 5);
    tracker.progressed(5, 5);
    tracker.disconnected();
    expect(tracker.status()).toEqual({ state: 'not-connected', message: 'Not connected to the Ergo node at http://127.0.0.1:9053.', height: null });
  });
});
