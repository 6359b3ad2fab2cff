/** @jest-environment jsdom */
import '../../testing/jsdom-gaps';
import { fireEvent, getByRole, getByText } from '@testing-library/react';
import { MockDevice, MockNumberProperty } from '../../testing';
import { OUTSIDE_EVERY_WARD } from '../../testing/reference-wards';
import { offsetMetres } from '../components/geometry';
import { text } from '../components/messages';
import { bench, bin, elsewhere, home, homeWard, mount, otherWard, settle } from './helpers';

const pin = (container: HTMLElement): HTMLElement => getByRole(container, 'button', { name: /^Job location pin/ });
const status = (container: HTMLElement): string => getByRole(container, 'status').textContent ?? '';
const warning = (container: HTMLElement): HTMLElement => container.querySelector('[role="alert"]') as HTMLElement;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('MapPicker lifecycle', () => {
  it('shows the bound location, its ward and its outputs', () => {
    const { control, container, notifications } = mount();
    expect(status(container)).toContain(`In ${homeWard.name} ward (${homeWard.code}).`);
    expect(pin(container).getAttribute('aria-label')).toContain(`Latitude ${home.latitude.toFixed(6)}, longitude ${home.longitude.toFixed(6)}`);
    expect(getByText(container, `Latitude ${home.latitude.toFixed(6)}, longitude ${home.longitude.toFixed(6)}`)).toBeTruthy();
    expect(control.getOutputs()).toEqual({ latitude: home.latitude, longitude: home.longitude, wardCode: homeWard.code, assetId: undefined, address: undefined });
    expect(warning(container).hidden).toBe(true);
    expect(notifications()).toBe(0);
  });

  it('moves the pin with the arrow keys and tells the host', () => {
    const { control, container, notifications } = mount();
    fireEvent.keyDown(pin(container), { key: 'ArrowUp' });
    const north = offsetMetres(home, 5, 0);
    expect(control.getOutputs()).toMatchObject({ latitude: north.latitude, longitude: north.longitude, wardCode: homeWard.code });
    expect(notifications()).toBe(1);
    fireEvent.keyDown(pin(container), { key: 'ArrowRight', shiftKey: true });
    const east = offsetMetres(north, 0, 50);
    expect(control.getOutputs()).toMatchObject({ latitude: east.latitude, longitude: east.longitude });
    expect(notifications()).toBe(2);
  });

  it('offers a nearby asset from the keyboard and snaps to it on Enter, saying so', () => {
    const { control, container } = mount();
    fireEvent.keyDown(pin(container), { key: 'ArrowUp' });
    expect(status(container)).toContain('Litter bin LB-001 is 11 m away. Press Enter on the pin to attach the job to it.');
    fireEvent.keyDown(pin(container), { key: 'Enter' });
    expect(control.getOutputs()).toEqual({ latitude: bin.latitude, longitude: bin.longitude, wardCode: homeWard.code, assetId: 'LB-001', address: 'At Litter bin LB-001' });
    expect(status(container)).toContain('Moved onto the nearest asset, Litter bin LB-001, 11 m away (snap radius 25 m).');
  });

  it('uses the device location and snaps to an asset within the radius', async () => {
    const device = new MockDevice();
    const near = offsetMetres(bench, 0, 12);
    device.grant(near.latitude, near.longitude);
    const { control, container, notifications } = mount({ device });
    fireEvent.click(getByRole(container, 'button', { name: text.useMyLocation }));
    await settle();
    expect(device.positionRequests).toBe(1);
    expect(control.getOutputs()).toMatchObject({ latitude: bench.latitude, longitude: bench.longitude, assetId: 'BN-007', address: 'At Memorial bench' });
    expect(status(container)).toContain('Moved onto the nearest asset, Memorial bench, 12 m away (snap radius 25 m).');
    expect(notifications()).toBe(1);
  });

  it('does not snap when snapping is switched off', async () => {
    const device = new MockDevice();
    const near = offsetMetres(bench, 0, 12);
    device.grant(near.latitude, near.longitude);
    const { control, container } = mount({ device });
    fireEvent.click(getByRole(container, 'checkbox', { name: text.snapToAssets }));
    fireEvent.click(getByRole(container, 'button', { name: text.useMyLocation }));
    await settle();
    expect(control.getOutputs()).toMatchObject({ latitude: near.latitude, longitude: near.longitude, assetId: undefined });
  });

  it('explains a refused location and keeps the pin where it was', async () => {
    const device = new MockDevice();
    device.deny();
    const { control, container, notifications } = mount({ device });
    fireEvent.click(getByRole(container, 'button', { name: text.useMyLocation }));
    await settle();
    expect(warning(container).hidden).toBe(false);
    expect(warning(container).textContent).toBe(`Warning: ${text.denied}`);
    expect(control.getOutputs()).toMatchObject({ latitude: home.latitude, longitude: home.longitude });
    expect(notifications()).toBe(0);
    expect(getByRole(container, 'button', { name: text.useMyLocation }).getAttribute('aria-busy')).toBe('false');
  });

  it('warns when the point is outside every ward and outputs no ward', () => {
    const { control, context, container } = mount();
    (context.parameters.latitude as MockNumberProperty).setValue(OUTSIDE_EVERY_WARD.latitude);
    (context.parameters.longitude as MockNumberProperty).setValue(OUTSIDE_EVERY_WARD.longitude);
    control.updateView(context.changed('latitude', 'longitude'));
    expect(warning(container).textContent).toBe('Warning: This point is outside every ward of the council. Check the location: the job may belong to another council.');
    expect(control.getOutputs().wardCode).toBeUndefined();
  });

  it('follows a location changed by the host without notifying back', () => {
    const { control, context, container, notifications } = mount();
    (context.parameters.latitude as MockNumberProperty).setValue(elsewhere.latitude);
    (context.parameters.longitude as MockNumberProperty).setValue(elsewhere.longitude);
    control.updateView(context.changed('latitude', 'longitude'));
    expect(status(container)).toContain(`In ${otherWard.name} ward (${otherWard.code}).`);
    expect(control.getOutputs().wardCode).toBe(otherWard.code);
    expect(notifications()).toBe(0);
  });

  it('honours read-only and disabled modes', () => {
    const { control, context, container, notifications } = mount();
    context.mode.isControlDisabled = true;
    control.updateView(context);
    expect((getByRole(container, 'button', { name: text.useMyLocation }) as HTMLButtonElement).disabled).toBe(true);
    expect((getByRole(container, 'checkbox', { name: text.snapToAssets }) as HTMLInputElement).disabled).toBe(true);
    expect(pin(container).getAttribute('aria-disabled')).toBe('true');
    fireEvent.keyDown(pin(container), { key: 'ArrowUp' });
    expect(control.getOutputs()).toMatchObject({ latitude: home.latitude });
    expect(status(container)).toContain(text.readOnly);
    expect(notifications()).toBe(0);
  });

  it('is read-only when field security forbids editing the location', () => {
    const { control, context, container } = mount();
    (context.parameters.latitude as MockNumberProperty).setEditable(false);
    control.updateView(context);
    expect(pin(container).getAttribute('aria-disabled')).toBe('true');
  });

  it('asks for a location when there is none', () => {
    const { control, container } = mount({ latitude: null, longitude: null });
    expect(status(container)).toContain(text.noLocation);
    expect(container.querySelector('.wl-pin')).toBeNull();
    expect(control.getOutputs()).toEqual({ latitude: undefined, longitude: undefined, wardCode: undefined, assetId: undefined, address: undefined });
  });

  it('places a first pin from the keyboard with the centre button', async () => {
    const { control, container, notifications } = mount({ latitude: null, longitude: null });
    await settle();
    getByRole(container, 'button', { name: text.placeAtCentre }).click();
    const placed = control.getOutputs();
    expect(typeof placed.latitude).toBe('number');
    expect(typeof placed.longitude).toBe('number');
    expect(notifications()).toBe(1);
    expect(pin(container)).toBeTruthy();
  });

  it('names the bad setting, item and field', () => {
    const broken = mount({ wardsJson: '[{"code": "E05000001"' });
    expect(warning(broken.container).textContent).toMatch(/^Warning: The Wards setting is not valid JSON: /);
    document.body.innerHTML = '';
    const badAsset = mount({ assetsJson: JSON.stringify([{ id: 'A1', name: 'Sign', latitude: 'north', longitude: 0.6 }]) });
    expect(warning(badAsset.container).textContent).toBe('Warning: The Assets setting, item 1, field "latitude": "north" is not a number');
    document.body.innerHTML = '';
    const badTiles = mount({ tileUrlTemplate: 'http://tiles.example/{z}/{x}/{y}.png' });
    expect(warning(badTiles.container).textContent).toBe('Warning: The map tile URL template "http://tiles.example/{z}/{x}/{y}.png" must start with https:// and contain {z}, {x} and {y}.');
  });

  it('draws no tiles unless a template is configured, and credits the tiles it draws', () => {
    const plain = mount();
    expect(plain.container.querySelector('.leaflet-tile-pane')?.children.length ?? 0).toBe(0);
    expect(plain.container.querySelector('.leaflet-control-attribution')).toBeNull();
    expect(plain.container.querySelectorAll('.leaflet-overlay-pane path').length).toBeGreaterThan(0);
    document.body.innerHTML = '';
    const tiled = mount({ tileUrlTemplate: 'https://tiles.example.gov.uk/{z}/{x}/{y}.png' });
    expect(tiled.container.querySelector('.leaflet-control-attribution')?.textContent).toBe('© Example Mapping');
  });

  it('cleans up on destroy', () => {
    const { control, container } = mount();
    control.destroy();
    expect(container.innerHTML).toBe('');
  });
});
