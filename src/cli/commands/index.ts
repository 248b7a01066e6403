import type { Command } from 'commander';
import type { RunState } from '../state.js';
import { registerLint } from './lint.js';
import { registerSchema } from './schema.js';
import { registerRender } from './print/render.js';
import { registerBook } from './print/book.js';
import { registerStatus } from './records/status.js';
import { registerHistory } from './records/history.js';
import { registerDiff } from './records/diff.js';
import { registerPromote } from './records/promote.js';
import { registerMap } from './print/map.js';
import { registerInit } from './init.js';
import { registerNew } from './new.js';
import { registerRecords } from './records/record.js';
import { registerReport } from './print/report.js';
import { registerEvidence } from './print/evidence.js';
import { registerPreview } from './print/preview.js';

/** Every command of the CLI, in help order. Add one line per verb. */
export const commands: Array<(program: Command, state: RunState) => void> = [
  registerLint, registerSchema, registerStatus, registerRender, registerPreview, registerBook, registerMap, registerHistory, registerDiff, registerPromote,
  registerRecords, registerReport, registerEvidence, registerInit, registerNew,
];
