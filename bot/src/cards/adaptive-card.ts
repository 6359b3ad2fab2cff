/**
 * The subset of Adaptive Cards 1.5 that Wardline's cards use, typed, so a builder cannot emit an
 * element Teams does not know. Validated in tests against the 1.5 JSON schema.
 */
export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap?: boolean;
  weight?: 'Default' | 'Lighter' | 'Bolder';
  size?: 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';
  color?: 'Default' | 'Dark' | 'Light' | 'Accent' | 'Good' | 'Warning' | 'Attention';
  isSubtle?: boolean;
  spacing?: 'None' | 'Small' | 'Default' | 'Medium' | 'Large';
  separator?: boolean;
}

export interface Fact {
  title: string;
  value: string;
}

export interface FactSet {
  type: 'FactSet';
  facts: Fact[];
}

export interface Image {
  type: 'Image';
  url: string;
  altText: string;
  size?: 'Auto' | 'Stretch' | 'Small' | 'Medium' | 'Large';
}

export interface ImageSet {
  type: 'ImageSet';
  images: Image[];
  imageSize?: 'Small' | 'Medium' | 'Large';
}

export interface InputText {
  type: 'Input.Text';
  id: string;
  label: string;
  isMultiline?: boolean;
  isRequired?: boolean;
  errorMessage?: string;
  maxLength?: number;
  placeholder?: string;
}

export interface Choice {
  title: string;
  value: string;
}

export interface InputChoiceSet {
  type: 'Input.ChoiceSet';
  id: string;
  label: string;
  choices: Choice[];
  isRequired?: boolean;
  errorMessage?: string;
  style?: 'compact' | 'expanded';
  isMultiSelect?: boolean;
  value?: string;
}

export interface InputToggle {
  type: 'Input.Toggle';
  id: string;
  title: string;
  value?: 'true' | 'false';
  valueOn?: string;
  valueOff?: string;
}

export interface Container {
  type: 'Container';
  items: CardElement[];
  style?: 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';
  spacing?: TextBlock['spacing'];
  separator?: boolean;
}

export interface ActionSet {
  type: 'ActionSet';
  actions: CardAction[];
}

export type CardElement = TextBlock | FactSet | Image | ImageSet | InputText | InputChoiceSet | InputToggle | Container | ActionSet;

/** Data carried by every Wardline card action (Action.Execute data and Action.Submit data alike). */
export type ActionData = Record<string, string | number | boolean>;

export interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  data: ActionData;
  associatedInputs?: 'auto' | 'none';
}

export interface ExecuteAction {
  type: 'Action.Execute';
  title: string;
  verb: string;
  data: ActionData;
  associatedInputs?: 'auto' | 'none';
  style?: 'default' | 'positive' | 'destructive';
  /** Teams mobile clients where Action.Execute misbehaves fall back to Action.Submit (a message with the same data). */
  fallback?: SubmitAction;
}

export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}

export interface ShowCardAction {
  type: 'Action.ShowCard';
  title: string;
  card: AdaptiveCard;
}

export type CardAction = ExecuteAction | OpenUrlAction | ShowCardAction | SubmitAction;

export interface Refresh {
  action: ExecuteAction;
  /** Teams user MRIs (29:…) whose clients refresh the card automatically; at most 60. */
  userIds: string[];
}

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema?: string;
  version: '1.5';
  body: CardElement[];
  actions?: CardAction[];
  refresh?: Refresh;
  fallbackText?: string;
  speak?: string;
}

export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

/** A card with the house defaults: version 1.5 (Universal Actions need it) and the schema URL. */
export function adaptiveCard(body: CardElement[], extra: Partial<Omit<AdaptiveCard, 'type' | 'version' | 'body'>> = {}): AdaptiveCard {
  return { type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: '1.5', body, ...extra };
}

export const text = (value: string, options: Omit<TextBlock, 'type' | 'text'> = {}): TextBlock => ({ type: 'TextBlock', text: value, wrap: true, ...options });
