/**
 * MapPicker's error catalogue (WL-PCF-0xx). The bundle cannot import core's WardlineError (the
 * `@wardline/core` index pulls in Node-only code), so the same shape is kept here: a stable code,
 * a message naming the input, item and field, and the details behind it.
 */
export const MapPickerErrors = {
  InvalidJson: { code: 'WL-PCF-001', message: 'The {input} setting is not valid JSON: {problem}' },
  InvalidItem: { code: 'WL-PCF-002', message: 'The {input} setting, item {item}, field "{field}": {problem}' },
  InvalidTileTemplate: { code: 'WL-PCF-003', message: 'The map tile URL template "{template}" must start with https:// and contain {z}, {x} and {y}.' },
} as const;

type Definition = (typeof MapPickerErrors)[keyof typeof MapPickerErrors];
export type MapPickerErrorDetails = Record<string, string | number>;

export class MapPickerError extends Error {
  readonly code: string;
  readonly details: MapPickerErrorDetails;
  constructor(definition: Definition, details: MapPickerErrorDetails) {
    super(definition.message.replace(/\{(\w+)\}/g, (whole, name: string) => (details[name] === undefined ? whole : String(details[name]))));
    this.name = 'MapPickerError';
    this.code = definition.code;
    this.details = details;
  }
}
