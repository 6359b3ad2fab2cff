import { WardlineError } from '@wardline/core/geo/browser';

/**
 * MapPicker's error catalogue (WL-PCF-0xx). Messages name the input, item and field. The errors
 * extend core's WardlineError through core/geo's browser entry (the `@wardline/core` index pulls
 * in Node-only code the bundle cannot carry).
 */
export const MapPickerErrors = {
  InvalidJson: { code: 'WL-PCF-001', message: 'The {input} setting is not valid JSON: {problem}' },
  InvalidItem: { code: 'WL-PCF-002', message: 'The {input} setting, item {item}, field "{field}": {problem}' },
  InvalidTileTemplate: { code: 'WL-PCF-003', message: 'The map tile URL template "{template}" must start with https:// and contain {z}, {x} and {y}.' },
} as const;

type Definition = (typeof MapPickerErrors)[keyof typeof MapPickerErrors];
export type MapPickerErrorDetails = Record<string, string | number>;

export class MapPickerError extends WardlineError {
  declare readonly details: MapPickerErrorDetails;
  constructor(definition: Definition, details: MapPickerErrorDetails) {
    super(definition, details);
    // Set by hand: WardlineError takes the class name, which minification shortens in the bundle.
    this.name = 'MapPickerError';
  }
}
