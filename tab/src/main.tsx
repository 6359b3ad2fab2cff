import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { readAuthConfig } from './app/auth';
import { earlyAnswersSettled } from './app/boot';
import { warmUpFormats } from './app/format';

/** How long the first render may wait for answers index.html asked for early. */
const EARLY_WAIT_MS = 400;

/** Registers the service worker (offline field app) once the page has loaded, so its copying of the app shell does not compete with the first view. */
function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const register = () => void navigator.serviceWorker.register('/tab/sw.js', { scope: '/tab/' }).catch(() => undefined);
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

/** Starts the tab: asks how to sign in (index.html has already asked), renders, then registers the service worker. */
async function start(): Promise<void> {
  registerServiceWorker();
  const root = createRoot(document.getElementById('app') as HTMLElement);
  // index.html has asked who is signed in and for their first view's data: when those answers are
  // moments away, the first render can show them rather than a spinner first.
  const settled = earlyAnswersSettled(EARLY_WAIT_MS);
  let config;
  try {
    config = await readAuthConfig();
    localStorage.setItem('wardline.tab.auth', JSON.stringify(config));
  } catch {
    const saved = localStorage.getItem('wardline.tab.auth');
    config = saved ? JSON.parse(saved) : { mode: 'development' };
  }
  await settled;
  root.render(<App config={config} />);
  // Once the first view is up and the browser is idle, load the date formats the other views use.
  if ('requestIdleCallback' in window) requestIdleCallback(warmUpFormats, { timeout: 5000 });
  else setTimeout(warmUpFormats, 2000);
}

void start();
