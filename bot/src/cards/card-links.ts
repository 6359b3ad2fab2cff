/** Where a card's "Open in Wardline" link goes. */
export interface CardLinks {
  /** The Wardline service (WARDLINE_SERVICE_URL). */
  serviceUrl: string;
  /** The Teams app's manifest id; with it, links open the job in the Wardline tab inside Teams. */
  teamsAppId?: string;
}

/** The Wardline tab's entity id in the Teams manifest (static tab "My jobs"). */
export const JOBS_TAB_ENTITY_ID = 'wardline-jobs';

/**
 * A link to one job: a Teams deep link to the Wardline tab (subEntityId = job reference) when the
 * app id is known, else the tab's web address. Action.Execute is unreliable on some Teams mobile
 * clients, so every job card also carries this link.
 */
export function jobLink(links: CardLinks, reference: string): string {
  const base = links.serviceUrl.replace(/\/+$/, '');
  const webUrl = `${base}/tab/#/jobs/${encodeURIComponent(reference)}`;
  if (!links.teamsAppId) return webUrl;
  const context = encodeURIComponent(JSON.stringify({ subEntityId: reference }));
  return `https://teams.microsoft.com/l/entity/${links.teamsAppId}/${JOBS_TAB_ENTITY_ID}?webUrl=${encodeURIComponent(webUrl)}&label=${encodeURIComponent(reference)}&context=${context}`;
}
