/** @wardline/bot: the Wardline service (HTTP server, and later the Teams bot, intake, tab and resident pages). */
export * from './config';
export * from './server';
