import { describe, expect, it } from 'vitest';
import { dayOf, DEFAULT_TIME_ZONE, isTimeZone, yearOf } from '../src/model/day.js';
import { minimalSop, tempTree } from './helpers/cli.js';
import { defaultConfig, loadConfig } from '../src/config/load.js';
import { buildView } from '../src/render/view.js';
import { sopFrom } from './render/helpers.js';
import path from 'node:path';

// 05:00 on 1 January 2025 in Jakarta (UTC+7) is still 31 December 2024 in UTC.
const NEW_YEAR_MORNING_WIB = new Date('2024-12-31T22:00:00Z');

describe('what day it is', () => {
  it('is the day in the office time zone, whatever the machine clock setting', () => {
    expect(DEFAULT_TIME_ZONE).toBe('Asia/Jakarta');
    expect(dayOf(NEW_YEAR_MORNING_WIB)).toBe('2025-01-01');
    expect(dayOf(NEW_YEAR_MORNING_WIB, 'Asia/Jakarta')).toBe('2025-01-01');
    expect(dayOf(NEW_YEAR_MORNING_WIB, 'UTC')).toBe('2024-12-31');
    expect(yearOf(NEW_YEAR_MORNING_WIB)).toBe(2025);
    expect(yearOf(NEW_YEAR_MORNING_WIB, 'UTC')).toBe(2024);
    // Just before midnight in Jakarta it is still the old day there.
    expect(dayOf(new Date('2024-12-31T16:59:59Z'), 'Asia/Jakarta')).toBe('2024-12-31');
    expect(dayOf(new Date('2024-12-31T17:00:00Z'), 'Asia/Jakarta')).toBe('2025-01-01');
  });

  it('is the day given with --today, as written', () => {
    expect(dayOf('2024-04-01', 'Pacific/Kiritimati')).toBe('2024-04-01');
    expect(yearOf('2024-04-01', 'Etc/GMT+12')).toBe(2024);
  });

  it('takes the config `timeZone` (refused at its line when unknown)', () => {
    const t = tempTree({ 'sop.config.yaml': 'locale: id\ntimeZone: Asia/Makassar\n', 'bad/sop.config.yaml': 'locale: id\ntimeZone: Asia/Malang\n' });
    try {
      expect(isTimeZone('Asia/Makassar')).toBe(true);
      expect(isTimeZone('Asia/Malang')).toBe(false);
      expect(loadConfig(path.join(t.dir, 'sop.config.yaml'), 'sop.config.yaml').timeZone).toBe('Asia/Makassar');
      expect(() => loadConfig(path.join(t.dir, 'bad/sop.config.yaml'), 'sop.config.yaml')).toThrow('sop.config.yaml:2:11 timeZone "Asia/Malang" is not a time zone');
    } finally {
      t.cleanup();
    }
  });

  it('dates the document view with the office day', () => {
    const sop = sopFrom(minimalSop());
    const config = defaultConfig('/tmp');
    expect(buildView(sop, { config, now: NEW_YEAR_MORNING_WIB }).generated).toBe('1 Januari 2025');
    expect(buildView(sop, { config: { ...config, timeZone: 'UTC' }, now: NEW_YEAR_MORNING_WIB }).generated).toBe('31 Desember 2024');
  });
});
