// Message templates: `{{name}}` placeholders filled from a diagnostic's data (the model words its own problems with them too).
export { interpolate, placeholders } from '../../model/messages.js';
