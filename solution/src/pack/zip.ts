import { ZipFile } from 'yazl';
import { fromBuffer, type Entry } from 'yauzl';
import { SolutionZipError } from '../errors';

/** Every entry gets this local timestamp (DOS times are local), so the same files always give byte-identical zips. */
const FIXED_DATE = new Date(2020, 0, 1, 0, 0, 0);

/** Zips files in a fixed order (content types, solution.xml, customizations.xml first, the rest sorted). */
export function zipFiles(files: ReadonlyMap<string, Buffer>): Promise<Buffer> {
  const zip = new ZipFile();
  const first = ['[Content_Types].xml', 'solution.xml', 'customizations.xml'];
  const rest = [...files.keys()].filter((p) => !first.includes(p)).sort();
  for (const path of [...first.filter((p) => files.has(p)), ...rest]) {
    // forceDosTimestamp (yazl 3; not in @types/yazl 2) leaves out the Unix-time extra field, so bytes do not depend on the time zone.
    zip.addBuffer(files.get(path)!, path, { mtime: FIXED_DATE, mode: 0o100644, compress: true, forceDosTimestamp: true } as Parameters<ZipFile['addBuffer']>[2]);
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/**
 * Reads every file entry of a zip (folders skipped). Names are kept exactly as stored (raw, not
 * validated), so the structure check can report a backslash instead of failing to read.
 */
export function readZip(bytes: Buffer, label: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    fromBuffer(bytes, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) { reject(new SolutionZipError(label, err?.message ?? 'unreadable')); return; }
      const files = new Map<string, Buffer>();
      zip.on('error', (e: Error) => reject(new SolutionZipError(label, e.message)));
      zip.on('end', () => resolve(files));
      zip.on('entry', (entry: Entry) => {
        const name = (entry.fileName as unknown as Buffer).toString('utf8');
        if (name.endsWith('/')) { zip.readEntry(); return; }
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) { reject(new SolutionZipError(label, `${name}: ${e?.message ?? 'unreadable entry'}`)); return; }
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', (se: Error) => reject(new SolutionZipError(label, `${name}: ${se.message}`)));
          stream.on('end', () => { files.set(name, Buffer.concat(chunks)); zip.readEntry(); });
        });
      });
      zip.readEntry();
    });
  });
}
