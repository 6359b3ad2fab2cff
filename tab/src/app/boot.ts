import type { AuthConfig } from './auth';
import type { Me } from './types';

/** Requests index.html starts before the scripts load (see build.mjs); each is used once. */
interface Boot {
  auth?: Promise<AuthConfig>;
  me?: Promise<Me>;
}

declare global {
  interface Window {
    wardlineBoot?: Boot;
  }
}

export function takeBoot<K extends keyof Boot>(key: K): Boot[K] | undefined {
  const boot = window.wardlineBoot;
  const value = boot?.[key];
  if (boot) delete boot[key];
  return value;
}
