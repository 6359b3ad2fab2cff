import { walk, type XmlElement } from '../xml';

/** One `<property>` or `<property-set>` of a PCF manifest. */
export interface ManifestProperty {
  readonly name: string;
  readonly usage: string;
  readonly required: boolean;
  /** The PCF types it accepts: its of-type, or every `<type>` of its of-type-group. */
  readonly types: readonly string[];
}

/** What the form generator and the solution check need to know about a control from its ControlManifest.xml. */
export interface ControlManifestInfo {
  readonly namespace: string;
  readonly constructorName: string;
  readonly controlType: string;
  /** The control's own properties (not those inside a data-set). */
  readonly properties: readonly ManifestProperty[];
  readonly dataSets: readonly { readonly name: string; readonly propertySets: readonly ManifestProperty[] }[];
}

/** An attribute's own value (never an inherited Object property such as `constructor`). */
export const ownAttr = (e: XmlElement, key: string): string | undefined => (Object.prototype.hasOwnProperty.call(e.attrs, key) ? e.attrs[key] : undefined);

const elements = (e: XmlElement, name: string): XmlElement[] => e.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === name);

/** Reads a parsed manifest; undefined when it has no `<control namespace=… constructor=…>`. */
export function controlManifestInfo(manifest: XmlElement): ControlManifestInfo | undefined {
  const control = [...walk(manifest)].find((e) => e.name === 'control');
  const namespace = control && ownAttr(control, 'namespace');
  const constructorName = control && ownAttr(control, 'constructor');
  if (!control || !namespace || !constructorName) return undefined;
  const groups = new Map(elements(control, 'type-group').map((g) => [ownAttr(g, 'name') ?? '', elements(g, 'type').map((t) => t.children.filter((c): c is string => typeof c === 'string').join('').trim())]));
  const property = (e: XmlElement): ManifestProperty => {
    const ofType = ownAttr(e, 'of-type');
    const group = ownAttr(e, 'of-type-group');
    return {
      name: ownAttr(e, 'name') ?? '',
      usage: ownAttr(e, 'usage') ?? 'bound',
      required: ownAttr(e, 'required') === 'true',
      types: ofType ? [ofType] : group ? groups.get(group) ?? [] : [],
    };
  };
  return {
    namespace,
    constructorName,
    controlType: ownAttr(control, 'control-type') ?? 'standard',
    properties: elements(control, 'property').map(property),
    dataSets: elements(control, 'data-set').map((d) => ({ name: ownAttr(d, 'name') ?? '', propertySets: elements(d, 'property-set').map(property) })),
  };
}

const STRING_FORMATS: Readonly<Record<string, string>> = { text: 'SingleLine.Text', email: 'SingleLine.Email', phone: 'SingleLine.Phone', url: 'SingleLine.URL', textarea: 'SingleLine.TextArea', tickersymbol: 'SingleLine.Ticker' };
const WHOLE_FORMATS: Readonly<Record<string, string>> = { none: 'Whole.None', duration: 'Whole.Duration', timezone: 'Whole.TimeZone', language: 'Whole.Language' };

/**
 * The PCF property type a column of this Dataverse type (Entity.xml `<Type>` and `<Format>`) binds
 * to, as the manifest schema names them; undefined for types no PCF property can bind.
 */
export function pcfTypeOfAttribute(type: string, format: string | undefined): string | undefined {
  switch (type.toLowerCase()) {
    case 'nvarchar': return STRING_FORMATS[(format ?? 'text').toLowerCase()];
    case 'ntext': return 'Multiple';
    case 'int': return WHOLE_FORMATS[(format ?? 'none').toLowerCase()];
    case 'decimal': return 'Decimal';
    case 'float': return 'FP';
    case 'money': return 'Currency';
    case 'bit': return 'TwoOptions';
    case 'datetime': return (format ?? '').toLowerCase() === 'date' ? 'DateAndTime.DateOnly' : 'DateAndTime.DateAndTime';
    case 'picklist': case 'state': case 'status': return 'OptionSet';
    case 'multiselectpicklist': return 'MultiSelectOptionSet';
    case 'lookup': return 'Lookup.Simple';
    case 'customer': return 'Lookup.Customer';
    case 'owner': return 'Lookup.Owner';
    default: return undefined;
  }
}
