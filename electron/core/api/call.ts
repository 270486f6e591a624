import type { z } from 'zod';

/** One call of the API: its input schema (checked at the boundary) and, as a type only, its output. */
export interface CallSpec<I extends z.ZodType, O> {
  readonly input: I;
  /** Never set at runtime: it carries the output type for the compiler. */
  readonly output?: O;
}

/** `call<Output>()(inputSchema)` declares a call; the curried form lets TS infer I while O is given. */
export function call<O>() {
  return <I extends z.ZodType>(input: I): CallSpec<I, O> => ({ input });
}
