/** What the emulated Ledger screen asks the person holding it. */
export type PromptKind =
  | 'trust-application'
  | 'export-extended-public-key'
  | 'export-address'
  | 'show-address'
  | 'start-signing'
  | 'blind-signing-disabled'
  | 'sign-transaction';

export interface Prompt {
  kind: PromptKind;
  /** What the screen shows: the auth token as "0x%08x", a path, an address, a summary line. */
  text: string;
}

/**
 * The person pressing the buttons: approves everything unless told to reject a kind of prompt.
 * Records every prompt so tests can count device reviews and check what the screen showed.
 */
export class EmulatedUser {
  readonly prompts: Prompt[] = [];
  readonly #rejections = new Set<PromptKind>();

  rejectNext(kind: PromptKind): void {
    this.#rejections.add(kind);
  }

  answer(prompt: Prompt): boolean {
    this.prompts.push(prompt);
    return !this.#rejections.delete(prompt.kind);
  }

  shown(kind: PromptKind): Prompt[] {
    return this.prompts.filter((prompt) => prompt.kind === kind);
  }
}
