import { call } from '../call';
import type { MonthlyReport } from './report-types';
import { letsId, periodInput } from './statement-calls';

/** The committee's report for one period (the CSV is made from it on the screen, so the two cannot differ). */
export const reportCalls = {
  'reports.monthly': call<MonthlyReport>()(periodInput({ letsId })),
} as const;
