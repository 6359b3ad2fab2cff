import { MessageBar, MessageBarBody, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { TabApi } from '../app/api';
import { useLoad } from '../app/hooks';

/** A ward's figures: open, overdue, median days to complete by type (90 days), and hotspots. */
export function WardFiguresPanel({ api, wardId }: { api: TabApi; wardId: string }) {
  const figures = useLoad(() => api.figures(wardId), [wardId]);
  if (figures.error) return <MessageBar intent="error"><MessageBarBody>{figures.error.message}</MessageBarBody></MessageBar>;
  if (!figures.data) return <Spinner label="Working out the figures" />;
  const f = figures.data;
  return (
    <section aria-labelledby="figures-title">
      <h2 id="figures-title">{f.wardName} in figures</h2>
      <div className="wl-stats">
        <div><Text size={700} weight="bold">{f.open}</Text><Text as="p">open</Text></div>
        <div><Text size={700} weight="bold">{f.overdue}</Text><Text as="p">overdue</Text></div>
        <div><Text size={700} weight="bold">{f.completed90}</Text><Text as="p">completed in 90 days</Text></div>
      </div>
      <h3>Median days to complete, last 90 days</h3>
      {f.medianDaysByType.length === 0 ? <Text as="p">No jobs were completed in the last 90 days.</Text> : (
        <Table aria-label="Median days to complete by type" size="small">
          <TableHeader><TableRow><TableHeaderCell>Type</TableHeaderCell><TableHeaderCell>Jobs</TableHeaderCell><TableHeaderCell>Median days</TableHeaderCell></TableRow></TableHeader>
          <TableBody>
            {f.medianDaysByType.map((row) => (
              <TableRow key={row.taskType}><TableCell>{row.taskTypeName}</TableCell><TableCell>{row.jobs}</TableCell><TableCell>{row.medianDays}</TableCell></TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <h3>Hotspots</h3>
      {f.hotspots.length === 0 ? <Text as="p">No place has three or more open jobs of the same type.</Text> : (
        <ul>
          {f.hotspots.map((h) => (
            <li key={`${h.taskType}-${h.latitude}`}>{h.jobs} open {h.taskTypeName.toLowerCase()} jobs within about 150 m ({h.references.slice(0, 4).map((r) => <a key={r} href={`#/jobs/${r}`}>{r} </a>)})</li>
          ))}
        </ul>
      )}
    </section>
  );
}
