/** @jest-environment jsdom */
import '../testing/one-react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { fakeApi, job, me } from '../testing/fake-api';
import { JobPage } from './JobPage';
import { MyWards } from './MyWards';
import { TeamBoard } from './TeamBoard';
import { WardFiguresPanel } from './WardFiguresPanel';

const show = (element: ReactElement) => render(<FluentProvider theme={webLightTheme}>{element}</FluentProvider>);

describe('My wards (councillor)', () => {
  it('lists the cases with their status, priority and overdue in words, and filters through the API', async () => {
    const { api, recorded } = fakeApi({ jobs: [job(), job({ reference: 'WL-26-000002', title: 'Graffiti on the underpass', overdue: true, statusLabel: 'New', status: 'new' })] });
    show(<MyWards api={api} me={me('councillor')} navigate={() => undefined} />);
    expect(await screen.findByText('Showing 1 to 2 of 2 cases')).toBeTruthy();
    const cases = within(screen.getByRole('list', { name: 'Cases' })).getAllByRole('listitem');
    expect(cases).toHaveLength(2);
    expect(within(cases[1]).getByText('Overdue')).toBeTruthy();
    expect(within(cases[0]).getByText('High priority')).toBeTruthy();
    expect(within(cases[0]).getByRole('link', { name: 'Fly-tipping at 3 Mill Lane' }).getAttribute('href')).toBe('#/jobs/WL-26-000001');
    expect(recorded.jobs[0]).toMatchObject({ status: 'open', page: '1' });

    fireEvent.click(screen.getByRole('checkbox', { name: 'Overdue only' }));
    await waitFor(() => expect(screen.getByText('Showing 1 to 1 of 1 cases')).toBeTruthy());
    expect(recorded.jobs.at(-1)).toMatchObject({ overdue: '1' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Ward' }), { target: { value: 'ward-2' } });
    await waitFor(() => expect(recorded.jobs.at(-1)).toMatchObject({ ward: 'ward-2', overdue: '1' }));
  });

  it("opens on the channel's ward when the tab is a ward team's channel tab", async () => {
    const { api, recorded } = fakeApi({ jobs: [job()] });
    show(<MyWards api={api} me={me('councillor')} navigate={() => undefined} ward="ward-2" />);
    await screen.findByText('Showing 1 to 1 of 1 cases');
    expect(recorded.jobs[0]).toMatchObject({ ward: 'ward-2' });
    expect((screen.getByRole('combobox', { name: 'Ward' }) as HTMLSelectElement).value).toBe('ward-2');
  });

  it('says so when no case matches', async () => {
    const { api } = fakeApi({ jobs: [] });
    show(<MyWards api={api} me={me('councillor')} navigate={() => undefined} />);
    expect(await screen.findByText('No cases match these filters.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Next page' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('ward figures', () => {
  it('shows open, overdue, median days by type and hotspots', async () => {
    const { api } = fakeApi({ figures: { wardId: 'ward-1', wardName: 'Riverside', open: 12, overdue: 3, completed90: 40, medianDaysByType: [{ taskType: 'tt-1', taskTypeName: 'Fly-tipping', jobs: 30, medianDays: 1.5 }], hotspots: [{ taskType: 'tt-1', taskTypeName: 'Fly-tipping', jobs: 4, latitude: 51.9, longitude: 0.9, references: ['WL-26-000009'] }] } });
    show(<WardFiguresPanel api={api} wardId="ward-1" />);
    expect(await screen.findByRole('heading', { name: 'Riverside in figures' })).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Median days to complete by type' });
    expect(within(table).getAllByRole('row')[1].textContent).toBe('Fly-tipping301.5');
    expect(screen.getByText(/4 open fly-tipping jobs within about 150 m/)).toBeTruthy();
  });
});

describe('case page', () => {
  it('shows the timeline and lets a councillor follow and add a note with the version they saw', async () => {
    const { api, recorded } = fakeApi({ detail: { job: job(), actions: ['note'], following: false, timeline: [{ id: 't1', kind: 'created', summary: 'Reported by Phone', note: null, occurredOn: '2026-03-01T09:00:00Z', authorName: null, visibility: 'public', attachmentUrl: null, clientId: null, toStatusLabel: 'New' }] } });
    show(<JobPage api={api} reference="WL-26-000001" onBack={() => undefined} backLabel="My wards" />);
    expect(await screen.findByRole('heading', { name: 'Fly-tipping at 3 Mill Lane' })).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Timeline' })).getByText('Reported by Phone')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Follow this case' }));
    await waitFor(() => expect(recorded.follows).toEqual(['WL-26-000001']));
    fireEvent.change(screen.getByRole('textbox', { name: 'Add a note for officers and councillors' }), { target: { value: 'Residents asked again' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await waitFor(() => expect(recorded.acts).toEqual([{ reference: 'WL-26-000001', action: { kind: 'note', text: 'Residents asked again', visibility: 'councillor' }, expectedRowVersion: 3 }]));
  });
});

describe('team board (supervisor)', () => {
  it('puts unassigned jobs first and reassigns with the version seen', async () => {
    const unassigned = job({ reference: 'WL-26-000010', title: 'Dumped mattress', assignedOfficer: null, assignedOfficerName: null, overdue: true, rowVersion: 5 });
    const { api, recorded } = fakeApi({ board: { team: 'Street care', teams: ['Street care'], unassigned: [unassigned], officers: [{ id: 'officer-1', name: 'Priya Shah', role: 'officer', onDuty: true, jobs: [job()] }], others: [], counts: { open: 2, overdue: 1, unassigned: 1 } } });
    show(<TeamBoard api={api} me={me('supervisor')} navigate={() => undefined} />);
    const headings = await screen.findAllByRole('heading', { level: 2 });
    expect(headings.map((h) => h.textContent)).toEqual(['Unassigned (1)', 'Priya Shah (1)']);
    const row = screen.getByRole('link', { name: 'Dumped mattress' }).closest('li') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: 'Reassign' }));
    fireEvent.change(within(row).getByRole('combobox', { name: 'Give WL-26-000010 to' }), { target: { value: 'officer-2' } });
    fireEvent.click(within(row).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(recorded.acts).toEqual([{ reference: 'WL-26-000010', action: { kind: 'reassign', officerId: 'officer-2', reason: undefined }, expectedRowVersion: 5 }]));
    expect(await screen.findByText('WL-26-000010: saved.')).toBeTruthy();
  });
});
