import { closedStatuses as coreClosedStatuses } from '@wardline/core/lifecycle';
import { choiceValue, logicalName, priority, taskStatus } from '@wardline/core/model';
import { MockDataSet, jobColumns, jobRows } from '../../testing';
import { toPriority, toTaskStatus } from '../components/choices';
import { jobsFromDataset } from '../components/dataset-mapping';
import { parsePhotos } from '../components/field-mapping';
import { closedStatuses } from '../components/statuses';

const now = new Date('2026-03-10T09:00:00Z');

describe('dataset mapping', () => {
  it('turns records into cards: option values become model keys, lookups their names', () => {
    const dataset = new MockDataSet({ columns: jobColumns, rows: jobRows(3, now) });
    const [first, second] = jobsFromDataset(dataset);
    expect(first).toMatchObject({
      id: '00000000-0000-4000-8000-000000000001',
      title: 'Overflowing litter bin',
      reference: 'WL-26-001200',
      taskType: 'Litter bin emptying',
      status: 'new',
      priority: 'urgent',
      ward: 'Maldon North',
      address: '1 High Street, Maldon',
      assignedOfficer: null,
    });
    expect(second).toMatchObject({ status: 'assigned', priority: 'high', assignedOfficer: 'Tom Okafor' });
    expect(first.dueBy).toBeInstanceOf(Date);
  });

  it("reads the job table's own columns when no maker mapped the card (the shipped subgrid's view)", () => {
    const own = (key: string) => logicalName(key);
    const columns = jobColumns.map((c) => ({ ...c, name: own(c.name) }));
    const rows = jobRows(3, now).map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key === 'id' ? key : own(key), value])) as typeof row);
    const [first, second] = jobsFromDataset(new MockDataSet({ columns, rows }));
    expect(first).toMatchObject({ title: 'Overflowing litter bin', reference: 'WL-26-001200', status: 'new', priority: 'urgent', ward: 'Maldon North', address: '1 High Street, Maldon' });
    expect(second).toMatchObject({ status: 'assigned', assignedOfficer: 'Tom Okafor' });
    expect(first.dueBy).toBeInstanceOf(Date);
  });

  it('keeps the view order of sortedRecordIds', () => {
    const dataset = new MockDataSet({ columns: jobColumns, rows: jobRows(5, now) });
    dataset.sorting.push({ name: 'title', sortDirection: 0 });
    dataset.refresh();
    expect(jobsFromDataset(dataset).map((j) => j.title)).toEqual(['Broken bench slat', 'Fallen branch across footpath', 'Fly-tipped mattress in alley', 'Graffiti on bus shelter', 'Overflowing litter bin']);
  });
});

describe('choices from the host', () => {
  it('accepts an option value, the model key or the label', () => {
    expect(toTaskStatus(choiceValue(taskStatus.name, 'on_hold'))).toBe('on_hold');
    expect(toTaskStatus('in_progress')).toBe('in_progress');
    expect(toTaskStatus('Could not complete')).toBe('could_not_complete');
    expect(toPriority(String(choiceValue(priority.name, 'low')))).toBe('low');
    expect(toPriority('nonsense')).toBeNull();
    expect(toPriority(null)).toBeNull();
  });

  it("repeats core/lifecycle's closed statuses exactly", () => {
    expect([...closedStatuses].sort()).toEqual([...coreClosedStatuses].sort());
  });
});

describe('photos', () => {
  it('keeps https addresses only, from lines or a JSON list', () => {
    expect(parsePhotos('https://photos.example.gov.uk/1.jpg\nhttp://insecure.example/2.jpg\n\nhttps://photos.example.gov.uk/3.jpg')).toEqual(['https://photos.example.gov.uk/1.jpg', 'https://photos.example.gov.uk/3.jpg']);
    expect(parsePhotos('["https://a.example/x.png", "javascript:alert(1)"]')).toEqual(['https://a.example/x.png']);
    expect(parsePhotos('')).toEqual([]);
  });
});
