import { councilStylesheet } from './assets';

describe('councilStylesheet', () => {
  it('drops the GOV.UK typeface (licensed for GOV.UK only) and falls back to Arial', () => {
    const css = '@font-face{font-family:GDS Transport;src:url(/assets/fonts/x.woff2)}.govuk-body{font-family:"GDS Transport",arial,sans-serif}';
    expect(councilStylesheet(css)).toBe('.govuk-body{font-family:arial,sans-serif}');
  });
});
