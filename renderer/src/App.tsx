import { useState } from 'react';
import { NetworkBadge } from './components/NetworkBadge';
import { StatusBar } from './components/StatusBar';
import { Dashboard } from './screens/Dashboard';
import { Enrolment } from './screens/enrolment/Enrolment';
import { FollowLets } from './screens/following/FollowLets';
import { FoundLets } from './screens/founding/FoundLets';
import { LedgerScreen } from './screens/ledger/LedgerScreen';
import { Members } from './screens/Members';
import { MonthlyReportScreen } from './screens/report/MonthlyReportScreen';
import { NavigateContext, screens, screenTitles, type ScreenId } from './screens/navigation';
import { Settings } from './screens/Settings';
import { Statements } from './screens/Statements';

const screenViews: Record<ScreenId, () => React.JSX.Element> = {
  dashboard: Dashboard,
  members: Members,
  enrolment: Enrolment,
  ledger: LedgerScreen,
  statements: Statements,
  report: MonthlyReportScreen,
  found: FoundLets,
  follow: FollowLets,
  settings: Settings,
};

export function App() {
  const [current, setCurrent] = useState<ScreenId>('dashboard');
  const Screen = screenViews[current];
  return (
    <NavigateContext.Provider value={setCurrent}>
    <div className="app-shell">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">⇄</span>
          <span>LETS Treasurer</span>
        </div>
        <ul>
          {screens.map((id) => (
            <li key={id}>
              <button type="button" className="nav-item" aria-current={id === current ? 'page' : undefined} onClick={() => setCurrent(id)}>
                {screenTitles[id]}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {/* Focusable so a keyboard can scroll a long screen (axe: scrollable-region-focusable). */}
      <main className="content" aria-labelledby="screen-title" tabIndex={0}>
        <header className="content-header">
          <h1 id="screen-title">{screenTitles[current]}</h1>
          <NetworkBadge />
        </header>
        <div className="content-body">
          <Screen />
        </div>
      </main>
      <StatusBar />
    </div>
    </NavigateContext.Provider>
  );
}
