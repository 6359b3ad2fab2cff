import type { FlowFile } from '@wardline/flows';
import { braced } from '../ids';
import { el, text, type XmlElement } from '../xml';
import { descriptions, localizedNames } from './labels';
import { logical, type SolutionModel } from '../solution-model';
import { roleId } from './roles';
import { personalDataProfileId } from './field-security';
import { flowId } from './workflows';
import { app } from '../ui/app';
import type { ControlBundle } from './controls';
import type { WebhookStep } from './webhook';
import { serviceEndpointId } from './webhook';

export const SOLUTION_UNIQUE_NAME = 'Wardline';

/** RootComponent type codes (as seen in real exports; see PLATFORM-NOTES.md). */
export const ROOT_TYPE = { table: 1, optionSet: 9, role: 20, workflow: 29, fieldSecurityProfile: 70, sdkStep: 92, serviceEndpoint: 95, pcfControl: 66, sitemap: 62, app: 80, environmentVariable: 380 } as const;

export interface ManifestParts {
  readonly version: string;
  /** 0 unmanaged, 1 managed, 2 both (the unpacked source, as SolutionPackager writes it). */
  readonly managed: 0 | 1 | 2;
  readonly flows: readonly FlowFile[];
  readonly controls: readonly ControlBundle[];
  readonly steps: readonly WebhookStep[];
}

const root = (type: number, by: { schemaName?: string; id?: string }): XmlElement =>
  el('RootComponent', { type, schemaName: by.schemaName, id: by.id ? braced(by.id) : undefined, behavior: 0 });

/** Every top-level component the solution carries; the check resolves each one. */
export function rootComponents(model: SolutionModel, parts: Omit<ManifestParts, 'version' | 'managed'>): XmlElement[] {
  const p = model.publisherPrefix;
  return [
    ...model.tables.map((t) => root(ROOT_TYPE.table, { schemaName: logical(p, t.key) })),
    ...model.choices.map((c) => root(ROOT_TYPE.optionSet, { schemaName: c.name })),
    ...model.roles.map((r) => root(ROOT_TYPE.role, { id: roleId(r) })),
    ...parts.flows.map((f) => root(ROOT_TYPE.workflow, { id: flowId(f) })),
    root(ROOT_TYPE.fieldSecurityProfile, { id: personalDataProfileId() }),
    ...parts.controls.map((c) => root(ROOT_TYPE.pcfControl, { schemaName: c.name })),
    root(ROOT_TYPE.sitemap, { schemaName: app.uniqueName }),
    root(ROOT_TYPE.app, { schemaName: app.uniqueName }),
    ...parts.steps.map((s) => root(ROOT_TYPE.sdkStep, { id: s.id })),
    root(ROOT_TYPE.serviceEndpoint, { id: serviceEndpointId() }),
    ...model.environmentVariables.map((v) => root(ROOT_TYPE.environmentVariable, { schemaName: v.schemaName })),
  ];
}

/** Solution.xml: the solution's identity, publisher (prefix wl, option values 10457…) and root components. */
export function solutionManifestElement(model: SolutionModel, parts: ManifestParts): XmlElement {
  return el('ImportExportXml', { version: '9.2.0.0', SolutionPackageVersion: '9.2', languagecode: 1033, generatedBy: 'CrmLive', 'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance' },
    el('SolutionManifest', {},
      text('UniqueName', SOLUTION_UNIQUE_NAME),
      localizedNames('Wardline'),
      descriptions('Street and community jobs for UK councils: tables, roles, the supervisors\' app, settings and the service webhook. Generated from core/model.'),
      text('Version', parts.version),
      text('Managed', parts.managed),
      el('Publisher', {},
        text('UniqueName', 'wardline'),
        localizedNames('Wardline'),
        descriptions('The Wardline open-source project.'),
        text('EMailAddress', ''),
        text('SupportingWebsiteUrl', 'https://github.com/wardline'),
        text('CustomizationPrefix', model.publisherPrefix),
        text('CustomizationOptionValuePrefix', 10457),
        el('Addresses')),
      el('RootComponents', {}, rootComponents(model, parts)),
      el('MissingDependencies')));
}
