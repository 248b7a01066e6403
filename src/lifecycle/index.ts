// The lifecycle library API: what the CLI commands and other modules (render) use.
export { sopStatus, statusRows, type StatusReport, type StatusOptions } from './sop-status.js';
export { sopHistory, sopHistories, type HistoryReport, type HistoryEntry } from './sop-history.js';
export { sopDiff, type DiffReport } from './sop-diff.js';
export { sopPromote, type PromoteOptions, type PromoteResult } from './sop-promote.js';
export { planPromote, type PromoteVerb, type PromoteValues } from './promote.js';
export { checkTransition, type Transition, type TransitionProblem } from './transitions.js';
export { semanticDiff, summarizeDiff, type SemanticDiff } from './semantic-diff.js';
export { gitProcessCount, SHALLOW_MESSAGE } from './git.js';
export { revisionHistory, revisionHistories, createHistoryReader, type HistoryReader } from './revision-history.js';
export type { RevisionRow } from './revision-row.js';
export type { StatusRow } from './status.js';
export { sopRecord, type RecordOptions, type RecordResult } from './sop-record.js';
export { planRecord, type RecordKind, type RecordValues } from './records.js';
export { followUps, type FollowUp } from './follow-up.js';
export { loadReportData, type ReportData, type RecordedSop } from './report-data.js';
