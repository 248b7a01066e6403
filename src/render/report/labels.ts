import type { Locale } from '../../config/types.js';
import type { Criterion, EvaluationDecision } from '../../model/types.js';
import { CRITERION_LABELS } from '../../lifecycle/records.js';

/** Words of the printed forms, register and evidence pack. */
export interface ReportLabels {
  /** Form titles. */
  monitoringTitle: string;
  evaluationTitle: string;
  recapTitle: string;
  attendanceTitle: string;
  registerTitle: string;
  /** Header fields. */
  unit: string;
  allUnits: string;
  period: string;
  semester: string;
  year: string;
  /** Monitoring form columns. */
  no: string;
  procedure: string;
  assessment: string;
  good: string;
  poor: string;
  notes: string;
  action: string;
  initials: string;
  method: string;
  notMonitored: string;
  due: string;
  /** Signature blocks. */
  assessor: string;
  acknowledged: string;
  secretary: string;
  nip: string;
  /** Evaluation worksheet. */
  evaluator: string;
  date: string;
  question: string;
  yes: string;
  no_: string;
  decision: string;
  decisions: Record<EvaluationDecision, string>;
  criteria: Record<Criterion, string>;
  meeting: string;
  minutes: string;
  attendanceList: string;
  followUp: string;
  followUpNone: string;
  followUpRevision: string;
  notEvaluated: string;
  evaluated: string;
  total: string;
  /** Attendance list. */
  place: string;
  audience: string;
  attendees: string;
  name: string;
  position: string;
  signature: string;
  /** Register. */
  title: string;
  number: string;
  process: string;
  processName: string;
  /** The coverage chart of the business process map. */
  mapCoverage: string;
  wholeMap: string;
  covered: string;
  uncovered: string;
  stage: string;
  revision: string;
  effective: string;
  lastSocialization: string;
  lastMonitoring: string;
  lastEvaluation: string;
  nextDue: string;
  overdue: string;
  stages: Record<string, string>;
  results: { good: string; poor: string };
  none: string;
  monitoring: string;
  evaluation: string;
}


const ID: ReportLabels = {
  monitoringTitle: 'MONITORING PELAKSANAAN SOP AP',
  evaluationTitle: 'EVALUASI PENERAPAN SOP AP',
  recapTitle: 'REKAPITULASI EVALUASI PENERAPAN SOP AP',
  attendanceTitle: 'DAFTAR HADIR SOSIALISASI SOP',
  registerTitle: 'REGISTER SOP',
  unit: 'Unit Kerja',
  allUnits: 'Seluruh unit kerja',
  period: 'Periode',
  semester: 'Semester',
  year: 'Tahun',
  no: 'No',
  procedure: 'Prosedur',
  assessment: 'Penilaian Terhadap Penerapan',
  good: 'Berjalan dengan baik',
  poor: 'Tidak berjalan dengan baik',
  notes: 'Catatan Hasil Penilaian',
  action: 'Tindakan yang Harus Diambil',
  initials: 'Paraf Penilai',
  method: 'Metode',
  notMonitored: 'Belum dimonitor',
  due: 'jatuh tempo',
  assessor: 'Penilai',
  acknowledged: 'Mengetahui,',
  secretary: 'Sekretaris',
  nip: 'NIP.',
  evaluator: 'Evaluator',
  date: 'Tanggal',
  question: 'Kriteria Penilaian',
  yes: 'Ya',
  no_: 'Tidak',
  decision: 'Keputusan',
  decisions: { keep: 'Dipertahankan', revise: 'Direvisi', withdraw: 'Dicabut' },
  criteria: CRITERION_LABELS,
  meeting: 'Rapat evaluasi',
  minutes: 'Notulen',
  attendanceList: 'Daftar hadir',
  followUp: 'Tindak Lanjut',
  followUpNone: 'Belum ditindaklanjuti',
  followUpRevision: 'Revisi',
  notEvaluated: 'Belum dievaluasi',
  evaluated: 'Dievaluasi',
  total: 'Jumlah',
  place: 'Tempat',
  audience: 'Peserta',
  attendees: 'Jumlah peserta',
  name: 'Nama',
  position: 'Jabatan / Unit Kerja',
  signature: 'Tanda Tangan',
  title: 'Nama SOP',
  number: 'Nomor SOP',
  process: 'Proses',
  processName: 'Nama Proses',
  mapCoverage: 'Cakupan Peta Proses Bisnis',
  wholeMap: 'Seluruh peta proses',
  covered: 'Memiliki SOP berlaku',
  uncovered: 'Belum memiliki SOP berlaku',
  stage: 'Tahap',
  revision: 'Revisi',
  effective: 'Tanggal Efektif',
  lastSocialization: 'Sosialisasi terakhir',
  lastMonitoring: 'Monitoring terakhir',
  lastEvaluation: 'Evaluasi terakhir',
  nextDue: 'Jatuh tempo berikutnya',
  overdue: 'Terlambat',
  stages: { draft: 'Konsep', approved: 'Ditetapkan', implemented: 'Diterapkan', evaluated: 'Dievaluasi', withdrawn: 'Dicabut' },
  results: { good: 'Baik', poor: 'Tidak baik' },
  none: '—',
  monitoring: 'Monitoring',
  evaluation: 'Evaluasi',
};

