import * as React from 'react';
import { FluentProvider, MessageBar, MessageBarBody, Spinner, webLightTheme, type Theme } from '@fluentui/react-components';
import { JobCard } from './JobCard';
import { JobCardGrid, type JobCardGridProps } from './JobCardGrid';
import type { JobCardData } from './job';

export type TaskCardView =
  | { mode: 'field'; job: JobCardData | null }
  | ({ mode: 'dataset'; loading: boolean; error: string | null } & Omit<JobCardGridProps, 'now'>);

export interface TaskCardAppProps {
  view: TaskCardView;
  now: Date;
  /** The host's Fluent theme (context.fluentDesignLanguage), else Fluent's web light theme. */
  theme?: Theme;
  rtl: boolean;
}

/**
 * Chooses what to show: a card, the grid, or a plain message saying what is missing. It never
 * shows sample jobs.
 */
export const TaskCardApp: React.FC<TaskCardAppProps> = ({ view, now, theme, rtl }) => (
  <FluentProvider theme={theme ?? webLightTheme} dir={rtl ? 'rtl' : 'ltr'} style={{ background: 'transparent', width: '100%' }}>
    {render(view, now)}
  </FluentProvider>
);

function notice(intent: 'info' | 'error', text: string): React.ReactElement {
  return (
    <MessageBar intent={intent} role={intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}

function render(view: TaskCardView, now: Date): React.ReactElement {
  if (view.mode === 'field') {
    return view.job ? <JobCard job={view.job} now={now} headingLevel={2} /> : notice('info', 'No job to show yet: the job has no title.');
  }
  if (view.error) return notice('error', `The jobs could not be loaded: ${view.error}`);
  if (view.loading && view.jobs.length === 0) return <Spinner label="Loading jobs…" />;
  if (view.jobs.length === 0) return notice('info', 'There are no jobs in this view.');
  return <JobCardGrid {...view} now={now} />;
}
