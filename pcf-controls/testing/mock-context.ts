/**
 * The one hand-written, typed ComponentFramework context both controls are tested with (jest +
 * jsdom, and the browser host that runs the built bundles). Only host calls are recorded
 * (openForm, getCurrentPosition, Web API requests); everything else is plain state.
 */
import { MockClient, MockDevice, MockFactory, MockFormatting, MockMode, MockNavigation, MockResources, MockUtility, MockWebApi } from './mock-services';
import { MockUserSettings } from './mock-user-settings';

export interface MockContextOptions<TInputs> {
  parameters: TInputs;
  strings?: Record<string, string>;
  device?: MockDevice;
  webAPI?: MockWebApi;
  isRTL?: boolean;
  offline?: boolean;
  fluentDesignLanguage?: ComponentFramework.FluentDesignState;
}

export class MockContext<TInputs> implements ComponentFramework.Context<TInputs> {
  client: MockClient;
  device: MockDevice;
  factory = new MockFactory();
  formatting = new MockFormatting();
  mode = new MockMode();
  navigation = new MockNavigation();
  resources: MockResources;
  userSettings: MockUserSettings;
  utils = new MockUtility();
  webAPI: MockWebApi;
  parameters: TInputs;
  updatedProperties: string[] = [];
  events: ComponentFramework.IEventBag = {};
  fluentDesignLanguage?: ComponentFramework.FluentDesignState;
  copilot: ComponentFramework.Copilot = {
    executeEvent: () => Promise.reject(new Error('Copilot is not available in the Wardline test host.')),
    executePrompt: () => Promise.reject(new Error('Copilot is not available in the Wardline test host.')),
  };

  constructor(options: MockContextOptions<TInputs>) {
    this.parameters = options.parameters;
    this.resources = new MockResources(options.strings);
    this.device = options.device ?? new MockDevice();
    this.webAPI = options.webAPI ?? new MockWebApi();
    this.userSettings = new MockUserSettings({ isRTL: options.isRTL });
    this.client = new MockClient(options.offline);
    this.fluentDesignLanguage = options.fluentDesignLanguage;
  }

  /** Marks properties as changed, as the host does before calling updateView. */
  changed(...names: string[]): this {
    this.updatedProperties = names;
    return this;
  }
}
