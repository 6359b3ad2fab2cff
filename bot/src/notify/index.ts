/** bot/notify: residents' emails and texts through GOV.UK Notify, and Notify's delivery receipts. */
export { createNotifyChannel, notifyReference, type NotifyChannelOptions } from './notify-channel';
export { NotifyApi, NOTIFY_PRODUCTION_URL, type SendOptions, type SentNotification } from './notify-client';
export { parseNotifyKey, type NotifyKey } from './notify-auth';
export { NotifyErrors, NotifyRequestError, NotifyConfigError } from './notify-errors';
export { personalisationFor, PLACEHOLDERS, type NotifyPayload } from './personalisation';
export { notifyApiFor } from './notify-setup';
export { notifyReceiptRoutes, createReceiptRoutes, RECEIPT_PATH } from './receipt-routes';
