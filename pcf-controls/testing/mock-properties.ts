/**
 * Typed, hand-written ComponentFramework property mocks shared by both controls' tests and by the
 * browser test host. They hold plain values the way the host hands them to a control.
 */
type Security = ComponentFramework.PropertyHelper.SecurityValues;

abstract class MockProperty<T> implements ComponentFramework.PropertyTypes.Property {
  error = false;
  errorMessage = '';
  formatted?: string;
  security?: Security;
  abstract type: string;
  raw: T;
  constructor(raw: T, options: { formatted?: string; editable?: boolean } = {}) {
    this.raw = raw;
    this.formatted = options.formatted;
    if (options.editable !== undefined) this.security = { editable: options.editable, readable: true, secured: !options.editable };
  }
  /** Sets the value as the host would after a change; returns `this` for chaining in tests. */
  setValue(raw: T, formatted?: string): this {
    this.raw = raw;
    this.formatted = formatted;
    return this;
  }
  /** Field-level security: the user may read but not change the column. */
  setEditable(editable: boolean): this {
    this.security = { editable, readable: true, secured: !editable };
    return this;
  }
}

export class MockNumberProperty extends MockProperty<number | null> implements ComponentFramework.PropertyTypes.FloatingNumberProperty {
  type = 'FP';
}
export class MockDecimalProperty extends MockProperty<number | null> implements ComponentFramework.PropertyTypes.DecimalNumberProperty {
  type = 'Decimal';
}
export class MockWholeNumberProperty extends MockProperty<number | null> implements ComponentFramework.PropertyTypes.WholeNumberProperty {
  type = 'Whole.None';
}
export class MockStringProperty extends MockProperty<string | null> implements ComponentFramework.PropertyTypes.StringProperty {
  type = 'SingleLine.Text';
}
export class MockMultilineProperty extends MockProperty<string | null> implements ComponentFramework.PropertyTypes.StringProperty {
  type = 'Multiple';
}
export class MockDateTimeProperty extends MockProperty<Date | null> implements ComponentFramework.PropertyTypes.DateTimeProperty {
  type = 'DateAndTime.DateAndTime';
}
export class MockTwoOptionsProperty extends MockProperty<boolean> implements ComponentFramework.PropertyTypes.TwoOptionsProperty {
  type = 'TwoOptions';
}
export class MockEnumProperty<E extends string> implements ComponentFramework.PropertyTypes.EnumProperty<E> {
  type = 'Enum';
  raw: E;
  constructor(raw: E) {
    this.raw = raw;
  }
}
