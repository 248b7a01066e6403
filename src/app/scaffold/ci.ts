/** CI hosts `sop init` writes a pipeline for. */
export const CI_HOSTS = ['github', 'gitlab', 'none'] as const;
/** A CI host. */
export type CiHost = (typeof CI_HOSTS)[number];

/** The install line of the generated pipelines: sopkit from the repository's package-lock.json (vendor/sopkit-*.tgz). */
export const NPM_INSTALL = 'npm ci --no-audit --no-fund';

/** How the pipelines run sop: the installed package only (a plain `npx sop` would fetch an unrelated package). */
export const SOP = 'npx --no-install sop';

/**
 * GitHub Actions: on pull requests `sop lint --since` the base branch, uploaded to code scanning as SARIF and
 * shown as annotations; on the default branch the SOP book as an artifact (Chrome is on GitHub's Ubuntu runners).
 */
export function githubWorkflow(): string {
  return `# SOP checks, written by \`sop init\`.
# Pull requests: \`sop lint --since\` the base branch (lifecycle guarded), results in code scanning (SARIF)
# and as annotations on the changed lines. Default branch: the SOP book (PDF) as an artifact.
name: SOP
on:
  pull_request:
  push:
permissions:
  contents: read
jobs:
  lint:
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    permissions:
      contents: read
      security-events: write
    env:
      BASE_REF: \${{ github.base_ref }}
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # full history: --since and the revision history need it
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: ${NPM_INSTALL}
      - name: sop lint (SARIF for code scanning)
        run: ${SOP} lint --since "origin/$BASE_REF" --format sarif -o sop.sarif || true
      - uses: github/codeql-action/upload-sarif@v3
        if: always()
        with:
          sarif_file: sop.sarif
          category: sop
      - name: sop lint
        run: ${SOP} lint --since "origin/$BASE_REF" --format github
  book:
    if: github.event_name == 'push' && github.ref_name == github.event.repository.default_branch
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: ${NPM_INSTALL}
      - run: ${SOP} lint
      # SOPs in force, and drafts as a marked review copy (KONSEP), so the job has a book from day one
      - run: ${SOP} book --include-drafts -o dist/buku-sop.pdf
      - uses: actions/upload-artifact@v4
        with:
          name: buku-sop
          path: dist/buku-sop.pdf
`;
}

/**
 * GitLab CI: on merge requests `sop lint --since` the target branch with Code Quality and JUnit reports (shown
 * in the merge request); on the default branch the book as an artifact.
 */
export function gitlabPipeline(): string {
  return `# SOP checks, written by \`sop init\`.
# Merge requests: \`sop lint --since\` the target branch (lifecycle guarded), with Code Quality and JUnit
# reports shown in the merge request. Default branch: the SOP book (PDF) as an artifact.
sop-lint:
  image: node:20
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
  variables:
    GIT_DEPTH: "0" # full history: --since and the revision history need it
  script:
    - ${NPM_INSTALL}
    - git fetch origin "$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"
    - ${SOP} lint --since "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" --format gitlab -o gl-code-quality-report.json || true
    - ${SOP} lint --since "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" --format junit -o sop-junit.xml || true
    - ${SOP} lint --since "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"
  artifacts:
    when: always
    reports:
      codequality: gl-code-quality-report.json
      junit: sop-junit.xml

sop-book:
  image: node:20
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
  variables:
    GIT_DEPTH: "0"
  script:
    - apt-get update && apt-get install -y --no-install-recommends chromium fonts-dejavu-core
    - ${NPM_INSTALL}
    - ${SOP} lint
    # SOPs in force, and drafts as a marked review copy (KONSEP), so the job has a book from day one
    - ${SOP} book --include-drafts -o dist/buku-sop.pdf
  artifacts:
    paths:
      - dist/buku-sop.pdf
`;
}
