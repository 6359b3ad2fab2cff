import { basename } from 'node:path';
import { openCsv } from './csv-records';
import { importProblem, tempFolder } from './test-files.test-data';

const folder = tempFolder();
afterAll(() => folder.cleanup());

async function rows(path: string): Promise<{ line: number; cells: string[] }[]> {
  const csv = await openCsv(path);
  const out = [];
  for await (const row of csv.rows) out.push(row);
  return out;
}

describe('openCsv', () => {
  it('streams rows with their line numbers; quoted cells may span lines', async () => {
    const path = folder.write('a.csv', '\ufeffid,note\n1,"two\nlines"\n\n2,plain\n');
    const csv = await openCsv(path);
    expect(csv.header).toEqual(['id', 'note']);
    const all = [];
    for await (const row of csv.rows) all.push(row);
    expect(all).toEqual([{ line: 3, cells: ['1', 'two\nlines'] }, { line: 5, cells: ['2', 'plain'] }]);
  });

  it('checks UTF-8 across chunk boundaries in a large file', async () => {
    const body = Array.from({ length: 20000 }, (_, i) => `${i},Caf\u00e9 £${i} 😀`).join('\n');
    const path = folder.write('big.csv', `id,name\n${body}\n`);
    const all = await rows(path);
    expect(all).toHaveLength(20000);
    expect(all[19999].cells[1]).toBe('Café £19999 😀');
  });

  it('names the line of a Latin-1 byte deep in a streamed file', async () => {
    const good = Array.from({ length: 9000 }, (_, i) => `${i},ok`).join('\n');
    const path = folder.write('latin1.csv', Buffer.concat([Buffer.from(`id,name\n${good}\n9000,Caf`), Buffer.from([0xe9]), Buffer.from('\n')]));
    expect(await importProblem(() => rows(path))).toBe(`${path}, line 9002: the file is not valid UTF-8 (byte 0xE9; it may be Windows-1252 or Latin-1); save it as UTF-8 and try again`);
  });

  it('refuses UTF-16, empty files and header-only files', async () => {
    const utf16 = folder.write('u16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id,name\n1,a\n', 'utf16le')]));
    expect(await importProblem(() => rows(utf16))).toContain('the file is UTF-16 encoded');
    const empty = folder.write('empty.csv', '');
    expect(await importProblem(() => openCsv(empty))).toBe(`${empty}: the file is empty`);
    const header = folder.write('header.csv', 'id,name\n');
    expect(await importProblem(() => rows(header))).toBe(`${header}, line 2: the file has a header row but no data rows`);
  });

  it('names the line of a row with the wrong number of cells, and of an unclosed quote', async () => {
    const ragged = folder.write('ragged.csv', 'id,name,type\n1,a,x\n2,b\n');
    expect(await importProblem(() => rows(ragged))).toBe(`${ragged}, line 3: the row has 2 cells but the header has 3`);
    const quote = folder.write('quote.csv', 'id,name\n1,"open\n2,b\n');
    expect(basename(await importProblem(() => rows(quote)))).toContain('a quoted cell is never closed');
  });
});
