import { MockContext, MockDevice, MockMultilineProperty, MockNumberProperty, MockStringProperty, MockWebApi, MockWholeNumberProperty } from '../../testing';
import { pointInside, referenceWards } from '../../testing/reference-wards';
import { offsetMetres } from '../components/geometry';
import type { IInputs } from '../generated/ManifestTypes';
import { MapPicker } from '../index';

export const wards = referenceWards();
export const [homeWard, otherWard] = wards;
export const home = pointInside(homeWard);
export const elsewhere = pointInside(otherWard);
/** A litter bin 10 m east of home and a bench 100 m north of it. */
export const bin = { id: 'LB-001', name: 'LB-001', assetType: 'Litter bin', ...offsetMetres(home, 0, 10) };
export const bench = { id: 'BN-007', name: 'Memorial bench', assetType: 'Bench', ...offsetMetres(home, 100, 0) };

export interface Setup {
  latitude?: number | null;
  longitude?: number | null;
  wardsJson?: string | null;
  assetsJson?: string | null;
  tileUrlTemplate?: string | null;
  snapRadius?: number | null;
  device?: MockDevice;
  webAPI?: MockWebApi;
}

export function inputs(setup: Setup = {}): IInputs {
  return {
    latitude: new MockNumberProperty(setup.latitude === undefined ? home.latitude : setup.latitude),
    longitude: new MockNumberProperty(setup.longitude === undefined ? home.longitude : setup.longitude),
    address: new MockStringProperty(null),
    wardCode: new MockStringProperty(null),
    wards: new MockMultilineProperty(setup.wardsJson === undefined ? JSON.stringify(wards) : setup.wardsJson),
    assets: new MockMultilineProperty(setup.assetsJson === undefined ? JSON.stringify([bin, bench]) : setup.assetsJson),
    tileUrlTemplate: new MockStringProperty(setup.tileUrlTemplate ?? null),
    tileAttribution: new MockStringProperty(setup.tileUrlTemplate ? '© Example Mapping' : null),
    snapRadius: new MockWholeNumberProperty(setup.snapRadius === undefined ? 25 : setup.snapRadius),
  };
}

export interface Mounted {
  control: MapPicker;
  context: MockContext<IInputs>;
  container: HTMLDivElement;
  notifications: () => number;
}

export function mount(setup: Setup = {}): Mounted {
  const container = document.createElement('div');
  document.body.append(container);
  // By default: a Dataverse environment with none of the map's environment variables set.
  const webAPI = setup.webAPI ?? new MockWebApi({ environmentvariabledefinition: [] });
  const context = new MockContext<IInputs>({ parameters: inputs(setup), device: setup.device, webAPI });
  const control = new MapPicker();
  let notifications = 0;
  control.init(context, () => (notifications += 1), {}, container);
  control.updateView(context);
  return { control, context, container, notifications: () => notifications };
}

/** Lets the control's promises (device position, Web API pages) settle. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
}
