import { describeDueBy, spanInWords } from '../components/due-by';

const now = new Date('2026-03-10T09:00:00Z');

describe('describeDueBy', () => {
  it('says overdue in words, with the exact time', () => {
    const due = describeDueBy(new Date('2026-03-08T08:00:00Z'), 'in_progress', now, 'Europe/London');
    expect(due).toEqual({ state: 'overdue', text: 'Overdue by 2 days', exact: 'Sunday 8 March 2026 at 08:00' });
  });

  it('counts down to a job that is not yet due', () => {
    expect(describeDueBy(new Date('2026-03-10T12:30:00Z'), 'assigned', now).text).toBe('Due in 3 hours');
    expect(describeDueBy(new Date('2026-03-10T09:00:30Z'), 'new', now).text).toBe('Due in under a minute');
  });

  it('gives a closed job no countdown, even when its due time has passed', () => {
    const due = describeDueBy(new Date('2026-03-01T09:00:00Z'), 'completed', now, 'Europe/London');
    expect(due.state).toBe('closed');
    expect(due.text).toBe('Was due Sunday 1 March 2026 at 09:00');
  });

  it('says when there is no due date', () => {
    expect(describeDueBy(null, 'new', now)).toEqual({ state: 'none', text: 'No due date', exact: '' });
  });

  it('uses singular and plural units', () => {
    expect(spanInWords(-86_400_000)).toBe('1 day');
    expect(spanInWords(2 * 3_600_000 + 5)).toBe('2 hours');
    expect(spanInWords(61_000)).toBe('1 minute');
  });
});
