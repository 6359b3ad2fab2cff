import { MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import type { TabApi } from '../app/api';
import { useLoad } from '../app/hooks';
import type { Me } from '../app/types';

const JobMap = lazy(() => import('../map/JobMap'));

/** The map of the person's wards (or team patch) with the jobs matching the filters, loaded on demand. */
export function MapPanel({ api, me, params, onSelect }: { api: TabApi; me: Me; params: Record<string, string>; onSelect: (reference: string) => void }) {
  const key = JSON.stringify(params);
  const data = useLoad(async () => ({ boundaries: await api.boundaries(), map: await api.map(params) }), [key]);
  if (data.error) return <MessageBar intent="error"><MessageBarBody>{data.error.message}</MessageBarBody></MessageBar>;
  if (!data.data) return <Spinner label="Loading the map" />;
  const { boundaries, map } = data.data;
  return (
    <section aria-label="Map">
      <Text as="p">{map.shown < map.total ? `Showing ${map.shown} of ${map.total} jobs on the map; narrow the filters to see the rest.` : `${map.total} jobs on the map.`} Select a marker to open the case.</Text>
      <Suspense fallback={<Spinner label="Loading the map" />}>
        <JobMap boundaries={boundaries} points={map.points} tileUrl={me.tileUrl} tileAttribution={me.tileAttribution} label="Map of jobs and ward boundaries" onSelect={onSelect} />
      </Suspense>
    </section>
  );
}
