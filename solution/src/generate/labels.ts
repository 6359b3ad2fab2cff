import { el, type XmlElement } from '../xml';

/** Wardline ships British English labels under language code 1033 (Dataverse's base language code). */
export const LANGUAGE = '1033';

export const label = (name: string, description: string): XmlElement => el(name, { description, languagecode: LANGUAGE });
export const localizedNames = (text: string): XmlElement => el('LocalizedNames', {}, label('LocalizedName', text));
export const localizedCollectionNames = (text: string): XmlElement => el('LocalizedCollectionNames', {}, label('LocalizedCollectionName', text));
export const descriptions = (text: string): XmlElement => el('Descriptions', {}, label('Description', text));
export const displaynames = (text: string): XmlElement => el('displaynames', {}, label('displayname', text));
export const labels = (text: string): XmlElement => el('labels', {}, label('label', text));
