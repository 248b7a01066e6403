/** Values of a message's placeholders. */
export type MessageData = Record<string, string | number>;

/** A message as data: a stable id (such as `files.noSops`) and the values of its placeholders. */
export interface MessageRef {
  id: string;
  data: MessageData;
}

/** A message for a person: its English text, with the id and data the CLI words in the run's language. */
export interface Said extends MessageRef {
  text: string;
}

/** A message with its id and data (the English text stays where the message is made). */
export const said = (text: string, id: string, data: MessageData = {}): Said => ({ id, data, text });

/** An error a person sees; `ref` lets the CLI word it in the run's language. */
abstract class UserError extends Error {
  /** Stable id of the message, when it has one. */
  readonly id?: string;
  /** Values of the message's placeholders. */
  readonly data?: MessageData;
  constructor(message: string, ref?: MessageRef) {
    super(message);
    if (ref) {
      this.id = ref.id;
      this.data = ref.data;
    }
  }
}

/** A mistake in how the command was called (exit 2). */
export class UsageError extends UserError {
  override name = 'UsageError';
}

/** A configuration problem (exit 2). */
export class ConfigError extends UserError {
  override name = 'ConfigError';
}

/** A file could not be read or written (exit 2). */
export class IoError extends UserError {
  override name = 'IoError';
}

/** Errors whose message alone is shown to the user. */
export function isUserError(e: unknown): e is UsageError | ConfigError | IoError {
  return e instanceof UsageError || e instanceof ConfigError || e instanceof IoError;
}
