/** @jest-environment jsdom */
import '../../testing/jsdom-gaps';
import { getByRole } from '@testing-library/react';
import { MockWebApi } from '../../testing';
import { bench, bin, home, homeWard, mount, settle, wards } from './helpers';

afterEach(() => {
  document.body.innerHTML = '';
});

function dataverse(): MockWebApi {
  return new MockWebApi({
    wl_ward: wards.map((w) => ({ wl_wardid: `guid-${w.code}`, wl_name: w.name, wl_code: w.code, wl_boundary: JSON.stringify(w.boundary), wl_vintage: w.vintage })),
    wl_asset: [bin, bench].map((a) => ({ wl_assetid: a.id, wl_name: a.name, wl_assettype: a.assetType, wl_latitude: a.latitude, wl_longitude: a.longitude })),
    environmentvariabledefinition: [
      { schemaname: 'wl_TileUrlTemplate', defaultvalue: null, environmentvariabledefinition_environmentvariablevalue: [{ value: 'https://tiles.council.example/{z}/{x}/{y}.png' }] },
      { schemaname: 'wl_TileAttribution', defaultvalue: '© Council mapping', environmentvariabledefinition_environmentvariablevalue: [] },
      { schemaname: 'wl_SnapRadius', defaultvalue: '25', environmentvariabledefinition_environmentvariablevalue: [{ value: '15' }] },
    ],
  });
}

describe('MapPicker in a model-driven app', () => {
  it('reads wards (every page), nearby assets and the map settings through the Web API', async () => {
    const webAPI = dataverse();
    const { control, container } = mount({ wardsJson: null, assetsJson: null, snapRadius: null, webAPI });
    await settle();
    expect(getByRole(container, 'status').textContent).toContain(`In ${homeWard.name} ward (${homeWard.code}).`);
    expect(control.getOutputs().wardCode).toBe(homeWard.code);
    const tables = webAPI.requests.map((r) => r.entityType);
    expect(tables).toEqual(expect.arrayContaining(['environmentvariabledefinition', 'wl_ward', 'wl_asset']));
    expect(webAPI.requests.find((r) => r.entityType === 'wl_ward')?.options).toBe('?$select=wl_wardid,wl_name,wl_code,wl_boundary,wl_vintage');
    expect(webAPI.requests.find((r) => r.entityType === 'wl_asset')?.options).toMatch(/\$filter=wl_latitude ge [\d.]+ and wl_latitude le [\d.]+ and wl_longitude ge /);
    expect(container.querySelector('.leaflet-control-attribution')?.textContent).toBe('© Council mapping');
    expect(getByRole(container, 'status').textContent).toContain('Litter bin LB-001 is 10 m away.');
    // The council's snap radius (wl_SnapRadius = 15 m) applies when the maker sets none.
    (getByRole(container, 'button', { name: /^Job location pin/ }) as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(getByRole(container, 'status').textContent).toContain('(snap radius 15 m)');
  });

  it('says so when Dataverse cannot be read, and keeps working without wards', async () => {
    const webAPI = new MockWebApi({});
    const { container, control } = mount({ wardsJson: null, assetsJson: null, webAPI });
    await settle();
    expect((container.querySelector('[role="alert"]') as HTMLElement).textContent).toMatch(/^Warning: The council's map data could not be read: Resource not found for the segment 'environmentvariabledefinition'\./);
    expect(control.getOutputs()).toMatchObject({ latitude: home.latitude, wardCode: undefined });
  });
});
