import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { readAuthConfig } from './app/auth';

/** Starts the tab: registers the service worker (offline field app), asks how to sign in, renders. */
async function start(): Promise<void> {
  if ('serviceWorker' in navigator) void navigator.serviceWorker.register('/tab/sw.js', { scope: '/tab/' }).catch(() => undefined);
  const root = createRoot(document.getElementById('app') as HTMLElement);
  let config;
  try {
    config = await readAuthConfig();
    localStorage.setItem('wardline.tab.auth', JSON.stringify(config));
  } catch {
    const saved = localStorage.getItem('wardline.tab.auth');
    config = saved ? JSON.parse(saved) : { mode: 'development' };
  }
  root.render(<App config={config} />);
}

void start();
