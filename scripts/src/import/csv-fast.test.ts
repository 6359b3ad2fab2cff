import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { CSV_OPTIONS, csvRecords } from './csv-fast';

/** What csvRecords gives for `text` cut into chunks of `size` bytes: the records, or the error's code and line. */
async function fast(text: string, size: number): Promise<unknown> {
  const bytes = Buffer.from(text);
  const chunks = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
  const out: string[][] = [];
  try {
    for await (const record of csvRecords(Readable.from(chunks))) out.push(record);
    return out;
  } catch (error) {
    return { code: (error as { code?: string }).code, lines: (error as { lines?: number }).lines };
  }
}

/** What csv-parse itself gives for the whole text. */
function reference(text: string): unknown {
  try {
    return parse(text, CSV_OPTIONS) as string[][];
  } catch (error) {
    return { code: (error as { code?: string }).code, lines: (error as { lines?: number }).lines };
  }
}

const lines = [
  'id,name,note',
  '1,plain,text',
  '2,"quoted, with comma",x',
  '3,,',
  '4,"",""',
  '5,"two\nlines",x',
  '6," spaces inside ",x',
  '7,  padded  ,x',
  '8,"say ""hi""",x',
  '9,a"b,x',
  '10,"closed"x,y',
  '11,"open',
  '',
  '   ',
  '12,\ttab\t,x',
  '13,Café £1 😀,"naïve"',
  '14,"a" ,b',
  '15,x\r',
  '16,trailing,',
];

describe('csvRecords', () => {
  it('reads every mix of plain and awkward lines exactly as csv-parse does, whatever the chunk size', async () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 600; round += 1) {
      const count = 1 + Math.floor(random() * 8);
      const picked = Array.from({ length: count }, () => lines[Math.floor(random() * lines.length)]);
      const ending = ['', '\n', '\r\n', '\n\n'][Math.floor(random() * 4)];
      // Mostly one line break throughout (\n or \r\n, as exports have), now and then the other.
      const usual = random() < 0.5 ? '\n' : '\r\n';
      const other = usual === '\n' ? '\r\n' : '\n';
      const text = [lines[0], ...picked].reduce((all, line) => `${all}${random() < 0.9 ? usual : other}${line}`) + ending;
      const expected = reference(text);
      for (const size of [1, 3, 7, 64, 1 << 16]) {
        expect({ text, size, result: await fast(text, size) }).toEqual({ text, size, result: expected });
      }
    }
  });

  it('counts an error line from the top of the file when plain lines came first', async () => {
    for (const separator of ['\n', '\r\n']) {
      const text = ['id,name', ...Array.from({ length: 50 }, (_, i) => `${i},ok`), '51,"never closed', '52,x'].join(separator);
      expect(await fast(text, 100)).toEqual(reference(text));
      const stray = ['id,name', ...Array.from({ length: 50 }, (_, i) => `${i},ok`), '51,a"b', '52,x'].join(separator);
      expect(await fast(stray, 100)).toEqual(reference(stray));
      expect(reference(stray)).toMatchObject({ code: 'INVALID_OPENING_QUOTE', lines: 52 });
    }
  });
});
