import { decodeUtf8, findInvalidUtf8 } from './encoding';
import { importProblemNow } from './test-files.test-data';

const message = importProblemNow;

describe('decodeUtf8', () => {
  it('decodes UTF-8 and drops a byte order mark', () => {
    expect(decodeUtf8(Buffer.from('\ufeffSt Botolph’s', 'utf8'), 'f.csv')).toBe('St Botolph’s');
  });

  it('refuses empty and blank files', () => {
    expect(message(() => decodeUtf8(Buffer.alloc(0), 'f.csv'))).toBe('f.csv: the file is empty');
    expect(message(() => decodeUtf8(Buffer.from(' \n\n'), 'f.csv'))).toBe('f.csv: the file is empty');
  });

  it('refuses UTF-16 with what to do', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('code,name\n', 'utf16le')]);
    expect(message(() => decodeUtf8(utf16, 'f.csv'))).toBe('f.csv, line 1: the file is UTF-16 encoded (it starts with a UTF-16 byte order mark); save it as UTF-8 and try again');
  });

  it('names the line of the first byte that is not UTF-8 (a Windows-1252 export)', () => {
    const latin1 = Buffer.concat([Buffer.from('code,name\nfly-tipping,Fly-tipping\ncafe,Caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    expect(message(() => decodeUtf8(latin1, 'f.csv'))).toBe('f.csv, line 3: the file is not valid UTF-8 (byte 0xE9; it may be Windows-1252 or Latin-1); save it as UTF-8 and try again');
  });
});

describe('findInvalidUtf8', () => {
  it('accepts multi-byte characters and leaves a split one for the next chunk', () => {
    const bytes = Buffer.from('£€😀', 'utf8');
    expect(findInvalidUtf8(bytes)).toBeUndefined();
    expect(findInvalidUtf8(bytes.subarray(0, bytes.length - 1))).toBeUndefined();
  });
});
