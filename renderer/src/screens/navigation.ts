export const screens = ['dashboard', 'members', 'enrolment', 'ledger', 'statements', 'settings'] as const;
export type ScreenId = (typeof screens)[number];

export const screenTitles: Record<ScreenId, string> = {
  dashboard: 'Dashboard',
  members: 'Members',
  enrolment: 'Enrolment',
  ledger: 'Ledger',
  statements: 'Statements',
  settings: 'Settings',
};
