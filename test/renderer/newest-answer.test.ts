import { describe, expect, it } from 'vitest';
import { NewestAnswer, type Outcome } from '../../renderer/src/hooks/newest-answer';

/** A screen asking repeatedly: each ask is a call whose answer the test settles when it chooses. */
function aScreen() {
  const answers = new NewestAnswer();
  const shown: Outcome<string>[] = [];
  const ask = () => {
    let settle!: { resolve: (value: string) => void; reject: (error: unknown) => void };
    answers.follow(new Promise<string>((resolve, reject) => (settle = { resolve, reject })), (outcome) => shown.push(outcome));
    return settle;
  };
  return { ask, shown };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the answers a screen shows', () => {
  it('never lets an older answer that arrives last replace a newer one', async () => {
    const { ask, shown } = aScreen();
    const allLets = ask();
    const riverside = ask();
    riverside.resolve('Riverside members');
    await settled();
    allLets.resolve('members of every LETS');
    await settled();
    expect(shown).toEqual([{ ok: true, value: 'Riverside members' }]);
  });

  it('shows answers that arrive in order, failures included, and a later poll after a failure', async () => {
    const { ask, shown } = aScreen();
    const first = ask();
    const second = ask();
    first.resolve('before');
    await settled();
    second.reject(new Error('the node is unreachable'));
    await settled();
    ask().resolve('after');
    await settled();
    expect(shown).toEqual([{ ok: true, value: 'before' }, { ok: false, error: new Error('the node is unreachable') }, { ok: true, value: 'after' }]);
  });
});
