import { SettingError } from '../errors';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { environmentVariables } from '../model';
import { readCouncilSettings } from './read-settings';

const source = readFileSync(path.join(__dirname, 'read-settings.ts'), 'utf8');

const base = { WARDLINE_COUNCIL_NAME: 'Colchester City Council', WARDLINE_SERVICE_URL: 'https://wardline.example.gov.uk' };

describe('readCouncilSettings', () => {
  it('applies the model defaults', () => {
    const settings = readCouncilSettings(base);
    expect(settings).toMatchObject({
      councilName: 'Colchester City Council',
      timeZone: 'Europe/London',
      workingHours: { start: '08:00', end: '17:00', startMinutes: 480, endMinutes: 1020 },
      workingDays: [1, 2, 3, 4, 5],
      bankHolidayRegion: 'england-and-wales',
      snapRadius: 25,
      volunteerRadius: 3000,
      sensitiveLocations: [],
      notifyTemplates: {},
      open311RequestsPerMinute: 600,
    });
    expect(settings.tileUrl).toBeUndefined();
  });

  it('reads every environment variable the model declares', () => {
    const readsVariable = environmentVariables.map((v) => v.schemaName).filter((name) => !source.includes(`'${name}'`));
    expect(readsVariable).toEqual([]);
  });

  it('reads set values', () => {
    const settings = readCouncilSettings({
      ...base,
      WARDLINE_WORKING_HOURS: '07:30-16:00',
      WARDLINE_WORKING_DAYS: 'Mon, Tue, Wed, Thu, Fri, Sat',
      WARDLINE_BANK_HOLIDAY_REGION: 'Scotland',
      WARDLINE_SNAP_RADIUS: '40',
      WARDLINE_SENSITIVE_LOCATIONS: '[{"name":"St Mary\'s Primary School","latitude":51.89,"longitude":0.9,"radius":150}]',
      WARDLINE_NOTIFY_TEMPLATES: '{"received":{"email":"abc"}}',
    });
    expect(settings.workingHours.startMinutes).toBe(450);
    expect(settings.workingDays).toEqual([1, 2, 3, 4, 5, 6]);
    expect(settings.bankHolidayRegion).toBe('scotland');
    expect(settings.snapRadius).toBe(40);
    expect(settings.sensitiveLocations[0]).toEqual({ name: "St Mary's Primary School", latitude: 51.89, longitude: 0.9, radius: 150 });
    expect(settings.notifyTemplates.received.email).toBe('abc');
  });

  it.each([
    [{ WARDLINE_SERVICE_URL: 'x' }, 'Setting WARDLINE_COUNCIL_NAME (wl_CouncilName): is required but not set'],
    [{ ...base, WARDLINE_WORKING_HOURS: '17:00-08:00' }, 'WARDLINE_WORKING_HOURS (wl_WorkingHours): "17:00-08:00" is not HH:MM-HH:MM'],
    [{ ...base, WARDLINE_WORKING_DAYS: 'Mon,Funday' }, 'WARDLINE_WORKING_DAYS'],
    [{ ...base, WARDLINE_TIME_ZONE: 'Mars/Olympus' }, 'WARDLINE_TIME_ZONE (wl_TimeZone): "Mars/Olympus" is not an IANA time zone'],
    [{ ...base, WARDLINE_BANK_HOLIDAY_REGION: 'wales' }, 'WARDLINE_BANK_HOLIDAY_REGION'],
    [{ ...base, WARDLINE_SNAP_RADIUS: 'ten' }, 'WARDLINE_SNAP_RADIUS (wl_SnapRadius): "ten" is not a number'],
    [{ ...base, WARDLINE_SENSITIVE_LOCATIONS: '[{"name":"School"}]' }, 'WARDLINE_SENSITIVE_LOCATIONS (wl_SensitiveLocations): entry 1 needs'],
    [{ ...base, WARDLINE_SENSITIVE_LOCATIONS: '[{' }, 'is not valid JSON'],
  ])('names the bad variable %#', (source, message) => {
    expect(() => readCouncilSettings(source)).toThrow(SettingError);
    expect(() => readCouncilSettings(source)).toThrow(message);
  });
});
