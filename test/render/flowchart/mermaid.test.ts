import { describe, expect, it } from 'vitest';
import { mermaidText, toMermaid } from '../../../src/render/flowchart/index.js';
import { graph } from './graphs.js';

describe('toMermaid', () => {
  const g = graph(2, [{ lane: 0 }, { lane: 1, decision: true, no: 1, labels: ['Lengkap', 'Tidak lengkap'] }, { lane: 0, decision: true, no: 'end' }, { lane: 1 }]);

  it('draws lanes as subgraphs, shapes by kind, and labelled branches', () => {
    const m = toMermaid(g, { yes: 'Ya', no: 'Tidak', end: 'Selesai' });
    expect(m).toBe(
      [
        'flowchart TD',
        '  subgraph L0["Pelaksana 1"]',
        '    S0(["1. Kegiatan 1"])',
        '    S2{"3. Kegiatan 3"}',
        '    E4(["Selesai"])',
        '  end',
        '  subgraph L1["Pelaksana 2"]',
        '    S1{"2. Kegiatan 2"}',
        '    S3(["4. Kegiatan 4"])',
        '  end',
        '  S0 --> S1',
        '  S1 -->|"Lengkap"| S2',
        '  S1 -->|"Tidak lengkap"| S0',
        '  S2 -->|"Ya"| S3',
        '  S2 -->|"Tidak"| E4',
        '',
      ].join('\n'),
    );
  });

  it('escapes text so an SOP cannot break the diagram', () => {
    const nasty = 'Cek "berkas" [A|B] {x} (y) <b>&</b> #1; `z`\nbaris';
    const input = { ...g, activities: [nasty, 'a', 'b', 'c'], lanes: [{ id: 'a', name: 'Kasubbag "TU" <x>' }, { id: 'b', name: 'end' }] };
    const m = toMermaid(input, { yes: 'Ya|ok', no: 'Tidak"]', end: 'Selesai' });
    const body = m.split('\n');
    for (const line of body) {
      // every quoted label is free of characters Mermaid or HTML would read
      for (const q of line.match(/"[^"]*"/g) ?? []) expect(q.slice(1, -1)).not.toMatch(/["<>[\]{}()|`\n]/);
      // brackets outside quotes are only the node shapes
      expect(line.replace(/"[^"]*"/g, '""')).toMatch(/^(flowchart TD|  subgraph L\d\[""\]|    [SE]\d+(\(\[""\]\)|\[""\]|\{""\})|  end|  S\d+ -->(\|""\|)? [SE]\d+|)$/);
    }
    expect(m).toContain('#quot;berkas#quot;');
    expect(m).toContain('#60;b#62;');
    expect(mermaidText('a#b')).toBe('a#35;b');
  });
});
