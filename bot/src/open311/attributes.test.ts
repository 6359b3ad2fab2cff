import { parseAttributes } from './attributes';

describe('parseAttributes', () => {
  it('reads GeoReport v2 attributes with defaults', () => {
    expect(parseAttributes('t', JSON.stringify([{ code: 'notes', datatype: 'text', description: 'Notes' }]))).toEqual([
      { code: 'notes', datatype: 'text', required: false, variable: true, description: 'Notes', datatype_description: null, order: 1 },
    ]);
    expect(parseAttributes('t', null)).toEqual([]);
  });

  it.each([
    ['not JSON', '[', 'Task type t: open311Attributes is not valid JSON'],
    ['not a list', '{}', 'must be a JSON array of attributes'],
    ['a list type without values', '[{"code":"a","datatype":"singlevaluelist"}]', 'attribute 1 (a): a singlevaluelist needs values [{key, name}]'],
    ['values on a text', '[{"code":"a","datatype":"text","values":[]}]', 'only singlevaluelist and multivaluelist attributes have values'],
    ['a code used twice', '[{"code":"a","datatype":"text"},{"code":"a","datatype":"text"}]', 'attribute 2: code "a" is used twice'],
    ['an order used twice', '[{"code":"a","datatype":"text","order":1},{"code":"b","datatype":"text","order":1}]', 'order must be a positive whole number, unique in the service'],
    ['an unknown datatype', '[{"code":"a","datatype":"colour"}]', 'datatype must be one of string, number, datetime, text, singlevaluelist, multivaluelist'],
    ['a bad automated', '[{"code":"a","datatype":"text","automated":"yes"}]', 'automated must be server_set or hidden_field'],
  ])('refuses %s, naming the task type and attribute', (_name, json, message) => {
    expect(() => parseAttributes('t', json)).toThrow(message);
  });
});
