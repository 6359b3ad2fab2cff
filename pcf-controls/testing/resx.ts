/** Reads a control's .resx strings (name -> value) with the DOM's XML parser: jsdom or a browser. */
export function parseResx(xml: string): Record<string, string> {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const strings: Record<string, string> = {};
  doc.querySelectorAll('root > data').forEach((node) => {
    const name = node.getAttribute('name');
    const value = node.querySelector('value')?.textContent;
    if (name && value !== undefined && value !== null) strings[name] = value;
  });
  return strings;
}
