import type { ChoiceDef } from '@wardline/core/model';
import { el, text, type XmlElement } from '../xml';
import { descriptions, displaynames, labels } from './labels';

/** A global choice (OptionSets/<name>.xml): values from the model, never renumbered. */
export function optionSetElement(choice: ChoiceDef): XmlElement {
  return el('optionset', { Name: choice.name, localizedName: choice.label, description: choice.description },
    text('OptionSetType', 'picklist'),
    text('IsGlobal', true),
    text('IntroducedVersion', '1.0.0.0'),
    text('IsCustomizable', true),
    displaynames(choice.label),
    descriptions(choice.description),
    el('options', {}, choice.options.map((o) =>
      el('option', { value: o.value, ExternalValue: o.key }, labels(o.label), o.description ? descriptions(o.description) : undefined))));
}
