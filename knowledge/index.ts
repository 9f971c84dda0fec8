// Public API of `pick-transport`: the decision engine and the knowledge it reads.
export { decide, matches, recommend, sourcesOf, transportName } from './engine.js';
export type { Alternative, ChecklistEntry, Decision, Reason, Recommendation } from './engine.js';
export { RequirementError, resolveRequirements } from './requirements.js';
export type { ResolvedRequirements } from './requirements.js';
export { questions } from './questions.js';
export { attributes, transports } from './transports.js';
export { facts } from './facts.js';
export { sources } from './sources.js';
export { checklist } from './checklist.js';
export { mismatches } from './mismatches.js';
export { decisionTree } from './decision.js';
export { TRANSPORT_IDS } from './schema.js';
export type * from './schema.js';
