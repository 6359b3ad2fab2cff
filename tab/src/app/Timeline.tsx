import { Text } from '@fluentui/react-components';
import { formatDateTime } from './format';
import type { TimelineEntry } from './types';

/** A job's timeline, oldest first, as the person's role may read it. */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  if (entries.length === 0) return <Text>Nothing has happened on this job yet.</Text>;
  return (
    <ol className="wl-timeline" aria-label="Timeline">
      {entries.map((entry) => (
        <li key={entry.id}>
          <Text weight="semibold">{entry.summary}</Text>
          <Text size={200} className="wl-muted"> {formatDateTime(entry.occurredOn)}{entry.authorName ? ` · ${entry.authorName}` : ''}{entry.visibility === 'internal' ? ' · staff only' : ''}</Text>
          {entry.note ? <div className="wl-note">{entry.note}</div> : null}
          {entry.attachmentUrl ? <img className="wl-photo" src={entry.attachmentUrl} alt={`Photo: ${entry.summary}`} /> : null}
        </li>
      ))}
    </ol>
  );
}
