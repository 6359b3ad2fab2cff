import type { EnvironmentVariableDef, EnvironmentVariableType } from '@wardline/core/model';
import { el, text, type XmlElement } from '../xml';

/** Dataverse environment variable type codes. */
export const ENV_TYPE: Record<EnvironmentVariableType, number> = { string: 100000000, number: 100000001, boolean: 100000002, json: 100000003, secret: 100000005 };

/**
 * A definition only: no environmentvariablevalues.json is ever shipped, because a value in the
 * solution would overwrite the council's own setting on every upgrade. Secrets live in Azure Key
 * Vault (secretstore 0) and carry no default.
 */
export function environmentVariableElement(v: EnvironmentVariableDef): XmlElement {
  return el('environmentvariabledefinition', { schemaname: v.schemaName },
    v.defaultValue !== undefined && v.type !== 'secret' ? text('defaultvalue', v.defaultValue) : undefined,
    el('description', { default: v.description }, el('label', { description: v.description, languagecode: 1033 })),
    el('displayname', { default: v.label }, el('label', { description: v.label, languagecode: 1033 })),
    text('introducedversion', '1.0.0.0'),
    text('iscustomizable', true),
    text('isrequired', v.required),
    text('secretstore', 0),
    text('type', ENV_TYPE[v.type]));
}
