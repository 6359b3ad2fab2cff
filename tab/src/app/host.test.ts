/** @jest-environment jsdom */
import { mayBeInTeams } from './host';

type Frame = { self?: unknown; top?: unknown; opener?: unknown; nativeInterface?: unknown };
const as = (w: Frame): Window => w as unknown as Window;

describe('mayBeInTeams', () => {
  it('says no at once for a page on its own (a browser tab, the installed field app)', () => {
    expect(mayBeInTeams(window)).toBe(false);
    const alone: Frame = { opener: null };
    alone.self = as(alone);
    alone.top = as(alone);
    expect(mayBeInTeams(as(alone))).toBe(false);
  });

  it('says maybe in a frame (Teams on the web and desktop), even one it cannot read', () => {
    const framed: Frame = { opener: null, top: as({}) };
    framed.self = as(framed);
    expect(mayBeInTeams(as(framed))).toBe(true);
    const crossOrigin: Frame = { opener: null };
    crossOrigin.self = as(crossOrigin);
    Object.defineProperty(crossOrigin, 'top', { get: () => { throw new DOMException('Blocked a frame', 'SecurityError'); } });
    expect(mayBeInTeams(as(crossOrigin))).toBe(true);
  });

  it("says maybe in Teams' mobile web view (no frame, but nativeInterface)", () => {
    const mobile: Frame = { opener: null, nativeInterface: {} };
    mobile.self = as(mobile);
    mobile.top = as(mobile);
    expect(mayBeInTeams(as(mobile))).toBe(true);
  });
});
