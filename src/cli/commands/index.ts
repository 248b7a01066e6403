import type { Command } from 'commander';
import type { RunState } from '../state.js';
import { registerLint } from './lint.js';
import { registerSchema } from './schema.js';
import { registerRender } from './render.js';
import { registerBook } from './book.js';
import { registerStatus } from './status.js';
import { registerHistory } from './history.js';
import { registerDiff } from './diff.js';
import { registerPromote } from './promote.js';
import { registerMap } from './map.js';
import { registerInit } from './init.js';
import { registerNew } from './new.js';
import { registerRecords } from './record.js';
import { registerReport } from './report.js';
import { registerEvidence } from './evidence.js';
import { registerPreview } from './preview.js';

/** Every command of the CLI, in help order. Add one line per verb. */
export const commands: Array<(program: Command, state: RunState) => void> = [
  registerLint, registerSchema, registerStatus, registerRender, registerPreview, registerBook, registerMap, registerHistory, registerDiff, registerPromote,
  registerRecords, registerReport, registerEvidence, registerInit, registerNew,
];
