import { el, serialize } from '../xml';

/** `[Content_Types].xml`: one Default per file extension in the zip, as solution exports carry. */
export function contentTypes(paths: Iterable<string>): Buffer {
  const extensions = new Set<string>(['xml']);
  for (const path of paths) {
    const name = path.split('/').pop() ?? '';
    const dot = name.lastIndexOf('.');
    if (dot > 0) extensions.add(name.slice(dot + 1).toLowerCase());
  }
  const root = el('Types', { xmlns: 'http://schemas.openxmlformats.org/package/2006/content-types' },
    [...extensions].sort().map((Extension) => el('Default', { Extension, ContentType: 'application/octet-stream' })));
  return Buffer.from(serialize(root), 'utf8');
}
