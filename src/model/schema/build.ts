import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { packageRoot, schemaPath, type SchemaKind } from '../../util/paths.js';

/** Annotation keywords for editors (the YAML language server): Markdown hover text and completion snippets. */
export const EDITOR_KEYWORDS = ['markdownDescription', 'defaultSnippets'];

/**
 * Options shared by the runtime compiler and the build-time precompiler (they must agree). Strict: a keyword
 * ajv does not know (a typo such as `requird`) fails the build instead of being ignored; the editors' keywords
 * are declared.
 */
export const AJV_OPTIONS = { allErrors: true, strict: true, allowUnionTypes: true, verbose: true, keywords: EDITOR_KEYWORDS } as const;

/** Hash identifying a schema's text, so a stale precompiled validator is never used. */
export function schemaHash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** The precompiled validator of a schema, inside the package (read it with loadPackageModule). */
export function precompiledFile(kind: SchemaKind): string {
  return `dist/schemas/${kind}.validate.cjs`;
}

/** Where the precompiled validator of a schema is written. */
export function precompiledPath(kind: SchemaKind): string {
  return path.join(packageRoot(), ...precompiledFile(kind).split('/'));
}

/** Precompile the schemas to standalone CommonJS validators (run by `npm run build`): start-up skips ajv's compiler. */
export function precompileSchemas(): string[] {
  const written: string[] = [];
  for (const kind of ['sop', 'config', 'processes'] as const) {
    const text = readFileSync(schemaPath(kind), 'utf8');
    const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
    const validate = ajv.compile(JSON.parse(text) as object);
    const code = `${standaloneCode.default(ajv, validate)}\nmodule.exports.schemaHash = ${JSON.stringify(schemaHash(text))};\n`;
    const out = precompiledPath(kind);
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, code);
    written.push(out);
  }
  return written;
}
