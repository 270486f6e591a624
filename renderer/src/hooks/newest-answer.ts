export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * The answers to one screen's repeated calls, handed on only when asked later than the last one shown. A screen asks
 * again when its input changes (another LETS chosen) and on a timer, and answers can arrive out of order: an older
 * answer arriving last would put the previous input's data back on screen until the next poll.
 */
export class NewestAnswer {
  private asked = 0;
  private shown = 0;

  follow<T>(answer: Promise<T>, show: (outcome: Outcome<T>) => void): void {
    const order = ++this.asked;
    const showIfNewest = (outcome: Outcome<T>) => {
      if (order < this.shown) return;
      this.shown = order;
      show(outcome);
    };
    answer.then(
      (value) => showIfNewest({ ok: true, value }),
      (error: unknown) => showIfNewest({ ok: false, error }),
    );
  }
}
