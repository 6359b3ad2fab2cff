/**
 * Mounts a ReactControl the way the host does: init, then render what updateView returns, and
 * render again when the control asks (factory.requestRender) or the dataset reloads.
 */
import { render, type RenderResult } from '@testing-library/react';
import type { MockContext } from './mock-context';
import type { MockDataSet } from './mock-dataset';

export interface MountedControl extends RenderResult {
  /** The host calls updateView after properties change. */
  update(...changed: string[]): void;
  /** How many times the control called notifyOutputChanged. */
  readonly notifications: number;
}

export function mountReactControl<I, O>(control: ComponentFramework.ReactControl<I, O>, context: MockContext<I>, dataset?: MockDataSet): MountedControl {
  let notifications = 0;
  control.init(context, () => (notifications += 1), {});
  const result = render(control.updateView(context));
  const again = (): void => result.rerender(control.updateView(context));
  context.factory.onRequestRender = again;
  if (dataset) dataset.onReload = again;
  const mounted = Object.assign(result, {
    update(...changed: string[]) {
      context.changed(...changed);
      again();
    },
  });
  return Object.defineProperty(mounted, 'notifications', { get: () => notifications }) as MountedControl;
}
