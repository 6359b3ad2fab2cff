/** en-GB user settings, as a council officer's browser reports them. */
const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', ''];

export class MockUserSettings implements ComponentFramework.UserSettings {
  isRTL: boolean;
  languageId = 2057;
  securityRoles: string[] = [];
  userId = '{00000000-0000-0000-0000-0000000000aa}';
  userName = 'Sam Supervisor';
  dateFormattingInfo: ComponentFramework.UserSettingApi.DateFormattingInfo = {
    amDesignator: 'am',
    pmDesignator: 'pm',
    abbreviatedDayNames: days.map((d) => d.slice(0, 3)),
    abbreviatedMonthGenitiveNames: months.map((m) => m.slice(0, 3)),
    abbreviatedMonthNames: months.map((m) => m.slice(0, 3)),
    calendarWeekRule: 2,
    calendar: { minSupportedDateTime: new Date(-62135596800000), maxSupportedDateTime: new Date(253402300799999), algorithmType: 1, calendarType: 1, twoDigitYearMax: 2049 },
    dateSeparator: '/',
    dayNames: days,
    firstDayOfWeek: 1,
    fullDateTimePattern: 'dddd, d MMMM yyyy HH:mm:ss',
    longDatePattern: 'dddd, d MMMM yyyy',
    longTimePattern: 'HH:mm:ss',
    monthDayPattern: 'd MMMM',
    monthGenitiveNames: months,
    monthNames: months,
    shortDatePattern: 'dd/MM/yyyy',
    shortTimePattern: 'HH:mm',
    shortestDayNames: days.map((d) => d.slice(0, 2)),
    sortableDateTimePattern: "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
    timeSeparator: ':',
    universalSortableDateTimePattern: "yyyy'-'MM'-'dd HH':'mm':'ss'Z'",
    yearMonthPattern: 'MMMM yyyy',
  };
  numberFormattingInfo: ComponentFramework.UserSettingApi.NumberFormattingInfo = {
    currencyDecimalDigits: 2,
    currencyDecimalSeparator: '.',
    currencyGroupSeparator: ',',
    currencyGroupSizes: [3],
    currencyNegativePattern: 1,
    currencyPositivePattern: 0,
    currencySymbol: '£',
    nanSymbol: 'NaN',
    nativeDigits: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    negativeInfinitySymbol: '-Infinity',
    negativeSign: '-',
    numberDecimalDigits: 2,
    numberDecimalSeparator: '.',
    numberGroupSeparator: ',',
    numberGroupSizes: [3],
    numberNegativePattern: 1,
    perMilleSymbol: '‰',
    percentDecimalDigits: 2,
    percentDecimalSeparator: '.',
    percentGroupSeparator: ',',
    percentGroupSizes: [3],
    percentNegativePattern: 1,
    percentPositivePattern: 1,
    percentSymbol: '%',
    positiveInfinitySymbol: 'Infinity',
    positiveSign: '+',
  };
  constructor(options: { isRTL?: boolean } = {}) {
    this.isRTL = options.isRTL ?? false;
  }
  getTimeZoneOffsetMinutes(date: Date = new Date()): number {
    return -date.getTimezoneOffset();
  }
}
