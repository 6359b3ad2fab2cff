import { list, render, repeated } from './wire';

describe('render', () => {
  const document = { root: 'service_requests', item: 'request', items: [{ id: 'A & B', open: true, n: 3, none: null, groups: list('group', ['x', 'y']), media_url: repeated(['u1', 'u2']) }] };

  it('writes XML with a declaration, escaped text, wrapped and repeated lists', () => {
    expect(render(document, 'xml')).toBe(`<?xml version="1.0" encoding="utf-8"?>
<service_requests>
  <request>
    <id>A &amp; B</id>
    <open>true</open>
    <n>3</n>
    <none></none>
    <groups>
      <group>x</group>
      <group>y</group>
    </groups>
    <media_url>u1</media_url>
    <media_url>u2</media_url>
  </request>
</service_requests>
`);
  });

  it('writes JSON with real booleans, numbers and arrays', () => {
    expect(JSON.parse(render(document, 'json'))).toEqual([{ id: 'A & B', open: true, n: 3, none: null, groups: ['x', 'y'], media_url: ['u1', 'u2'] }]);
  });

  it('writes an empty list as an empty root element', () => {
    expect(render({ root: 'service_requests', item: 'request', items: [] }, 'xml')).toBe('<?xml version="1.0" encoding="utf-8"?>\n<service_requests></service_requests>\n');
  });
});
