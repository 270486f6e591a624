import { AppError } from '../errors/app-error';

/** Every pre-flight rule refuses the same way, before anything reaches a signer. */
export function refuse(message: string, hint: string): never {
  throw new AppError('preflight-failed', message, hint);
}

export function shortId(id: string): string {
  return `${id.slice(0, 8)}…`;
}
