/** A mistake in how the command was called (exit 2). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A configuration problem (exit 2). */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** A file could not be read or written (exit 2). */
export class IoError extends Error {
  override name = 'IoError';
}

/** Errors whose message alone is shown to the user. */
export function isUserError(e: unknown): e is UsageError | ConfigError | IoError {
  return e instanceof UsageError || e instanceof ConfigError || e instanceof IoError;
}
