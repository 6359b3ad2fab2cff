import type { TaskType } from '@wardline/core';
import { parseAttributes, type ServiceAttribute } from './attributes';
import { list, type WireRecord } from './wire';

export type ServiceType = 'realtime' | 'batch' | 'blackbox';

/** A task type as Open311 offers it. */
export interface Service {
  taskType: TaskType;
  code: string;
  name: string;
  description: string;
  type: ServiceType;
  keywords: string;
  groups: string[];
  attributes: ServiceAttribute[];
}

const SERVICE_TYPES: readonly ServiceType[] = ['realtime', 'batch', 'blackbox'];

/**
 * The services offered through Open311, built from the task-type catalogue: active task types
 * with an Open311 service code. Groups are separated by `|` in the task type (FixMyStreet's
 * multi-group extension); the questions come from its `open311Attributes`.
 */
export class ServiceCatalogue {
  private readonly byCode: Map<string, Service>;

  constructor(taskTypes: readonly TaskType[]) {
    this.byCode = new Map();
    for (const taskType of taskTypes) {
      if (!taskType.active || !taskType.open311Code) continue;
      const type = (taskType.open311Type ?? 'realtime').trim().toLowerCase() as ServiceType;
      this.byCode.set(taskType.open311Code, {
        taskType,
        code: taskType.open311Code,
        name: taskType.name,
        description: taskType.description ?? taskType.name,
        type: SERVICE_TYPES.includes(type) ? type : 'realtime',
        keywords: (taskType.keywords ?? '').split(',').map((k) => k.trim()).filter(Boolean).join(', '),
        groups: (taskType.open311Group ?? '').split('|').map((g) => g.trim()).filter(Boolean),
        attributes: parseAttributes(taskType.code, taskType.open311Attributes).sort((a, b) => a.order - b.order),
      });
    }
  }

  get services(): Service[] {
    return [...this.byCode.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  }

  get(code: string): Service | undefined {
    return this.byCode.get(code);
  }

  /** The service of a task type id, if it has one. */
  ofTaskType(taskTypeId: string): Service | undefined {
    return [...this.byCode.values()].find((s) => s.taskType.id === taskTypeId);
  }
}

/** GET services: one `<service>`; a single group as `<group>`, several as FixMyStreet's `<groups>`. */
export function serviceRecord(service: Service): WireRecord {
  const record: WireRecord = {
    service_code: service.code,
    service_name: service.name,
    description: service.description,
    metadata: service.attributes.length > 0,
    type: service.type,
    keywords: service.keywords,
  };
  if (service.groups.length > 1) record.groups = list('group', service.groups);
  else record.group = service.groups[0] ?? '';
  return record;
}

/** GET services/{code}: the service definition with its attributes. */
export function serviceDefinition(service: Service): WireRecord {
  return {
    service_code: service.code,
    attributes: list(
      'attribute',
      service.attributes.map((a) => ({
        variable: a.variable,
        code: a.code,
        datatype: a.datatype,
        required: a.required,
        datatype_description: a.datatype_description,
        order: a.order,
        description: a.description,
        values: a.values ? list('value', a.values.map((v) => ({ key: v.key, name: v.name }))) : undefined,
        automated: a.automated,
      })),
    ),
  };
}
