import * as React from 'react';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { JobCardData } from '../../../pcf-controls/TaskCard/components/job';
import { priorityLabel, statusLabel } from '../../../pcf-controls/TaskCard/components/labels';

/** The bench's baseline: the same jobs as a plain Fluent v9 table, one row per job, text only. */
export const PlainJobTable: React.FC<{ jobs: JobCardData[] }> = ({ jobs }) => (
  <Table aria-label="Jobs">
    <TableHeader>
      <TableRow>
        {['Title', 'Reference', 'Task type', 'Status', 'Priority', 'Due by', 'Ward', 'Address', 'Assigned officer'].map((h) => (
          <TableHeaderCell key={h}>{h}</TableHeaderCell>
        ))}
      </TableRow>
    </TableHeader>
    <TableBody>
      {jobs.map((job) => (
        <TableRow key={job.id}>
          <TableCell>{job.title}</TableCell>
          <TableCell>{job.reference}</TableCell>
          <TableCell>{job.taskType}</TableCell>
          <TableCell>{job.status ? statusLabel(job.status) : ''}</TableCell>
          <TableCell>{job.priority ? priorityLabel(job.priority) : ''}</TableCell>
          <TableCell>{job.dueBy?.toLocaleString('en-GB')}</TableCell>
          <TableCell>{job.ward}</TableCell>
          <TableCell>{job.address}</TableCell>
          <TableCell>{job.assignedOfficer}</TableCell>
        </TableRow>
      ))}
    </TableBody>
  </Table>
);
