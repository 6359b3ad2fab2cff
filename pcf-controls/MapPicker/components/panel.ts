import { text } from './messages';

export interface PanelEvents {
  onUseMyLocation(): void;
  onPlaceAtCentre(): void;
  onSnapChange(snap: boolean): void;
}

let instances = 0;

/**
 * The control's plain DOM around the map: buttons, the snap switch, the coordinates, a polite
 * status region and an alert region for warnings. Styled by css/MapPicker.css.
 */
export class Panel {
  readonly root: HTMLElement;
  readonly mapElement: HTMLElement;
  readonly helpId: string;
  private readonly locate: HTMLButtonElement;
  private readonly centre: HTMLButtonElement;
  private readonly snap: HTMLInputElement;
  private readonly coordinates: HTMLElement;
  private readonly status: HTMLElement;
  private readonly warning: HTMLElement;

  constructor(container: HTMLElement, events: PanelEvents, rtl: boolean) {
    instances += 1;
    const id = `wl-mappicker-${instances}`;
    this.helpId = `${id}-help`;
    this.root = element('div', 'wl-mappicker');
    this.root.dir = rtl ? 'rtl' : 'ltr';
    const toolbar = element('div', 'wl-mappicker__toolbar');
    this.locate = button(text.useMyLocation, events.onUseMyLocation);
    this.centre = button(text.placeAtCentre, events.onPlaceAtCentre);
    const snapLabel = element('label', 'wl-mappicker__snap');
    this.snap = document.createElement('input');
    this.snap.type = 'checkbox';
    this.snap.checked = true;
    this.snap.addEventListener('change', () => events.onSnapChange(this.snap.checked));
    snapLabel.append(this.snap, document.createTextNode(` ${text.snapToAssets}`));
    toolbar.append(this.locate, this.centre, snapLabel);
    this.mapElement = element('div', 'wl-mappicker__map');
    this.mapElement.id = `${id}-map`;
    this.coordinates = element('p', 'wl-mappicker__coordinates');
    const help = element('p', 'wl-mappicker__help');
    help.id = this.helpId;
    help.textContent = text.pinHelp;
    this.status = element('div', 'wl-mappicker__status');
    this.status.setAttribute('role', 'status');
    this.status.setAttribute('aria-live', 'polite');
    this.warning = element('div', 'wl-mappicker__warning');
    this.warning.setAttribute('role', 'alert');
    this.warning.hidden = true;
    this.root.append(toolbar, this.mapElement, this.coordinates, this.warning, this.status, help);
    container.append(this.root);
  }

  setDisabled(disabled: boolean): void {
    this.locate.disabled = disabled;
    this.centre.disabled = disabled;
    this.snap.disabled = disabled;
    this.root.classList.toggle('wl-mappicker--disabled', disabled);
  }

  setLocating(locating: boolean): void {
    this.locate.textContent = locating ? text.locating : text.useMyLocation;
    this.locate.setAttribute('aria-busy', String(locating));
  }

  setCoordinates(value: string): void {
    this.coordinates.textContent = value;
  }

  /** The polite status line(s): ward, asset, read-only. */
  setStatus(lines: string[]): void {
    this.status.replaceChildren(...lines.filter(Boolean).map((line) => Object.assign(element('p', 'wl-mappicker__line'), { textContent: line })));
  }

  /** The warning region: outside every ward, location refused, bad settings. Empty hides it. */
  setWarning(message: string | null): void {
    this.warning.hidden = !message;
    this.warning.textContent = message ? `Warning: ${message}` : '';
  }

  setRtl(rtl: boolean): void {
    this.root.dir = rtl ? 'rtl' : 'ltr';
  }

  destroy(): void {
    this.root.remove();
  }
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}

function button(label: string, onClick: () => void): HTMLButtonElement {
  const node = element('button', 'wl-mappicker__button');
  node.type = 'button';
  node.textContent = label;
  node.addEventListener('click', onClick);
  return node;
}
