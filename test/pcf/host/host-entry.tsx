/**
 * The browser side of the PCF test host. Bundled (with React 16 and Fluent UI v9 as the platform
 * would provide them) into pcf-controls/out/test-host/host.js; the page then loads the controls'
 * BUILT bundle.js files from pcf-controls/out/controls/, which find React and Fluent under the
 * platform-library globals (Reactv16, FluentUIReactv940) and register under window.Wardline.
 */
import * as React from 'react';
import * as ReactDOM from 'react-dom';
import * as Fluent from '@fluentui/react-components';
import {
  MockContext,
  MockDataSet,
  MockDateTimeProperty,
  MockDevice,
  MockMultilineProperty,
  MockNumberProperty,
  MockStringProperty,
  MockWebApi,
  MockWholeNumberProperty,
  jobColumns,
  jobRows,
} from '../../../pcf-controls/testing';
import { jobFromRecord } from '../../../pcf-controls/TaskCard/components/dataset-mapping';
import { PlainJobTable } from './PlainJobTable';
import type { HostWindow, MapPickerConfig, TaskCardConfig } from './host-api';

type Params = Record<string, unknown>;
type Standard = ComponentFramework.StandardControl<Params, Params>;
type Virtual = ComponentFramework.ReactControl<Params, Params>;

const host = window as unknown as HostWindow & { Reactv16: typeof React; FluentUIReactv940: typeof Fluent; Wardline?: Record<string, new () => Standard | Virtual> };
host.Reactv16 = React;
host.FluentUIReactv940 = Fluent;

function controlClass(name: string): new () => Standard | Virtual {
  const ctor = host.Wardline?.[name];
  if (!ctor) throw new Error(`Wardline.${name} is not registered: is out/controls/${name}/bundle.js loaded?`);
  return ctor;
}

const root = (): HTMLElement => document.getElementById('root') as HTMLElement;

let mapPicker: { control: Standard; context: MockContext<Params>; notifications: number } | undefined;
let tableJobs: ReturnType<typeof jobFromRecord>[] = [];
let taskCard: { control: Virtual; context: MockContext<Params>; dataset: MockDataSet; render: () => void } | undefined;

