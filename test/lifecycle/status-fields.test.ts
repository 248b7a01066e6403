import { describe, expect, it } from 'vitest';
import { stageOfData } from '../../src/model/stage.js';
import { statusFields, statusRow } from '../../src/lifecycle/status.js';

const review = { monitoringMonths: 6, evaluationMonths: 12 };

describe('statusFields', () => {
  // Odd but parseable data: what a status row shows of it must not change when the cache keeps only the fields.
  const datas: Array<Record<string, any>> = [
    { id: 'KUL-001', title: 'Contoh', unit: 'Umum', status: 'implemented', revision: 2, approval: { position: 'Sekretaris', name: 'Siti', nip: '1' }, dates: { created: '2024-01-01', effective: '2024-02-01', implemented: '2024-03-01' }, monitoring: [{ date: '2024-08-01', result: 'ok' }, { date: 'soon' }, 'x', null], evaluations: [{ date: '2025-01-05' }], steps: [{ activity: 'a' }] },
    { id: 'KUL-7', title: 12.5, unit: true, status: 'approved', revision: 1.5, approval: ['Sekretaris'], dates: 'today' },
    { id: null, title: ['a', 'b'], unit: { x: 1 }, status: null, revision: '3', approval: { position: 3, name: '  ' }, dates: { effective: 20240201 }, monitoring: 'monthly', evaluations: {} },
    { title: 'Tanpa status', approval: null, dates: null },
    { status: 'evaluated', revision: 0, dates: { effective: '2023-05-31' }, evaluations: [{ date: '2024-05-31' }, { date: '2023-12-01' }], approval: { name: 'Budi' } },
    { status: 'withdrawn', revision: 4, approval: { position: 'Ketua' } },
  ];
  for (const [i, data] of datas.entries()) {
    it(`gives the row and the stage the whole data gives (${i + 1})`, () => {
      const fields = JSON.parse(JSON.stringify(statusFields(data))) as Record<string, any>; // as the cache file keeps them
      for (const today of ['2024-01-01', '2025-06-01']) expect(statusRow({ file: 'a.yaml', data: fields }, review, today)).toEqual(statusRow({ file: 'a.yaml', data }, review, today));
      expect(stageOfData(fields)).toEqual(stageOfData(data));
    });
  }
  it('declines an id or a status that is not text', () => {
    expect(statusFields({ id: 7, status: 'draft' })).toBeUndefined();
    expect(statusFields({ status: 5 })).toBeUndefined();
    expect(statusFields({ status: ['approved'] })).toBeUndefined();
  });
});
