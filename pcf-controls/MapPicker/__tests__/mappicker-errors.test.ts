import { WardlineError } from '@wardline/core/geo/browser';
import { MapPickerError } from '../components/errors';
import { checkTileTemplate, parseAssets } from '../components/parse-inputs';

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('MapPicker errors', () => {
  it("are core's WardlineErrors with a stable code, the input named and the details kept", () => {
    const error = thrown(() => parseAssets('[{"id":"LB-1","name":"Bin","assetType":"bin","latitude":"north","longitude":0.9}]'));
    expect(error).toBeInstanceOf(MapPickerError);
    expect(error).toBeInstanceOf(WardlineError);
    expect(error).toMatchObject({ name: 'MapPickerError', code: 'WL-PCF-002', message: 'The Assets setting, item 1, field "latitude": "north" is not a number', details: { input: 'Assets', item: 1, field: 'latitude' } });
  });

  it('name a bad tile template in full', () => {
    expect(thrown(() => checkTileTemplate('http://tiles.example/{z}/{x}/{y}.png'))).toMatchObject({ code: 'WL-PCF-003', details: { template: 'http://tiles.example/{z}/{x}/{y}.png' } });
  });
});
