import { describe, expect, it } from 'vitest';
import { nextNumber, patternSlots } from '../../src/app/scaffold/numbering.js';

const KPU = '^\\d{3}/SOP/[A-Z]+/KPU-Kot/(I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)/\\d{4}$';
const date = { year: 2026, month: 12 };

describe('nextNumber', () => {
  const cases: Array<{ name: string; pattern: string; existing?: string[]; unitCode?: string; want: string | undefined }> = [
    { name: 'KPU pattern, empty repository', pattern: KPU, want: '001/SOP/KUL/KPU-Kot/XII/2026' },
    { name: 'KPU pattern: one more than the unit\'s highest', pattern: KPU, existing: ['004/SOP/KUL/KPU-Kot/IX/2026', '015/SOP/KUL/KPU-Kot/XII/2025', '020/SOP/TPH/KPU-Kot/I/2025'], want: '016/SOP/KUL/KPU-Kot/XII/2026' },
    { name: 'other units count on their own', pattern: KPU, existing: ['015/SOP/KUL/KPU-Kot/XII/2025'], unitCode: 'PDI', want: '001/SOP/PDI/KPU-Kot/XII/2026' },
    { name: 'the schema example ([IVX]+)', pattern: '^\\d{3}/SOP/[A-Z]+/KPU-Kot/[IVX]+/\\d{4}$', want: '001/SOP/KUL/KPU-Kot/XII/2026' },
    { name: 'numeric month and escaped slashes', pattern: '^SOP\\/\\d{2}\\/(0[1-9]|1[0-2])\\/\\d{4}$', existing: ['SOP/07/03/2025'], want: 'SOP/08/12/2026' },
    { name: 'no unit slot: one sequence for all', pattern: '^\\d+/SOP/\\d{4}$', existing: ['9/SOP/2024', '12/SOP/2025'], want: '13/SOP/2026' },
    { name: 'a shape it cannot read: follows the highest existing number', pattern: '^(A|B)-\\d{3}$', existing: ['A-007', 'B-009'], want: 'B-010' },
    { name: 'a shape it cannot read and nothing to follow: no number', pattern: '^(A|B)-\\d{3}$', want: undefined },
    { name: 'a pattern of something else: no number', pattern: '^[a-z]+$', want: undefined },
    { name: 'existing numbers that do not match are ignored', pattern: KPU, existing: ['999/SOP/KUL/lama'], want: '001/SOP/KUL/KPU-Kot/XII/2026' },
  ];
  it.each(cases)('$name', ({ pattern, existing = [], unitCode = 'KUL', want }) => {
    const got = nextNumber({ pattern, existing, unitCode, date });
    expect(got).toBe(want);
    if (got) expect(new RegExp(pattern).test(got)).toBe(true);
  });

  it('reads the plain shape as slots', () => {
    expect(patternSlots(KPU)?.map((s) => s.kind)).toEqual(['seq', 'text', 'unit', 'text', 'roman', 'text', 'year']);
    expect(patternSlots('^foo(bar)?$')).toBeUndefined();
  });
});
