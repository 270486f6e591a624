import type { Amount, Box } from '@fleet-sdk/common';

/** A member's current account box as the mirror knows it; the name is local metadata, never on chain. */
export interface MemberAccount {
  name: string;
  box: Box<Amount>;
}
