import { el, parseXml, serialize, text, GENERATED_HEADER } from './xml';
import { stableId } from './ids';

describe('solution XML', () => {
  it('escapes text and attributes and reads them back unchanged', () => {
    const root = el('Entity', { Name: 'Fish & "chips" <shop>' }, text('Description', 'Tom\'s <b>best</b> & worst'), el('Empty'));
    const xml = serialize(root);
    expect(xml).toBe([
      '<?xml version="1.0" encoding="utf-8"?>',
      '<Entity Name="Fish &amp; &quot;chips&quot; &lt;shop&gt;">',
      '  <Description>Tom\'s &lt;b&gt;best&lt;/b&gt; &amp; worst</Description>',
      '  <Empty />',
      '</Entity>',
      '',
    ].join('\n'));
    expect(parseXml(xml)).toEqual(root);
    expect(serialize(parseXml(xml))).toBe(xml);
  });

  it('keeps newlines, tabs and carriage returns through a round trip', () => {
    const root = el('Workflow', { Description: 'line one\nline two\tend' }, text('Note', 'a\r\nb'));
    expect(parseXml(serialize(root))).toEqual(root);
  });

  it('puts the generated notice after the declaration, and parsing drops it', () => {
    const xml = serialize(el('Role', { id: '{1}' }), { header: true });
    expect(xml.split('\n')[1]).toBe(`<!-- ${GENERATED_HEADER} -->`);
    expect(parseXml(xml)).toEqual(el('Role', { id: '{1}' }));
  });

  it('refuses malformed XML with its line', () => {
    expect(() => parseXml('<a>\n<b></a>')).toThrow(/^line 2: /);
  });

  it('derives the same GUID from the same name, and different ones from different names', () => {
    expect(stableId('role', 'officer')).toBe(stableId('role', 'officer'));
    expect(stableId('role', 'officer')).not.toBe(stableId('role', 'supervisor'));
    expect(stableId('role', 'officer')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
