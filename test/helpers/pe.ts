/**
 * A reader of what a Windows PE32+ executable says about itself, enough to check a standalone build: the
 * machine, the resources (type, name, bytes) and whether a signature (certificate table) is attached.
 * Throws on anything that is not a well-formed PE32+ file, so a broken build cannot pass.
 */
export interface PeResource {
  /** Numeric type (10 = RT_RCDATA) or its name. */
  type: number | string;
  /** Numeric id or name. */
  name: number | string;
  /** Language id. */
  lang: number;
  /** The resource's bytes. */
  data: Buffer;
}

export interface PeInfo {
  /** COFF machine (0x8664 = x64). */
  machine: number;
  /** Every resource of the resource table. */
  resources: PeResource[];
  /** Size of the certificate table (Authenticode signature); 0 when unsigned. */
  certificateBytes: number;
}

export function readPe(file: Buffer): PeInfo {
  const fail = (why: string): never => {
    throw new Error(`not a PE32+ executable: ${why}`);
  };
  if (file.toString('latin1', 0, 2) !== 'MZ') fail('no MZ header');
  const pe = file.readUInt32LE(0x3c);
  if (file.toString('latin1', pe, pe + 4) !== 'PE\0\0') fail('no PE signature');
  const machine = file.readUInt16LE(pe + 4);
  const sections = file.readUInt16LE(pe + 6);
  const optSize = file.readUInt16LE(pe + 20);
  const opt = pe + 24;
  if (file.readUInt16LE(opt) !== 0x20b) fail('optional header is not PE32+');
  const dirCount = file.readUInt32LE(opt + 108);
  const dir = (i: number) => (i < dirCount ? { rva: file.readUInt32LE(opt + 112 + 8 * i), size: file.readUInt32LE(opt + 116 + 8 * i) } : { rva: 0, size: 0 });
  const table = opt + optSize;
  const toOffset = (rva: number): number => {
    for (let i = 0; i < sections; i++) {
      const s = table + 40 * i;
      const va = file.readUInt32LE(s + 12);
      const raw = file.readUInt32LE(s + 16);
      if (rva >= va && rva < va + Math.max(raw, file.readUInt32LE(s + 8))) return file.readUInt32LE(s + 20) + (rva - va);
    }
    return fail(`address 0x${rva.toString(16)} lies in no section`);
  };
  const res = dir(2);
  const resources: PeResource[] = [];
  if (res.size) {
    const base = toOffset(res.rva);
    const idOrName = (field: number): number | string => {
      if (!(field & 0x80000000)) return field;
      const at = base + (field & 0x7fffffff);
      return file.toString('utf16le', at + 2, at + 2 + 2 * file.readUInt16LE(at));
    };
    const entries = (at: number) => {
      const n = file.readUInt16LE(at + 12) + file.readUInt16LE(at + 14);
      return Array.from({ length: n }, (_, i) => ({ id: idOrName(file.readUInt32LE(at + 16 + 8 * i)), to: file.readUInt32LE(at + 20 + 8 * i) }));
    };
    const sub = (to: number) => (to & 0x80000000 ? base + (to & 0x7fffffff) : fail('a directory entry points at data'));
    for (const t of entries(base)) {
      for (const n of entries(sub(t.to))) {
        for (const l of entries(sub(n.to))) {
          if (l.to & 0x80000000) fail('a language entry points at a directory');
          const entry = base + l.to;
          const at = toOffset(file.readUInt32LE(entry));
          const size = file.readUInt32LE(entry + 4);
          if (at + size > file.length) fail('a resource runs past the end of the file');
          resources.push({ type: t.id, name: n.id, lang: l.id as number, data: file.subarray(at, at + size) });
        }
      }
    }
  }
  return { machine, resources, certificateBytes: dir(4).size };
}
