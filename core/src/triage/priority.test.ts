import { PriorityPolicy } from './priority';
import type { PriorityFacts } from './priority';
import { defaultPriorityRules } from './priority-rules';
import { priorityOrder, raisePriority } from './priority-levels';

const policy = new PriorityPolicy(defaultPriorityRules);
const facts = (over: Partial<PriorityFacts> = {}): PriorityFacts => ({
  taskTypeName: 'Fly-tipping', defaultPriority: 'normal', text: 'Mattress on verge', councillorRaised: false, nearbyOpenJobs: 0, ...over,
});

describe('priority', () => {
  it('follows the model order and stops at the top', () => {
    expect(priorityOrder).toEqual(['urgent', 'high', 'normal', 'low']);
    expect(raisePriority('low')).toBe('normal');
    expect(raisePriority('urgent')).toBe('urgent');
    expect(raisePriority('low', 5)).toBe('urgent');
  });

  it('starts at the task type default and says so', () => {
    expect(policy.decide(facts())).toEqual({ priority: 'normal', reasons: ['Normal: the default for Fly-tipping'] });
  });

  it('raises a councillor-raised job one level', () => {
    expect(policy.decide(facts({ councillorRaised: true })).reasons).toEqual(['Normal: the default for Fly-tipping', 'Raised to High: raised by a councillor']);
  });

  it('raises needles to urgent and offensive graffiti to high, naming the word', () => {
    const needles = policy.decide(facts({ text: 'Two SYRINGES by the swings' }));
    expect(needles.priority).toBe('urgent');
    expect(needles.reasons[1]).toBe('Raised to Urgent: mentions needles or syringes ("syringes")');
    const graffiti = policy.decide(facts({ taskTypeName: 'Graffiti', defaultPriority: 'low', text: 'Racist graffiti on bus shelter' }));
    expect(graffiti.priority).toBe('high');
    expect(graffiti.reasons[1]).toContain('offensive or hateful');
  });

  it('matches whole words only', () => {
    expect(policy.decide(facts({ text: 'Needlework shop bins' })).priority).toBe('normal');
    expect(policy.decide(facts({ text: 'fallen branch blocking the path' })).priority).toBe('high');
  });

  it('raises near a sensitive location and at a repeat location', () => {
    const decision = policy.decide(facts({ sensitiveLocation: { name: "St Mary's Primary School", distanceMetres: 84.4 }, nearbyOpenJobs: 3 }));
    expect(decision.priority).toBe('urgent');
    expect(decision.reasons.slice(1)).toEqual([
      "Raised to High: 84 m from St Mary's Primary School",
      'Raised to Urgent: repeat location: 3 other open Fly-tipping jobs within 200 m',
    ]);
    expect(policy.decide(facts({ nearbyOpenJobs: 1 })).priority).toBe('normal');
  });

  it('applies a routing rule priority first, so danger still raises it', () => {
    const decision = policy.decide(facts({ routingRule: { name: 'Quiet lanes', setPriority: 'low' }, text: 'dangerous' }));
    expect(decision.reasons).toEqual(['Normal: the default for Fly-tipping', 'Lowered to Low: routing rule "Quiet lanes"', 'Raised to Normal: mentions a danger to the public ("dangerous")']);
  });

  it('takes a council\'s own rules', () => {
    const own = new PriorityPolicy({ councillorRaised: false, keywords: [{ reason: 'dead animal', words: ['dead badger'], atLeast: 'high' }], repeatLocation: null });
    expect(own.decide(facts({ councillorRaised: true, nearbyOpenJobs: 9, text: 'a dead  badger' })).reasons).toEqual(['Normal: the default for Fly-tipping', 'Raised to High: dead animal ("dead  badger")']);
  });
});