host.wardlineHost = {
  mountMapPicker(config: MapPickerConfig) {
    const device = new MockDevice();
    if (config.position === 'denied') device.deny();
    else if (config.position) device.grant(config.position.latitude, config.position.longitude);
    const parameters: Params = {
      latitude: new MockNumberProperty(config.latitude ?? null),
      longitude: new MockNumberProperty(config.longitude ?? null),
      address: new MockStringProperty(null),
      wardCode: new MockStringProperty(null),
      wards: new MockMultilineProperty(config.wards),
      assets: new MockMultilineProperty(config.assets),
      tileUrlTemplate: new MockStringProperty(config.tileUrlTemplate ?? null),
      tileAttribution: new MockStringProperty(config.tileAttribution ?? null),
      snapRadius: new MockWholeNumberProperty(config.snapRadius ?? 25),
    };
    const context = new MockContext<Params>({ parameters, device, webAPI: new MockWebApi({ environmentvariabledefinition: [] }), isRTL: config.rtl });
    context.mode.isControlDisabled = config.disabled ?? false;
    const control = new (controlClass('MapPicker'))() as Standard;
    const state = { control, context, notifications: 0 };
    control.init(context, () => (state.notifications += 1), {}, root() as HTMLDivElement);
    control.updateView(context);
    mapPicker = state;
  },
  mapPickerState() {
    if (!mapPicker) throw new Error('MapPicker is not mounted');
    return { outputs: mapPicker.control.getOutputs?.() ?? {}, notifications: mapPicker.notifications, positionRequests: mapPicker.context.device.positionRequests };
  },
  setMapPickerLocation(latitude: number, longitude: number) {
    if (!mapPicker) throw new Error('MapPicker is not mounted');
    (mapPicker.context.parameters.latitude as MockNumberProperty).setValue(latitude);
    (mapPicker.context.parameters.longitude as MockNumberProperty).setValue(longitude);
    mapPicker.control.updateView(mapPicker.context.changed('latitude', 'longitude'));
  },
  mountTaskCard(config: TaskCardConfig) {
    // A host with a dark theme has a dark page: the control's own background is transparent.
    document.body.style.background = config.dark ? Fluent.webDarkTheme.colorNeutralBackground2 : '';
    document.body.style.color = config.dark ? Fluent.webDarkTheme.colorNeutralForeground1 : '';
    const now = new Date(config.now);
    const dataset = new MockDataSet({ columns: config.mode === 'dataset' ? jobColumns : [], rows: config.mode === 'dataset' ? jobRows(config.count ?? 30, now) : [], pageSize: config.pageSize ?? 12 });
    const field = config.field ?? {};
    const text = (key: string) => new MockStringProperty(field[key] ?? null);
    const parameters: Params = {
      jobTitle: text('jobTitle'),
      jobReference: text('jobReference'),
      jobTaskType: text('jobTaskType'),
      jobStatus: text('jobStatus'),
      jobPriority: text('jobPriority'),
      jobDueBy: new MockDateTimeProperty(field.jobDueBy ? new Date(field.jobDueBy) : null),
      jobWard: text('jobWard'),
      jobAddress: text('jobAddress'),
      jobAssignedOfficer: text('jobAssignedOfficer'),
      jobPhotos: new MockMultilineProperty(field.jobPhotos ?? null),
      jobLastUpdate: new MockMultilineProperty(field.jobLastUpdate ?? null),
      pageSize: new MockWholeNumberProperty(config.pageSize ?? 12),
      jobs: dataset,
    };
    const context = new MockContext<Params>({ parameters, isRTL: config.rtl, fluentDesignLanguage: config.dark ? { tokenTheme: Fluent.webDarkTheme, brand: Fluent.teamsDarkTheme as never } : undefined });
    const control = new (controlClass('TaskCard'))() as Virtual;
    control.init(context, () => undefined, {});
    const render = (): void => {
      ReactDOM.render(control.updateView(context), root());
    };
    context.factory.onRequestRender = render;
    dataset.onReload = render;
    taskCard = { control, context, dataset, render };
    render();
  },
  taskCardState() {
    if (!taskCard) throw new Error('TaskCard is not mounted');
    return { openedForms: taskCard.context.navigation.openedForms, selected: taskCard.dataset.getSelectedRecordIds(), reloads: taskCard.dataset.reloads };
  },
  /**
   * Bench, step 1 of 2: mounts TaskCard on `count` jobs, then unmounts it, ready for a timed render.
   * A page holds at most 250 records (the control's cap, as in a model-driven view), so the
   * control's own "Show more jobs" button loads pages until `count` are shown.
   */
  prepareTaskCards(count: number, nowIso: string) {
    ReactDOM.unmountComponentAtNode(root());
    host.wardlineHost.mountTaskCard({ mode: 'dataset', now: nowIso, count, pageSize: Math.min(count, 250) });
    const showMore = (): HTMLButtonElement | undefined => [...root().querySelectorAll('button')].find((b) => b.textContent === 'Show more jobs');
    for (let more = showMore(); more && (taskCard?.dataset.sortedRecordIds.length ?? 0) < count; more = showMore()) more.click();
    if (taskCard?.dataset.sortedRecordIds.length !== count) throw new Error(`TaskCard loaded ${taskCard?.dataset.sortedRecordIds.length ?? 0} jobs, not ${count}`);
    ReactDOM.unmountComponentAtNode(root());
  },
  /** Bench, step 2: draws every loaded job as a card from scratch; milliseconds to render and lay out. */
  timeTaskCards() {
    if (!taskCard) throw new Error('Call prepareTaskCards first');
    const start = performance.now();
    taskCard.render();
    void root().offsetHeight;
    return performance.now() - start;
  },
  /** Bench, step 1 of 2: the same jobs for the plain Fluent table. */
  preparePlainTable(count: number, nowIso: string) {
    ReactDOM.unmountComponentAtNode(root());
    const dataset = new MockDataSet({ columns: jobColumns, rows: jobRows(count, new Date(nowIso)), pageSize: count });
    tableJobs = dataset.sortedRecordIds.map((id) => jobFromRecord(dataset.records[id]));
  },
  /** Bench, step 2: the jobs as a plain Fluent table, rendered by the host's own React and Fluent. */
  timePlainTable() {
    const start = performance.now();
    ReactDOM.render(
      <Fluent.FluentProvider theme={Fluent.webLightTheme}>
        <PlainJobTable jobs={tableJobs} />
      </Fluent.FluentProvider>,
      root(),
    );
    void root().offsetHeight;
    return performance.now() - start;
  },
};
