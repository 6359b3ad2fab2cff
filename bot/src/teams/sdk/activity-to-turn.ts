import type { Activity } from '@microsoft/agents-activity';
import type { ConversationRecord, InboundAttachment, InboundTurn } from '../port';

const FILE_DOWNLOAD = 'application/vnd.microsoft.teams.file.download.info';

type Loose = Record<string, unknown>;
const asRecord = (value: unknown): Loose | undefined => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : undefined);
const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** Wardline's conversation record from an inbound activity (the SDK's reference stays in the SDK). */
export function recordFromActivity(activity: Activity, now: string): ConversationRecord {
  const channelData = asRecord(activity.channelData);
  const tenantId = str(activity.conversation?.tenantId) ?? str(asRecord(channelData?.tenant)?.id);
  return {
    v: 1,
    channelId: activity.channelId ?? 'msteams',
    serviceUrl: activity.serviceUrl ?? '',
    conversationId: activity.conversation?.id ?? '',
    tenantId,
    userId: activity.from?.id ?? '',
    aadObjectId: str(activity.from?.aadObjectId),
    userName: str(activity.from?.name),
    botId: activity.recipient?.id ?? '',
    botName: str(activity.recipient?.name),
    updatedOn: now,
  };
}

function attachmentsOf(activity: Activity): InboundAttachment[] {
  return (activity.attachments ?? []).flatMap((a): InboundAttachment[] => {
    if (a.contentType === FILE_DOWNLOAD) {
      const content = asRecord(a.content);
      const fileType = str(content?.fileType)?.toLowerCase();
      const type = fileType === 'png' ? 'image/png' : fileType === 'jpg' || fileType === 'jpeg' ? 'image/jpeg' : fileType === 'gif' ? 'image/gif' : `application/${fileType ?? 'octet-stream'}`;
      return [{ contentType: type, url: str(content?.downloadUrl), name: a.name, preAuthenticated: true }];
    }
    if (a.contentType?.startsWith('image/')) return [{ contentType: a.contentType, url: a.contentUrl, name: a.name, preAuthenticated: false }];
    return [];
  });
}

function locationOf(activity: Activity): InboundTurn['location'] {
  for (const entity of activity.entities ?? []) {
    const e = entity as Loose;
    const geo = asRecord(e.geo) ?? (e.type === 'GeoCoordinates' ? e : undefined);
    const latitude = Number(geo?.latitude);
    const longitude = Number(geo?.longitude);
    if (geo && Number.isFinite(latitude) && Number.isFinite(longitude)) return { latitude, longitude };
  }
  const match = /geo:(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/.exec(activity.text ?? '');
  return match ? { latitude: Number(match[1]), longitude: Number(match[2]) } : undefined;
}

/** Removes the bot's @mention from a message in a team or group chat. */
const withoutMentions = (activity: Activity): string | undefined => activity.text?.replace(/<at>[^<]*<\/at>/g, '').trim();

/** Translates one inbound activity into Wardline's InboundTurn; unknown kinds become `other`. */
export function activityToTurn(activity: Activity, now: string): InboundTurn {
  const conversationType = activity.conversation?.conversationType === 'channel' ? 'channel' : activity.conversation?.conversationType === 'groupChat' ? 'groupChat' : 'personal';
  const base: InboundTurn = {
    kind: 'other',
    activityId: activity.id,
    conversation: recordFromActivity(activity, now),
    conversationType,
    from: { userId: activity.from?.id ?? '', aadObjectId: str(activity.from?.aadObjectId), name: str(activity.from?.name) },
    attachments: [],
  };
  switch (activity.type) {
    case 'installationUpdate':
      return { ...base, kind: activity.action === 'remove' || activity.action === 'remove-upgrade' ? 'uninstalled' : 'installed' };
    case 'conversationUpdate': {
      const added = (activity.membersAdded ?? []).map((m) => ({ userId: m.id ?? '', aadObjectId: str(m.aadObjectId), name: str(m.name) }));
      return { ...base, kind: 'membersAdded', membersAdded: added };
    }
    case 'message':
      return { ...base, kind: 'message', text: withoutMentions(activity), value: asRecord(activity.value), replyToId: activity.replyToId, attachments: attachmentsOf(activity), location: locationOf(activity) };
    case 'invoke': {
      const value = asRecord(activity.value);
      if (activity.name === 'adaptiveCard/action') {
        const action = asRecord(value?.action);
        return { ...base, kind: 'cardAction', verb: str(action?.verb), value: asRecord(action?.data) ?? {}, trigger: value?.trigger === 'automatic' ? 'automatic' : 'manual', replyToId: activity.replyToId };
      }
      if (activity.name === 'composeExtension/query') {
        const parameters = Array.isArray(value?.parameters) ? (value?.parameters as Loose[]) : [];
        const search = parameters.find((p) => p.name !== 'initialRun');
        return { ...base, kind: 'messageExtensionQuery', query: str(search?.value) ?? '' };
      }
      return base;
    }
    default:
      return base;
  }
}
