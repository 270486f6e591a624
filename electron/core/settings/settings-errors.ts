import type { z } from 'zod';
import { AppError } from '../errors/app-error';

const HINTS: Record<string, string> = {
  chainSource: 'Enter the node address like http://127.0.0.1:9053, or choose the built-in demo chain.',
  confirmations: 'Enter a whole number of blocks from 1 to 100, or leave it empty for the default.',
};

/** A settings value that breaks its rule, in the rule's own words ("The node URL must start with http://…"). */
export function invalidSettings(error: z.ZodError): AppError {
  const issue = error.issues[0];
  const field = String(issue?.path[0] ?? '');
  return new AppError(
    'invalid-input',
    issue?.message ?? 'These settings are not valid.',
    `${HINTS[field] ?? 'Correct the value and save again.'} Nothing was changed.`,
  );
}
