import { z } from 'zod';
import { call } from '../call';
import type { DashboardSummary } from './dashboard-types';

/** The LETS at a glance; chain and device state come from `chain.status` and `device.status`. */
export const dashboardCalls = {
  'dashboard.summary': call<DashboardSummary>()(z.strictObject({})),
} as const;
