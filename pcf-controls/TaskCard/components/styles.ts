import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * Fluent tokens only (so the host's theme applies), logical properties (so right-to-left mirrors)
 * and rem sizes (so 200% zoom reflows rather than clips).
 */
export const useCardStyles = makeStyles({
  card: { height: '100%', boxSizing: 'border-box', maxWidth: '100%' },
  titleButton: {
    minWidth: 0,
    paddingInlineStart: 0,
    paddingInlineEnd: 0,
    justifyContent: 'flex-start',
    textAlign: 'start',
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
    whiteSpace: 'normal',
    height: 'auto',
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  fields: { display: 'grid', gridTemplateColumns: 'minmax(6rem, max-content) 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  detail: { margin: 0, overflowWrap: 'anywhere', fontSize: tokens.fontSizeBase300 },
  visuallyHidden: { position: 'absolute', width: '1px', height: '1px', margin: '-1px', padding: 0, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0 },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  photos: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, listStyleType: 'none', margin: 0, padding: 0 },
  photo: { width: '4.5rem', height: '4.5rem', objectFit: 'cover', borderRadius: tokens.borderRadiusMedium, display: 'block' },
});

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
  item: { minWidth: 0 },
  pager: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center', justifyContent: 'space-between' },
});
