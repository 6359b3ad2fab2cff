import { CoreErrors, type ErrorDefinition } from '../errors';
import { GENERATED_NOTICE } from './data-model-doc';

/** A catalogue of errors from one package, for docs/errors.md. */
export interface ErrorCatalogue {
  readonly packageName: string;
  readonly errors: Readonly<Record<string, ErrorDefinition>>;
}

/** docs/errors.md: every error code Wardline can show, with its message template. */
export function renderErrorsDoc(catalogues: readonly ErrorCatalogue[] = [{ packageName: '@wardline/core', errors: CoreErrors }]): string {
  const lines = [GENERATED_NOTICE, '# Error codes', '', 'Words in `{braces}` are filled in with the file, field or record concerned.', ''];
  for (const catalogue of catalogues) {
    lines.push(`## ${catalogue.packageName}`, '', '| code | name | message |', '|---|---|---|');
    const entries = Object.entries(catalogue.errors).sort(([, a], [, b]) => a.code.localeCompare(b.code));
    for (const [name, definition] of entries) lines.push(`| ${definition.code} | ${name} | ${definition.message.replace(/\|/g, '\\|')} |`);
    lines.push('');
  }
  return lines.join('\n');
}
