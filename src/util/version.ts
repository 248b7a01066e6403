import { readPackageFile } from './package-files.js';

/** sopkit's version, from package.json. */
export function version(): string {
  return (JSON.parse(readPackageFile('package.json')) as { version: string }).version;
}
