/** @jest-environment jsdom */
import { fireEvent, screen, within } from '@testing-library/react';
import { webDarkTheme } from '@fluentui/react-components';
import { MockContext, MockDataSet, MockDateTimeProperty, MockMultilineProperty, MockStringProperty, MockWholeNumberProperty, jobColumns, jobRows } from '../../testing';
import { fillJsdomGaps } from '../../testing/jsdom-gaps';
import { mountReactControl } from '../../testing/mount';
import type { IInputs } from '../generated/ManifestTypes';
import { TaskCard } from '../index';

const now = new Date('2026-03-10T09:00:00Z');

function inputs(dataset: MockDataSet, field: Partial<Record<keyof IInputs, string | null>> = {}): IInputs {
  const s = (key: keyof IInputs) => new MockStringProperty(field[key] ?? null);
  return {
    jobTitle: s('jobTitle'),
    jobReference: s('jobReference'),
    jobTaskType: s('jobTaskType'),
    jobStatus: s('jobStatus'),
    jobPriority: s('jobPriority'),
    jobDueBy: new MockDateTimeProperty(field.jobDueBy ? new Date(field.jobDueBy) : null),
    jobWard: s('jobWard'),
    jobAddress: s('jobAddress'),
    jobAssignedOfficer: s('jobAssignedOfficer'),
    jobPhotos: new MockMultilineProperty(field.jobPhotos ?? null),
    jobLastUpdate: new MockMultilineProperty(field.jobLastUpdate ?? null),
    pageSize: new MockWholeNumberProperty(null),
    jobs: dataset,
  };
}

const emptyDataset = (): MockDataSet => new MockDataSet({ columns: [], rows: [] });

fillJsdomGaps();

