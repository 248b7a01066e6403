import type { Unit } from '../../config/types.js';
import { UsageError } from '../../util/errors.js';

/** The four subbagian of a KPU Kabupaten/Kota secretariat: `sop init`'s default units. */
export const KPU_UNITS: readonly Unit[] = [
  { code: 'KUL', name: 'Subbagian Keuangan, Umum dan Logistik' },
  { code: 'TPH', name: 'Subbagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat' },
  { code: 'PDI', name: 'Subbagian Perencanaan, Data dan Informasi' },
  { code: 'HSDM', name: 'Subbagian Hukum dan Sumber Daya Manusia' },
];

/** Words left out of a unit's derived code. */
const MINOR = new Set(['subbagian', 'sub', 'bagian', 'seksi', 'bidang', 'dan', 'and', 'of', 'the', 'untuk', 'serta', 'atau', 'di']);

/** A code from a unit's name: the initials of its significant words (`Subbagian Keuangan, Umum dan Logistik` → `KUL`). */
export function codeFromName(name: string): string {
  const words = name.split(/[^\p{L}\p{N}]+/u).filter((w) => w && !MINOR.has(w.toLowerCase()));
  const code = words
    .map((w) => w[0]!.toUpperCase())
    .join('')
    .replace(/[^A-Z0-9]/g, '');
  return /^[A-Z]/.test(code) ? code : `U${code}`;
}

/**
 * A `--unit` value: `CODE=Name` (`KUL=Subbagian Keuangan, Umum dan Logistik`), a bare name (code from its
 * initials) or a code alone that names a KPU default unit (`KUL`).
 */
export function parseUnit(value: string): Unit {
  const text = value.trim();
  const eq = /^([A-Za-z][A-Za-z0-9]*)\s*=\s*(.+)$/.exec(text);
  if (eq) return { code: eq[1]!.toUpperCase(), name: eq[2]!.trim() };
  const known = KPU_UNITS.find((u) => u.code === text.toUpperCase() || u.name.toLowerCase() === text.toLowerCase());
  if (known) return { ...known };
  if (!text) throw new UsageError('--unit needs a value: CODE=Name (e.g. KUL=Subbagian Keuangan, Umum dan Logistik) or a name.', { id: 'init.unitEmpty', data: {} });
  return { code: codeFromName(text), name: text };
}

/** Parse every `--unit` value; two units with one code are a usage error. */
export function parseUnits(values: readonly string[]): Unit[] {
  const units = values.map(parseUnit);
  const seen = new Map<string, string>();
  for (const u of units) {
    const other = seen.get(u.code);
    if (other !== undefined) throw new UsageError(`Two units have the code ${u.code} ("${other}" and "${u.name}"); give one a code of its own: --unit "CODE=${u.name}".`, { id: 'init.unitCodeTwice', data: { code: u.code, first: other, second: u.name } });
    seen.set(u.code, u.name);
  }
  return units;
}
