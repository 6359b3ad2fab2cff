import type { Priority } from '../model';
import { keywordMatcher } from './keywords';
import type { KeywordMatcher } from './keywords';
import { morePressing, priorityLabel, raisePriority } from './priority-levels';
import type { KeywordPriorityRule, PriorityRules, RepeatLocationRule } from './priority-rules';

/** What the priority rules look at, gathered by triage. */
export interface PriorityFacts {
  taskTypeName: string;
  defaultPriority: Priority;
  /** Title and description together. */
  text: string;
  councillorRaised: boolean;
  /** The nearest sensitive location within its radius, if any. */
  sensitiveLocation?: { name: string; distanceMetres: number };
  /** Other open jobs of the same type within the repeat-location radius and window. */
  nearbyOpenJobs: number;
  /** The routing rule that matched, when it sets a priority. */
  routingRule?: { name: string; setPriority: Priority };
}

export interface PriorityDecision {
  priority: Priority;
  /** One line per step, the first the starting point, each later one a change. */
  reasons: string[];
}

interface CompiledKeywordRule {
  rule: KeywordPriorityRule;
  matcher: KeywordMatcher;
}

/** Priority rules with their keyword patterns compiled once. */
export class PriorityPolicy {
  private readonly keywords: CompiledKeywordRule[];
  readonly repeatLocation: RepeatLocationRule | null;

  constructor(private readonly rules: PriorityRules) {
    this.keywords = rules.keywords.map((rule) => ({ rule, matcher: keywordMatcher(rule.words) }));
    this.repeatLocation = rules.repeatLocation;
  }

  /**
   * The task type's default, then in order: a routing rule's set priority, councillor-raised,
   * keywords, a sensitive location near by, a repeat location. Each change gives its reason.
   */
  decide(facts: PriorityFacts): PriorityDecision {
    let priority = facts.defaultPriority;
    const reasons = [`${priorityLabel(priority)}: the default for ${facts.taskTypeName}`];
    const change = (next: Priority, why: string): void => {
      if (next === priority) return;
      reasons.push(`${next === morePressing(next, priority) ? 'Raised' : 'Lowered'} to ${priorityLabel(next)}: ${why}`);
      priority = next;
    };
    if (facts.routingRule) change(facts.routingRule.setPriority, `routing rule "${facts.routingRule.name}"`);
    if (this.rules.councillorRaised && facts.councillorRaised) change(raisePriority(priority), 'raised by a councillor');
    for (const { rule, matcher } of this.keywords) {
      const word = matcher.find(facts.text);
      if (word === undefined) continue;
      const next = rule.atLeast ? morePressing(priority, rule.atLeast) : raisePriority(priority, rule.raiseBy ?? 1);
      change(next, `${rule.reason} ("${word}")`);
    }
    if (facts.sensitiveLocation) {
      change(raisePriority(priority), `${Math.round(facts.sensitiveLocation.distanceMetres)} m from ${facts.sensitiveLocation.name}`);
    }
    const repeat = this.repeatLocation;
    if (repeat && facts.nearbyOpenJobs >= repeat.minimumOpenJobs) {
      change(raisePriority(priority), `repeat location: ${facts.nearbyOpenJobs} other open ${facts.taskTypeName} jobs within ${repeat.radiusMetres} m`);
    }
    return { priority, reasons };
  }
}