beforeEach(() => {
  jest.useFakeTimers({ now, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
});
afterEach(() => jest.useRealTimers());

describe('TaskCard in field mode', () => {
  const field = {
    jobTitle: 'Fly-tipped mattress in alley',
    jobReference: 'WL-26-000123',
    jobTaskType: 'Fly-tipping',
    jobStatus: 'in_progress',
    jobPriority: '104570000',
    jobDueBy: '2026-03-08T09:00:00Z',
    jobWard: 'Maldon North',
    jobAddress: 'Rear of 12 High Street, Maldon',
    jobAssignedOfficer: 'Priya Shah',
    jobPhotos: 'https://photos.example.gov.uk/mattress-1.jpg\nhttps://photos.example.gov.uk/mattress-2.jpg',
    jobLastUpdate: 'Priya Shah: on site, waiting for the van.',
  };

  it('shows one job with the labels from core/model and overdue in words', () => {
    const context = new MockContext<IInputs>({ parameters: inputs(emptyDataset(), field) });
    const control = new TaskCard();
    mountReactControl(control, context);
    const card = screen.getByRole('group', { name: 'Job: Fly-tipped mattress in alley' });
    expect(within(card).getByRole('heading', { level: 2, name: 'Fly-tipped mattress in alley' })).toBeTruthy();
    expect(within(card).getByText('WL-26-000123 · Fly-tipping')).toBeTruthy();
    expect(within(card).getByLabelText('Priority: Urgent').textContent).toBe('Urgent');
    expect(within(card).getByLabelText('Status: In progress')).toBeTruthy();
    expect(within(card).getByText('Due by')).toBeTruthy();
    expect(within(card).getByText('Overdue')).toBeTruthy();
    expect(within(card).getByText('Overdue by 2 days')).toBeTruthy();
    expect(within(card).getByText('Assigned officer').nextElementSibling?.textContent).toBe('Priya Shah');
    expect(within(card).getByText('Ward').nextElementSibling?.textContent).toBe('Maldon North');
    expect(within(card).getByText('Last update').nextElementSibling?.textContent).toBe('Priya Shah: on site, waiting for the van.');
    expect(within(card).getAllByRole('img').map((img) => img.getAttribute('alt'))).toEqual(['Photo 1 of 2', 'Photo 2 of 2']);
    expect(within(card).queryByRole('button')).toBeNull();
    expect(control.getOutputs()).toEqual({});
  });

  it('re-renders when a property changes', () => {
    const parameters = inputs(emptyDataset(), field);
    const context = new MockContext<IInputs>({ parameters });
    const mounted = mountReactControl(new TaskCard(), context);
    (parameters.jobStatus as MockStringProperty).setValue('Completed');
    mounted.update('jobStatus');
    expect(screen.getByLabelText('Status: Completed')).toBeTruthy();
    expect(screen.queryByText('Overdue')).toBeNull();
    expect(screen.getByText(/^Was due /)).toBeTruthy();
  });

  it('says what is missing instead of showing sample data', () => {
    const context = new MockContext<IInputs>({ parameters: inputs(emptyDataset()) });
    mountReactControl(new TaskCard(), context);
    expect(screen.getByRole('status').textContent).toBe('No job to show yet: the job has no title.');
    expect(screen.queryByRole('group')).toBeNull();
  });

  it("follows the host's theme and text direction", () => {
    const context = new MockContext<IInputs>({ parameters: inputs(emptyDataset(), field), isRTL: true, fluentDesignLanguage: { tokenTheme: webDarkTheme, brand: {} as never } });
    const { container } = mountReactControl(new TaskCard(), context);
    const provider = container.firstElementChild as HTMLElement;
    expect(provider.getAttribute('dir')).toBe('rtl');
    const themeRules = [...document.querySelectorAll<HTMLStyleElement>('style[id^="fui-FluentProvider"]')].flatMap((style) => [...(style.sheet?.cssRules ?? [])].map((rule) => rule.cssText));
    expect(themeRules.join('\n')).toContain(`--colorNeutralBackground1: ${webDarkTheme.colorNeutralBackground1}`);
  });
});

describe('TaskCard in dataset mode', () => {
  function mountQueue(count = 30, pageSize = 12) {
    const dataset = new MockDataSet({ columns: jobColumns, rows: jobRows(count, now), pageSize: 50 });
    const parameters = inputs(dataset);
    parameters.pageSize = new MockWholeNumberProperty(pageSize);
    const context = new MockContext<IInputs>({ parameters });
    const mounted = mountReactControl(new TaskCard(), context, dataset);
    return { dataset, context, mounted };
  }

  it('shows a page of cards, each opening its record', () => {
    const { dataset, context } = mountQueue();
    expect(dataset.paging.pageSize).toBe(12);
    const list = screen.getByRole('list', { name: 'Active jobs' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(12);
    expect(screen.getByText('Showing 1 to 12 of 30 jobs')).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: 'Overflowing litter bin' })[0]);
    expect(context.navigation.openedForms).toEqual([{ entityName: 'wl_task', entityId: '00000000-0000-4000-8000-000000000001' }]);
  });

  it('pages forwards and back through the host', () => {
    const { dataset } = mountQueue();
    const previous = screen.getByRole('button', { name: 'Previous page' });
    expect((previous as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(screen.getByText('Showing 13 to 24 of 30 jobs')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(screen.getByText('Showing 25 to 30 of 30 jobs')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Next page' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(screen.getByText('Showing 13 to 24 of 30 jobs')).toBeTruthy();
    expect(dataset.reloads).toBe(4);
  });

  it('keeps each countdown current as time passes (cards are memoised on what they show)', () => {
    const { mounted } = mountQueue();
    const countdowns = () => screen.getAllByText(/^(Due in|Overdue by) /).map((element) => element.textContent);
    const before = countdowns();
    expect(before[4]).toBe('Due in 30 minutes, Tuesday 10 March 2026 at 09:30');
    jest.advanceTimersByTime(20_000);
    mounted.update();
    // Twenty seconds on, only the card whose words change is different.
    expect(countdowns()).toEqual(before.map((text, i) => (i === 4 ? 'Due in 29 minutes, Tuesday 10 March 2026 at 09:30' : text)));
    jest.advanceTimersByTime(30 * 24 * 60 * 60_000);
    mounted.update();
    expect(countdowns()).not.toEqual(before);
    expect(countdowns().filter((text) => !text?.includes('Overdue by '))).toEqual([]);
  });

  it('shows more cards below those shown, keeping the pages already loaded', () => {
    const { dataset } = mountQueue();
    fireEvent.click(screen.getByRole('button', { name: 'Show more jobs' }));
    expect(screen.getByText('Showing 1 to 24 of 30 jobs')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Active jobs' })).getAllByRole('listitem')).toHaveLength(24);
    fireEvent.click(screen.getByRole('button', { name: 'Show more jobs' }));
    expect(screen.getByText('Showing 1 to 30 of 30 jobs')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Active jobs' })).getAllByRole('listitem')).toHaveLength(30);
    expect(screen.queryByRole('button', { name: 'Show more jobs' })).toBeNull();
    expect(dataset.paging.firstPageNumber).toBe(1);
  });

  it('sorts through the view and starts again at page one', () => {
    const { dataset } = mountQueue();
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    fireEvent.change(screen.getByLabelText('Sort by'), { target: { value: 'priority:0' } });
    expect(dataset.sorting).toEqual([{ name: 'priority', sortDirection: 0 }]);
    expect(screen.getByText('Showing 1 to 12 of 30 jobs')).toBeTruthy();
    const priorities = screen.getAllByLabelText(/^Priority: /).map((badge) => badge.textContent);
    expect(priorities.slice(0, 8)).toEqual(['Urgent', 'Urgent', 'Urgent', 'Urgent', 'Urgent', 'Urgent', 'Urgent', 'Urgent']);
    expect((screen.getByLabelText('Sort by') as HTMLSelectElement).value).toBe('priority:0');
  });

  it('selects cards through the host', () => {
    const { dataset } = mountQueue();
    fireEvent.click(screen.getAllByRole('checkbox', { name: 'Select Fly-tipped mattress in alley' })[0]);
    expect(dataset.getSelectedRecordIds()).toEqual(['00000000-0000-4000-8000-000000000002']);
    expect(screen.getByRole('status').textContent).toContain('1 selected.');
    expect((screen.getAllByRole('checkbox', { name: 'Select Fly-tipped mattress in alley' })[0] as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getAllByRole('checkbox', { name: 'Select Fly-tipped mattress in alley' })[0]);
    expect(dataset.getSelectedRecordIds()).toEqual([]);
  });

  it('disables selection when the control is disabled', () => {
    const { context, mounted } = mountQueue();
    context.mode.isControlDisabled = true;
    mounted.update();
    for (const box of screen.getAllByRole('checkbox')) expect((box as HTMLInputElement).disabled).toBe(true);
    expect((screen.getAllByRole('button', { name: 'Overflowing litter bin' })[0] as HTMLButtonElement).disabled).toBe(false);
  });

  it('reports a failed view plainly, with no cards', () => {
    const dataset = new MockDataSet({ columns: jobColumns, rows: jobRows(5, now) }).fail('You do not have permission to read Jobs.');
    mountReactControl(new TaskCard(), new MockContext<IInputs>({ parameters: inputs(dataset) }), dataset);
    expect(screen.getByRole('alert').textContent).toBe('The jobs could not be loaded: You do not have permission to read Jobs.');
    expect(screen.queryByRole('listitem')).toBeNull();
  });

  it('says when the view is empty', () => {
    const dataset = new MockDataSet({ columns: jobColumns, rows: [] });
    mountReactControl(new TaskCard(), new MockContext<IInputs>({ parameters: inputs(dataset) }), dataset);
    expect(screen.getByRole('status').textContent).toBe('There are no jobs in this view.');
  });
});
