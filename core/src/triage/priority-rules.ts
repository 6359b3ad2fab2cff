import type { Priority } from '../model';

/** Raises a job's priority when its title or description uses one of the words. */
export interface KeywordPriorityRule {
  /** Why, as residents and officers read it: "mentions needles or syringes". */
  reason: string;
  words: string[];
  /** Raise to at least this priority... */
  atLeast?: Priority;
  /** ...or by this many levels (default 1 when atLeast is not given). */
  raiseBy?: number;
}

/** Jobs of the same type already open close by: a repeat location. */
export interface RepeatLocationRule {
  radiusMetres: number;
  windowDays: number;
  /** How many other open jobs of the type must be near to raise the priority one level. */
  minimumOpenJobs: number;
}

export interface PriorityRules {
  /** Raise one level when a councillor raised the job. */
  councillorRaised: boolean;
  keywords: KeywordPriorityRule[];
  repeatLocation: RepeatLocationRule | null;
}

/**
 * The default rules. A council changes them by passing its own to the task service; each is
 * written so the reason reads well after "Raised to High: ".
 */
export const defaultPriorityRules: PriorityRules = {
  councillorRaised: true,
  keywords: [
    { reason: 'mentions needles or syringes', words: ['needle', 'needles', 'syringe', 'syringes', 'sharps', 'drug paraphernalia'], atLeast: 'urgent' },
    { reason: 'mentions offensive or hateful content', words: ['offensive', 'racist', 'racism', 'homophobic', 'obscene', 'swastika*', 'hate', 'hateful', 'abusive'], atLeast: 'high' },
    { reason: 'mentions a danger to the public', words: ['danger*', 'hazard*', 'unsafe', 'injur*', 'blocking', 'blocked', 'obstruct*', 'fallen', 'collapsed', 'exposed wires', 'asbestos', 'fire'], raiseBy: 1 },
  ],
  repeatLocation: { radiusMetres: 200, windowDays: 90, minimumOpenJobs: 2 },
};
