import { choiceLabel, serviceArea as serviceAreaChoice } from '../model';
import type { DispatchMode, Priority, RoutingRule, ServiceArea, SourceChannel, TaskType } from '../model';
import { keywordMatcher, splitKeywords } from './keywords';
import type { KeywordMatcher } from './keywords';

/** What routing rules match on. */
export interface RoutingFacts {
  taskType: Pick<TaskType, 'id' | 'serviceArea' | 'dispatchMode'>;
  wardId: string;
  source: SourceChannel;
  /** Title and description together. */
  text: string;
}

export interface RouteDecision {
  /** The rule that matched, or undefined when the defaults applied. */
  rule?: { id: string; name: string };
  team: string;
  officerId?: string;
  setPriority?: Priority;
  dispatchMode: DispatchMode;
}

interface CompiledRule {
  row: RoutingRule;
  keywords: KeywordMatcher | undefined;
}

/** The team that gets a service area's jobs when no rule names one: the service area's label. */
export const defaultTeamFor = (serviceArea: ServiceArea): string => choiceLabel(serviceAreaChoice.name, serviceArea);

/**
 * Ordered routing rules: active rules only, ascending order (ties by name), first match wins.
 * Every condition a rule gives must hold; keywords match when any one is in the text.
 */
export class Router {
  private readonly rules: CompiledRule[];

  constructor(rows: readonly RoutingRule[]) {
    this.rules = rows
      .filter((row) => row.active)
      .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name))
      .map((row) => {
        const words = splitKeywords(row.matchKeywords);
        return { row, keywords: words.length ? keywordMatcher(words) : undefined };
      });
  }

  get size(): number {
    return this.rules.length;
  }

  route(facts: RoutingFacts): RouteDecision {
    const match = this.rules.find((rule) => matches(rule, facts));
    const defaults = { team: defaultTeamFor(facts.taskType.serviceArea), dispatchMode: facts.taskType.dispatchMode };
    if (!match) return defaults;
    const { row } = match;
    return {
      rule: { id: row.id, name: row.name },
      team: row.assignTeam?.trim() || defaults.team,
      officerId: row.assignOfficer ?? undefined,
      setPriority: row.setPriority ?? undefined,
      dispatchMode: row.dispatchMode ?? defaults.dispatchMode,
    };
  }
}

function matches({ row, keywords }: CompiledRule, facts: RoutingFacts): boolean {
  if (row.matchTaskType && row.matchTaskType !== facts.taskType.id) return false;
  if (row.matchServiceArea && row.matchServiceArea !== facts.taskType.serviceArea) return false;
  if (row.matchWard && row.matchWard !== facts.wardId) return false;
  if (row.matchSource && row.matchSource !== facts.source) return false;
  if (keywords && keywords.find(facts.text) === undefined) return false;
  return true;
}
