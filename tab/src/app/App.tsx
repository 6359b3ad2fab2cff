import { Button, FluentProvider, MessageBar, MessageBarBody, Spinner, Text, webLightTheme } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { ApiError, createHttpApi, type TabApi } from './api';
import { developmentToken, entraToken, type AuthConfig } from './auth';
import { useHashRoute, useLoad } from './hooks';
import { HOME, ME_KEY, openingRequests, roleForRoute, routeWard, savedRole } from './opening';
import type { Me, Role } from './types';
// The views are part of the entry, not loaded on demand: the first view then needs no second
// round of script requests (the map and Teams' library, the large parts, still load on demand).
import { ConfigureTab } from '../views/ConfigureTab';
import { DevSignIn } from '../views/DevSignIn';
import { JobPage } from '../views/JobPage';
import { MyJobs } from '../views/MyJobs';
import { MyWards } from '../views/MyWards';
import { TeamBoard } from '../views/TeamBoard';


const NAV: Record<Role, { route: string; label: string }[]> = {
  councillor: [{ route: '/wards', label: 'My wards' }],
  supervisor: [{ route: '/board', label: 'Team board' }, { route: '/jobs', label: 'My jobs' }],
  officer: [{ route: '/jobs', label: 'My jobs' }],
  volunteer: [{ route: '/jobs', label: 'My jobs' }],
};

/** Signs the person in (Teams SSO in Teams, MSAL outside it, or the development sign-in), then shows their role's views. */
export function App({ config, api: givenApi }: { config: AuthConfig; api?: TabApi }) {
  const [token, setToken] = useState(() => developmentToken.get());
  const api = useMemo(() => givenApi ?? createHttpApi(async () => {
    if (config.mode === 'entra') return entraToken(config);
    const current = developmentToken.get();
    if (!current) throw new ApiError(401, 'WL-ID-001', 'Sign in first.');
    return current;
  }, config.mode === 'development' ? token : null), [givenApi, config.mode, token]);
  const signOut = () => { developmentToken.clear(); localStorage.removeItem(ME_KEY); setToken(null); };
  if (config.mode === 'development' && !token && !givenApi) {
    return <Shell><DevSignIn onSignedIn={(t) => { developmentToken.set(t); setToken(t); window.location.hash = '/'; }} /></Shell>;
  }
  return <Shell><SignedIn api={api} onSignOut={config.mode === 'development' ? signOut : undefined} prefetch={config.mode === 'entra'} /></Shell>;
}

function Shell({ children }: { children: React.ReactNode }) {
  return <FluentProvider theme={webLightTheme} className="wl-root">{children}</FluentProvider>;
}

/** Keeps who signed in on the device, for opening with no signal (and for index.html's early requests). */
function remember(me: Me): Me {
  localStorage.setItem(ME_KEY, JSON.stringify(me));
  return me;
}

/**
 * `prefetch`: ask for the likely first view's data alongside /me (Teams sign-in, where index.html
 * cannot ask early because the token comes from Teams once the app runs).
 */
function SignedIn({ api, onSignOut, prefetch }: { api: TabApi; onSignOut?: () => void; prefetch?: boolean }) {
  const [route, navigate] = useHashRoute();
  useEffect(() => {
    const likely = roleForRoute(route) ?? savedRole(localStorage.getItem(ME_KEY));
    if (prefetch && likely) api.prefetch?.(openingRequests(likely, route));
  }, [api]);
  const me = useLoad(async (): Promise<Me> => {
    try {
      return remember(await api.me());
    } catch (error) {
      const saved = localStorage.getItem(ME_KEY);
      if (error instanceof TypeError && saved) return JSON.parse(saved) as Me;
      throw error;
    }
  }, [api], () => {
    const ready = api.ready?.me();
    return ready && remember(ready);
  });
  if (me.error) {
    const signInAgain = me.error instanceof ApiError && me.error.status === 401 && onSignOut;
    return (
      <main className="wl-page" id="main">
        <MessageBar intent="error"><MessageBarBody>{me.error.message}</MessageBarBody></MessageBar>
        {signInAgain ? <Button onClick={onSignOut}>Sign in again</Button> : null}
      </main>
    );
  }
  if (!me.data) return <main className="wl-page" id="main"><Spinner label="Signing you in" /></main>;
  const { person } = me.data;
  const role = person.role;
  const path = route === '/' ? HOME[role] : route;
  const job = /^\/jobs\/(.+)$/.exec(path)?.[1];
  const back = HOME[role];
  let view: React.ReactNode;
  if (job && (role === 'officer' || role === 'volunteer')) view = <MyJobs api={api} reference={job} navigate={navigate} />;
  else if (job) view = <JobPage api={api} reference={job} onBack={() => navigate(back)} backLabel={role === 'councillor' ? 'My wards' : 'Team board'} />;
  else if (path === '/configure') view = <ConfigureTab me={me.data} />;
  else if (/^\/wards(\/|$)/.test(path) && role === 'councillor') view = <MyWards api={api} me={me.data} navigate={navigate} ward={routeWard(path)} />;
  else if (path === '/board' && role === 'supervisor') view = <TeamBoard api={api} me={me.data} navigate={navigate} />;
  else if (path === '/jobs' && role !== 'councillor') view = <MyJobs api={api} navigate={navigate} />;
  else view = <main className="wl-page" id="main"><Text>There is nothing here for your role. <a href={`#${back}`}>Go to your start page</a>.</Text></main>;
  return (
    <>
      <a className="wl-skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>Skip to content</a>
      <header className="wl-header">
        <Text weight="semibold">{me.data.councilName}</Text>
        <nav aria-label="Wardline">
          {NAV[role].map((item) => <a key={item.route} href={`#${item.route}`} aria-current={path.startsWith(item.route) ? 'page' : undefined}>{item.label}</a>)}
        </nav>
        <Text size={200}>{person.name}</Text>
        {onSignOut ? <Button size="small" appearance="subtle" onClick={onSignOut}>Sign out</Button> : null}
      </header>
      {view}
    </>
  );
}
