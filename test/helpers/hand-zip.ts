/** A zip written byte by byte, so a test can make its headers say anything (sizes, CRCs, methods). */

export interface HandEntry {
  readonly name: string;
  /** The bytes as stored (already deflated for method 8). */
  readonly stored: Buffer;
  readonly method: 0 | 8;
  /** What the headers claim: an attacker may lie. */
  readonly size: number;
  readonly crc: number;
}

export interface HandZipOptions {
  /** Set the UTF-8 name flag (bit 11). */
  readonly utf8Names?: boolean;
  /** DOS time and date fields (the package reader pins them). */
  readonly dosTime?: number;
  readonly dosDate?: number;
}

export function handZip(entries: readonly HandEntry[], options: HandZipOptions = {}): Buffer {
  const flags = options.utf8Names ? 0x0800 : 0;
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const size = Math.min(entry.size, 0xffffffff);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt16LE(options.dosTime ?? 0, 10);
    local.writeUInt16LE(options.dosDate ?? 0, 12);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.stored.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt16LE(options.dosTime ?? 0, 12);
    central.writeUInt16LE(options.dosDate ?? 0, 14);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.stored.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.stored);
    centrals.push(central, name);
    offset += 30 + name.length + entry.stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
