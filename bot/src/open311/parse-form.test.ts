import { attributesOf, parseForm, FormEncodingError } from './parse-form';

describe('parseForm', () => {
  it('keeps repeated keys in order and reads attribute[code][] as attribute[code]', () => {
    const fields = parseForm('a=1&attribute%5Bevidence%5D=names&attribute%5Bevidence%5D%5B%5D=vehicle&attribute%5Bsize%5D=&b=x+y');
    expect(fields.get('a')).toEqual(['1']);
    expect(fields.get('b')).toEqual(['x y']);
    expect([...attributesOf(fields)]).toEqual([['evidence', ['names', 'vehicle']], ['size', ['']]]);
  });

  it('decodes UTF-8 and refuses bytes that are not UTF-8, naming the field', () => {
    expect(parseForm(Buffer.from('description=caf%C3%A9+%C2%A35')).get('description')).toEqual(['café £5']);
    expect(() => parseForm('description=%C3%28')).toThrow(FormEncodingError);
    expect(() => parseForm('description=%C3%28')).toThrow('field "description" is not valid UTF-8 text');
  });

  it('keeps a malformed escape as text rather than failing', () => {
    expect(parseForm('code=%ZZ').get('code')).toEqual(['%ZZ']);
  });
});
