import { describe, expect, it } from 'vitest';
import { NewestAnswer, type Outcome } from '../../renderer/src/hooks/newest-answer';

/** A promise the test settles when it chooses. */
function pending<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the answers a screen shows', () => {
  it('never lets an older answer that arrives last replace a newer one', async () => {
    const answers = new NewestAnswer();
    const shown: Outcome<string>[] = [];
    const allLets = pending<string>();
    const riverside = pending<string>();
    answers.follow(allLets.promise, (o) => shown.push(o));
    answers.follow(riverside.promise, (o) => shown.push(o));
    riverside.resolve('Riverside members');
    await settled();
    allLets.resolve('members of every LETS');
    await settled();
    expect(shown).toEqual([{ ok: true, value: 'Riverside members' }]);
  });

  it('shows answers that arrive in order, failures included, and a later poll after a failure', async () => {
    const answers = new NewestAnswer();
    const shown: Outcome<string>[] = [];
    const first = pending<string>();
    const second = pending<string>();
    answers.follow(first.promise, (o) => shown.push(o));
    answers.follow(second.promise, (o) => shown.push(o));
    first.resolve('before');
    await settled();
    second.reject(new Error('the node is unreachable'));
    await settled();
    answers.follow(Promise.resolve('after'), (o) => shown.push(o));
    await settled();
    expect(shown).toEqual([{ ok: true, value: 'before' }, { ok: false, error: new Error('the node is unreachable') }, { ok: true, value: 'after' }]);
  });
});
