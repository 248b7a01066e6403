// The lifecycle library API: what the CLI commands and other modules (render) use.
export { sopStatus, statusRows, type StatusReport, type StatusOptions } from './status.js';
export { sopHistory, sopHistories, type HistoryReport, type HistoryEntry } from './history.js';
export { sopDiff, type DiffReport } from './diff.js';
export { sopPromote, type PromoteOptions, type PromoteResult } from './promote.js';
export { planPromote, type PromoteVerb, type PromoteValues } from '../../lifecycle/promote.js';
export { checkTransition, type Transition, type TransitionProblem } from '../../lifecycle/transitions.js';
export { semanticDiff, summarizeDiff, type SemanticDiff } from '../../lifecycle/semantic-diff.js';
export { gitProcessCount, SHALLOW_MESSAGE } from '../../git/git.js';
export { revisionHistory, revisionHistories, createHistoryReader, type HistoryReader } from './revision-history.js';
export type { RevisionRow } from '../../lifecycle/revision-row.js';
export type { StatusRow } from '../../lifecycle/status.js';
export { sopRecord, type RecordOptions, type RecordResult } from './record.js';
export { planRecord, type RecordKind, type RecordValues } from '../../lifecycle/records.js';
export { followUps, type FollowUp } from '../../lifecycle/follow-up.js';
export { loadReportData, type ReportData, type RecordedSop } from './report-data.js';