const EN: ReportLabels = {
  monitoringTitle: 'SOP IMPLEMENTATION MONITORING',
  evaluationTitle: 'SOP IMPLEMENTATION EVALUATION',
  recapTitle: 'SOP EVALUATION RECAP',
  attendanceTitle: 'SOP SOCIALISATION ATTENDANCE LIST',
  registerTitle: 'SOP REGISTER',
  unit: 'Unit',
  allUnits: 'All units',
  period: 'Period',
  semester: 'Semester',
  year: 'Year',
  no: 'No',
  procedure: 'Procedure',
  assessment: 'Assessment of the implementation',
  good: 'Runs well',
  poor: 'Does not run well',
  notes: 'Findings',
  action: 'Action to take',
  initials: 'Assessor\'s initials',
  method: 'Method',
  notMonitored: 'Not monitored',
  due: 'due',
  assessor: 'Assessor',
  acknowledged: 'Acknowledged,',
  secretary: 'Secretary',
  nip: 'NIP',
  evaluator: 'Evaluator',
  date: 'Date',
  question: 'Criterion',
  yes: 'Yes',
  no_: 'No',
  decision: 'Decision',
  decisions: { keep: 'Keep', revise: 'Revise', withdraw: 'Withdraw' },
  criteria: {
    improvesPerformance: 'Drives performance improvement',
    easyToUnderstand: 'Easy to understand',
    easyToApply: 'Easy to apply',
    rolesClear: 'Everyone can play their role',
    solvesProblems: 'Resolves problems of the process',
    meetsNeeds: 'Meets the organisation\'s need for better performance',
    synergy: 'Works in synergy with the others',
  },
  meeting: 'Evaluation meeting',
  minutes: 'Minutes',
  attendanceList: 'Attendance list',
  followUp: 'Follow-up',
  followUpNone: 'Not followed up yet',
  followUpRevision: 'Revision',
  notEvaluated: 'Not evaluated',
  evaluated: 'Evaluated',
  total: 'Total',
  place: 'Place',
  audience: 'Audience',
  attendees: 'Attendees',
  name: 'Name',
  position: 'Position / Unit',
  signature: 'Signature',
  title: 'SOP title',
  number: 'SOP number',
  process: 'Process',
  processName: 'Process name',
  mapCoverage: 'Coverage of the business process map',
  wholeMap: 'Whole process map',
  covered: 'With an SOP in force',
  uncovered: 'Without an SOP in force',
  stage: 'Stage',
  revision: 'Revision',
  effective: 'Effective date',
  lastSocialization: 'Last socialisation',
  lastMonitoring: 'Last monitoring',
  lastEvaluation: 'Last evaluation',
  nextDue: 'Next due',
  overdue: 'Overdue',
  stages: { draft: 'Draft', approved: 'Approved', implemented: 'Implemented', evaluated: 'Evaluated', withdrawn: 'Withdrawn' },
  results: { good: 'Good', poor: 'Poor' },
  none: '—',
  monitoring: 'Monitoring',
  evaluation: 'Evaluation',
};

/** The report words of a locale. */
export const REPORT_LABELS: Record<Locale, ReportLabels> = { id: ID, en: EN };
