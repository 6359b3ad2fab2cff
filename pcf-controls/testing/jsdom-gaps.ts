/**
 * Browser APIs that jsdom lacks but every browser the platform supports has. Importing this module
 * fills them, so import it before Leaflet or Fluent: Leaflet decides at load time whether SVG works.
 * - ResizeObserver: Fluent's MessageBar measures itself; nothing resizes here, so it never reports.
 * - SVGSVGElement.createSVGRect: Leaflet's SVG support test.
 */
class NoResizeObserver implements ResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

export function fillJsdomGaps(): void {
  if (typeof window === 'undefined') return;
  if (!('ResizeObserver' in window)) Object.defineProperty(window, 'ResizeObserver', { value: NoResizeObserver, configurable: true });
  const svg = window.SVGSVGElement?.prototype as (SVGSVGElement & { createSVGRect?: () => DOMRect }) | undefined;
  if (svg && !svg.createSVGRect) svg.createSVGRect = () => new DOMRect();
}

fillJsdomGaps();
