import { makeStyles, shorthands, tokens, type GriffelStyle } from '@fluentui/react-components';

/**
 * Fluent tokens only (so the host's theme applies), logical properties (so right-to-left mirrors)
 * and rem sizes (so 200% zoom reflows rather than clips). The card is drawn with plain elements
 * and these classes rather than Fluent's Card, Button, Checkbox and Badge: a view shows hundreds
 * of cards, and those components cost more than the rest of the card put together (issue 4 bench).
 */
const badge: GriffelStyle = {
  display: 'inline-flex',
  alignItems: 'center',
  boxSizing: 'border-box',
  minHeight: '1.25rem',
  paddingInline: tokens.spacingHorizontalS,
  borderRadius: tokens.borderRadiusMedium,
  ...shorthands.border(tokens.strokeWidthThin, 'solid', 'transparent'),
  fontSize: tokens.fontSizeBase200,
  fontWeight: tokens.fontWeightSemibold,
  lineHeight: tokens.lineHeightBase200,
};

export const useCardStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    height: '100%',
    maxWidth: '100%',
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke1),
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  header: { display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  titleButton: {
    margin: 0,
    padding: 0,
    border: 'none',
    background: 'none',
    font: 'inherit',
    color: tokens.colorBrandForegroundLink,
    textAlign: 'start',
    overflowWrap: 'anywhere',
    cursor: 'pointer',
    ':hover': { color: tokens.colorBrandForegroundLinkHover, textDecorationLine: 'underline' },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px', borderRadius: tokens.borderRadiusSmall },
  },
  description: { display: 'block', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  select: { flexShrink: 0, width: '1.25rem', height: '1.25rem', margin: 0, accentColor: tokens.colorCompoundBrandBackground, cursor: 'pointer', ':disabled': { cursor: 'not-allowed' } },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  // Priority in words, colour as a second cue only: Fluent's danger (filled), warning, informative
  // and subtle badge colours. The status is an outlined brand badge.
  urgent: { ...badge, backgroundColor: tokens.colorPaletteRedBackground3, color: tokens.colorNeutralForegroundOnBrand },
  high: { ...badge, backgroundColor: tokens.colorPaletteDarkOrangeBackground1, color: tokens.colorPaletteDarkOrangeForeground1, ...shorthands.borderColor(tokens.colorPaletteDarkOrangeBorder1) },
  normal: { ...badge, backgroundColor: tokens.colorNeutralBackground4, color: tokens.colorNeutralForeground3, ...shorthands.borderColor(tokens.colorNeutralStroke2) },
  low: { ...badge, backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground3, ...shorthands.borderColor(tokens.colorNeutralStroke2) },
  status: { ...badge, color: tokens.colorBrandForeground1, ...shorthands.borderColor(tokens.colorBrandStroke1) },
  overdueBadge: { ...badge, marginInlineEnd: '0.5em', backgroundColor: tokens.colorPaletteRedBackground3, color: tokens.colorNeutralForegroundOnBrand },
  fields: { display: 'grid', gridTemplateColumns: 'minmax(6rem, max-content) 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  detail: { margin: 0, overflowWrap: 'anywhere' },
  visuallyHidden: { position: 'absolute', width: '1px', height: '1px', margin: '-1px', padding: 0, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0 },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  photos: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, listStyleType: 'none', margin: 0, padding: 0 },
  photo: { width: '4.5rem', height: '4.5rem', objectFit: 'cover', borderRadius: tokens.borderRadiusMedium, display: 'block' },
});

/** The class names useCardStyles gives, worked out once per list and handed to every card. */
export type CardClasses = ReturnType<typeof useCardStyles>;

export const useGridStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalS, boxSizing: 'border-box', width: '100%' },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  sort: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 'min(100%, 16rem)' },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 19rem), 1fr))',
    gap: tokens.spacingHorizontalM,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  // A view may hold hundreds of cards: the browser lays out only those near the screen (each
  // keeps its place with a remembered or estimated height), yet every card is in the page, the
  // accessibility tree, find-in-page and the tab order.
  item: { minWidth: 0, contentVisibility: 'auto', containIntrinsicSize: 'auto 15rem' },
  pager: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center', justifyContent: 'space-between' },
});
