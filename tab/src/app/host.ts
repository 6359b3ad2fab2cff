/**
 * Whether the page may be running inside Teams: Teams shows a tab in a frame (web and desktop) or,
 * on phones, in a frameless web view that gives the page `nativeInterface`. A page opened on its
 * own (a browser tab, the installed field app) has none of these, so it need not wait for Teams.
 */
export function mayBeInTeams(w: Window = window): boolean {
  try {
    if (w.self !== w.top) return true;
  } catch {
    // A cross-origin parent cannot be read: a frame, so maybe Teams.
    return true;
  }
  return Boolean(w.opener) || 'nativeInterface' in w;
}
