import { createContext, useContext } from 'react';

export const screens = ['dashboard', 'members', 'enrolment', 'ledger', 'statements', 'report', 'found', 'follow', 'settings'] as const;
export type ScreenId = (typeof screens)[number];

export const screenTitles: Record<ScreenId, string> = {
  dashboard: 'Dashboard',
  members: 'Members',
  enrolment: 'Enrolment',
  ledger: 'Ledger',
  statements: 'Statements',
  report: 'Monthly report',
  found: 'Found a LETS',
  follow: 'Follow a LETS',
  settings: 'Settings',
};

/** Lets a screen send the treasurer to another one (the welcome's three ways in, "open the dashboard" when done). */
export const NavigateContext = createContext<(screen: ScreenId) => void>(() => undefined);

export function useNavigate(): (screen: ScreenId) => void {
  return useContext(NavigateContext);
}
