/** Job references: `WL-26-000123` (year of creation, then a sequence per year). */
export function formatReference(year: number, sequence: number): string {
  return `WL-${String(year % 100).padStart(2, '0')}-${String(sequence).padStart(6, '0')}`;
}
