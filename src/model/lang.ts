/** A language the tool's messages are worded in (CLI output and lint messages): English by default, Indonesian on request. */
export type Lang = 'en' | 'id';

/** Every supported message language. */
export const LANGS: readonly Lang[] = ['en', 'id'];
