/** Headless Chromium from Debian (/usr/bin/chromium) through playwright-core; nothing is downloaded. */
import { chromium, type Browser, type Page } from 'playwright-core';
import type { HostServer } from './server';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
}

/**
 * A page whose every request is checked: the host server's are let through, anything else is
 * refused and recorded in `offHost`, so a test can assert the control reached nowhere else.
 */
export async function hostPage(browser: Browser, server: HostServer, options: { width?: number; height?: number; now?: string } = {}): Promise<{ page: Page; offHost: string[]; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1000, height: options.height ?? 760 }, locale: 'en-GB', timezoneId: 'Europe/London' });
  const page = await context.newPage();
  const offHost: string[] = [];
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(server.origin) || url.startsWith('data:')) return route.continue();
    offHost.push(url);
    return route.abort();
  });
  if (options.now) await page.clock.setFixedTime(new Date(options.now));
  return { page, offHost, errors };
}
