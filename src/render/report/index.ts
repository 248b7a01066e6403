// The printed forms of penerapan and evaluasi, the register and its dashboard (loaded lazily by `sop report`).
import type { Locale } from '../../config/types.js';
import type { Period } from '../../lifecycle/period.js';
import { REPORT_LABELS } from './labels.js';
import { periodLabel } from './render.js';

export { renderMonitoringForm, renderEvaluationForms, renderAttendance, periodLabel, followUpText } from './render.js';
export { printHtml, reportSheet, reportPageCss } from './print.js';
export { REPORT_LABELS } from './labels.js';
export { registerOf, registerCsv, registerXlsx, registerColumns, type Register, type RegisterRow } from './register.js';
export { renderDashboard, stageCounts, reviewCounts } from './dashboard.js';
export { recordEvidence, shares, packIndex, ITEMS, type PackFile, type PackLink, type Item, type Share } from './evidence.js';

/** The running footer of a printed form. */
export function footerOf(form: string, period: Period, locale: Locale): string {
  const l = REPORT_LABELS[locale];
  const title = { monitoring: l.monitoringTitle, evaluation: l.evaluationTitle, attendance: l.attendanceTitle, register: l.registerTitle }[form] ?? form;
  return form === 'attendance' ? title : `${title} — ${periodLabel(period, locale)}`;
}
