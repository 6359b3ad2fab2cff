import { choiceLabel, openTaskService, type CouncilSettings, type NewTask, type SourceChannel, type Store } from '@wardline/core';
import { printLines, type CliIo } from '../cli-io';
import { BadOptionError } from '../errors';

export interface ReportOptions {
  type: string;
  lat: string;
  lon: string;
  text: string;
  title?: string;
  address?: string;
  uprn?: string;
  usrn?: string;
  source: string;
  externalRef?: string;
  name?: string;
  email?: string;
  phone?: string;
  /** Email of the councillor raising it. */
  councillor?: string;
  asset?: string;
  reportedOn?: string;
}

/**
 * `wardline report`: a job through TaskService.report, the path every intake uses, then what
 * triage decided, line by line.
 */
export async function reportTask(store: Store, settings: CouncilSettings, options: ReportOptions, io: CliIo): Promise<void> {
  const service = await openTaskService({ store, settings });
  let raisedBy: string | undefined;
  if (options.councillor) {
    const wanted = options.councillor.toLowerCase();
    const councillor = (await store.listOfficers({ role: 'councillor' })).find((c) => c.email?.toLowerCase() === wanted || c.name.toLowerCase() === wanted);
    if (!councillor) throw new BadOptionError('--councillor', `no councillor has the email or name "${options.councillor}"`);
    raisedBy = councillor.id;
  }
  const report: NewTask = {
    taskTypeCode: options.type,
    title: options.title,
    description: options.text,
    latitude: number('--lat', options.lat),
    longitude: number('--lon', options.lon),
    address: options.address,
    uprn: options.uprn,
    usrn: options.usrn,
    source: options.source as SourceChannel,
    externalReference: options.externalRef,
    reporter: options.name || options.email || options.phone ? { name: options.name, email: options.email, phone: options.phone } : undefined,
    councillorRaised: raisedBy !== undefined,
    raisedBy,
    reportedOn: options.reportedOn,
    assetExternalId: options.asset,
  };
  const { task, decision, created, duplicate } = await service.report(report);
  const headline = duplicate
    ? `Added to open job ${task.reference} (${task.title}): it now stands for ${task.reportCount} reports.`
    : created
      ? `Created job ${task.reference}: ${task.title}`
      : `Already recorded as job ${task.reference} (same ${choiceLabel('wl_sourcechannel', task.sourceChannel)} reference ${task.externalReference ?? ''}); nothing new was stored.`;
  const status = `Status: ${choiceLabel('wl_taskstatus', task.status)}${decision.officer ? ` (${decision.officer.name})` : decision.offerTo.length ? ` (offered to ${decision.offerTo.length} ${decision.dispatchMode === 'volunteers' ? 'volunteers' : 'officers'})` : ''}`;
  printLines(io, [headline, ...decision.explain().map((line) => `  ${line}`), `  ${status}`]);
}

function number(option: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new BadOptionError(option, `"${text}" is not a number`);
  return value;
}
