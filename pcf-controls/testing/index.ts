/** The shared ComponentFramework test doubles for MapPicker and TaskCard. */
export * from './mock-context';
export * from './mock-services';
export * from './mock-user-settings';
export * from './mock-properties';
export * from './mock-dataset';
export * from './resx';
export * from './fixtures';
