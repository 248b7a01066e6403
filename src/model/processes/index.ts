export { CATEGORIES, type Category, type Process, type ProcessMap } from './types.js';
export { readProcessMap, treeOrder, subtree, leaves, inCycle } from './build.js';
export { loadProcessMap, loadProcessMapFile, processMapPath, DEFAULT_PROCESS_MAP } from './load.js';
export { mapCoverage, summarize, IN_FORCE, type Coverage, type MatrixRow, type SopSummary } from './coverage.js';
