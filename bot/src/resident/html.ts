/** Escapes text for HTML content and attribute values. */
export function escape(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);
}

export interface PageOptions {
  title: string;
  councilName: string;
  body: string;
  /** Prefix the title with "Error: " (GOV.UK pattern when a form has errors). */
  hasErrors?: boolean;
  /** Load the page's script (the report form's progressive enhancements). */
  script?: boolean;
}

/**
 * The GOV.UK template: skip link, header with the council's name (not the GOV.UK crown or
 * typeface, which are for GOV.UK only), one main landmark, footer. Styles and scripts are the
 * GOV.UK Frontend files served from this service; pages work with scripting off.
 */
export function page(options: PageOptions): string {
  const title = `${options.hasErrors ? 'Error: ' : ''}${options.title} – Report a problem – ${options.councilName}`;
  return `<!DOCTYPE html>
<html lang="en-GB" class="govuk-template">
<head>
<meta charset="utf-8">
<title>${escape(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="theme-color" content="#0b0c0c">
<link rel="icon" href="/assets/images/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/wardline/govuk-frontend.css">
</head>
<body class="govuk-template__body">
<a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>
<header class="govuk-generic-header">
<div class="govuk-generic-header__container govuk-width-container">
<div class="govuk-generic-header__logo"><a href="/report" class="govuk-generic-header__homepage-link">${escape(options.councilName)}</a></div>
</div>
</header>
<section aria-label="Service information" class="govuk-service-navigation" data-module="govuk-service-navigation">
<div class="govuk-width-container"><div class="govuk-service-navigation__container">
<span class="govuk-service-navigation__service-name"><a href="/report" class="govuk-service-navigation__link">Report a problem</a></span>
</div></div>
</section>
<div class="govuk-width-container">
<main class="govuk-main-wrapper" id="main-content">
${options.body}
</main>
</div>
<footer class="govuk-footer">
<div class="govuk-width-container"><div class="govuk-footer__meta"><div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
<p class="govuk-body-s">${escape(options.councilName)}. Your details are used only to deal with your report and to tell you about it.</p>
</div></div></div>
</footer>
${options.script ? '<script type="module" src="/assets/wardline/report.js"></script>' : ''}
</body>
</html>`;
}
