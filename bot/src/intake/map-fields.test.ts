import { applyRule, valueAt } from './map-fields';

describe('field rules', () => {
  const payload = { '3.3': 'Jo', '3.6': 'Bloggs', data: { location: { lat: 51.88 }, type: { value: 'Graffiti' } }, point: '51.8858, 0.9031' };

  it('reads whole keys with dots first, then dotted paths, and {value} wrappers', () => {
    expect(valueAt(payload, '3.3')).toBe('Jo');
    expect(valueAt(payload, 'data.location.lat')).toBe(51.88);
    expect(applyRule({ field: 'data.type' }, payload)).toBe('Graffiti');
  });

  it('joins fields, splits one, maps values and falls back to defaults', () => {
    expect(applyRule({ fields: ['3.3', '3.6'], separator: ' ' }, payload)).toBe('Jo Bloggs');
    expect(applyRule({ field: 'point', split: ',', part: 1 }, payload)).toBe('0.9031');
    expect(applyRule({ field: 'data.type.value', map: { Graffiti: 'graffiti' } }, payload)).toBe('graffiti');
    expect(applyRule({ field: 'missing', default: 'x' }, payload)).toBe('x');
    expect(applyRule({ value: 'litter' }, payload)).toBe('litter');
  });
});
