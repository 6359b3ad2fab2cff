import * as React from 'react';
import type { IInputs, IOutputs } from './generated/ManifestTypes';
import { DEFAULT_PAGE_SIZE } from './ManifestConstants';
import { columnNamesFor, jobsFromDataset } from './components/dataset-mapping';
import { jobFromInputs } from './components/field-mapping';
import type { JobCardData } from './components/job';
import { currentSort, type SortChoice } from './components/sorting';
import { TaskCardApp, type TaskCardView } from './components/TaskCardApp';
import type { PageInfo } from './components/JobCardGrid';

type DataSet = ComponentFramework.PropertyTypes.DataSet;

/**
 * TaskCard: a job as a card (field mode) or a view of jobs as cards (dataset mode). updateView
 * only translates the context into props; the cards are plain React in components/.
 */
export class TaskCard implements ComponentFramework.ReactControl<IInputs, IOutputs> {
  private context!: ComponentFramework.Context<IInputs>;
  private pageSizeApplied = false;

  init(context: ComponentFramework.Context<IInputs>): void {
    this.context = context;
  }

  updateView(context: ComponentFramework.Context<IInputs>): React.ReactElement {
    this.context = context;
    return React.createElement(TaskCardApp, {
      view: this.view(context),
      now: new Date(),
      theme: context.fluentDesignLanguage?.tokenTheme,
      rtl: context.userSettings.isRTL,
    });
  }

  getOutputs(): IOutputs {
    return {};
  }

  destroy(): void {
    // React unmounts the element the host rendered; the control holds no other resources.
  }

  private view(context: ComponentFramework.Context<IInputs>): TaskCardView {
    const dataset = context.parameters.jobs;
    const fieldJob = jobFromInputs(context.parameters);
    if (fieldJob || !dataset || dataset.columns.length === 0) return { mode: 'field', job: fieldJob };
    this.applyPageSize(dataset, context.parameters.pageSize?.raw);
    const jobs = jobsFromDataset(dataset);
    return {
      mode: 'dataset',
      title: dataset.getTitle?.() || 'Jobs',
      loading: dataset.loading,
      error: dataset.error ? dataset.errorMessage || 'the view reported an error.' : null,
      jobs,
      selectedIds: dataset.getSelectedRecordIds(),
      sort: currentSort(dataset.sorting, columnNamesFor(dataset.columns)),
      page: pageInfo(dataset, jobs.length),
      disabled: context.mode.isControlDisabled,
      onOpen: (job) => this.open(dataset, job),
      onSelectionChange: (ids) => {
        dataset.setSelectedRecordIds(ids);
        this.context.factory.requestRender();
      },
      onSortChange: (choice) => sortBy(dataset, choice),
      onPreviousPage: () => dataset.paging.loadPreviousPage(true),
      onNextPage: () => dataset.paging.loadNextPage(true),
      // The host keeps the pages already loaded and adds the next (loadOnlyNewPage false).
      onShowMore: () => dataset.paging.loadNextPage(false),
    };
  }

  private applyPageSize(dataset: DataSet, requested: number | null | undefined): void {
    if (this.pageSizeApplied) return;
    this.pageSizeApplied = true;
    const size = requested && requested > 0 ? Math.min(requested, 250) : DEFAULT_PAGE_SIZE;
    if (dataset.paging.pageSize !== size) {
      dataset.paging.setPageSize(size);
      dataset.paging.reset();
    }
  }

  private open(dataset: DataSet, job: JobCardData): void {
    void this.context.navigation.openForm({ entityName: dataset.getTargetEntityType(), entityId: job.id });
  }
}

function sortBy(dataset: DataSet, choice: SortChoice): void {
  // The host reads the sorting array in place, then reloads from page one.
  dataset.sorting.splice(0, dataset.sorting.length, { name: columnNamesFor(dataset.columns)[choice.column], sortDirection: choice.direction });
  dataset.paging.reset();
  dataset.refresh();
}

function pageInfo(dataset: DataSet, count: number): PageInfo {
  const paging = dataset.paging;
  const firstPage = paging.firstPageNumber > 0 ? paging.firstPageNumber : 1;
  const first = count === 0 ? 0 : (firstPage - 1) * paging.pageSize + 1;
  return {
    first,
    last: count === 0 ? 0 : first + count - 1,
    total: paging.totalResultCount >= 0 ? paging.totalResultCount : 0,
    hasPrevious: paging.hasPreviousPage,
    hasNext: paging.hasNextPage,
  };
}
