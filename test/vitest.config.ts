import { defineConfig } from 'vitest/config';

/**
 * Unit tests: rule tables, formatters, the view model, pure lifecycle code, schemas, config. No git
 * repositories, no Chromium or LibreOffice, no built CLI: `npm run test:fast` runs them alone in seconds.
 * Every other test file is in the slow project, so a new file is never left out of `npm test`.
 */
const FAST = [
  'test/lint/**/*.test.ts',
  'test/model/**/*.test.ts',
  'test/config/**/*.test.ts',
  'test/lifecycle/{history,pure,status-fields,transitions,yaml-append,yaml-edit}.test.ts',
  'test/render/{view,html,markdown,inline}.test.ts',
  'test/render/flowchart/{back-connectors,mermaid}.test.ts',
  'test/render/pdf/units.test.ts',
  'test/scaffold/numbering.test.ts',
  'test/schemas.test.ts',
  'test/day.test.ts',
];

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'fast', include: FAST } },
      // git repositories, Chromium, LibreOffice, the built CLI, the in-process CLI end to end, the fuzzer and the layout property tests
      { extends: true, test: { name: 'slow', include: ['test/**/*.test.ts'], exclude: FAST } },
    ],
  },
});
