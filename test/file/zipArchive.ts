/**
 * Test support: ZIP archives written byte by byte, so a test can build a package Excel would
 * save (deflated parts) or one it never would (stored or raw parts, odd flags, sizes that lie).
 */
import { crc32, deflateRawSync } from "node:zlib";

/** One ZIP entry: deflated from `data` (or stored, with method 0), or given as raw compressed bytes. */
export interface ZipPart {
  name: string;
  data?: Buffer;
  raw?: Buffer;
  method?: number;
  flags?: number;
  /** Declared uncompressed size (raw parts), never trusted by the reader. */
  size?: number;
}

/**
 * A ZIP archive from parts, in their order: local headers and bodies, central directory, end record.
 *
 * @example
 * zipArchive([{ name: "xl/workbook.xml", data: Buffer.from("<workbook/>") }]); // one deflated part
 */
export function zipArchive(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const method = part.method ?? 8;
    const body = part.raw ?? (method === 8 ? deflateRawSync(part.data ?? Buffer.alloc(0)) : (part.data ?? Buffer.alloc(0)));
    const name = Buffer.from(part.name, "utf8");
    const size = part.size ?? part.data?.length ?? body.length;
    const crc = part.data ? crc32(part.data) : 0;
    // The local header and the directory entry hold the same fields (flags to name length),
    // the directory's two bytes further on; times, dates and extra fields stay zero.
    const entryFields = (header: Buffer, at: number): Buffer => {
      header.writeUInt16LE(part.flags ?? 0, at);
      header.writeUInt16LE(method, at + 2);
      header.writeUInt32LE(crc >>> 0, at + 8);
      header.writeUInt32LE(body.length, at + 12);
      header.writeUInt32LE(size >>> 0, at + 16);
      header.writeUInt16LE(name.length, at + 20);
      return header;
    };
    const local = entryFields(Buffer.alloc(30), 6);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    const central = entryFields(Buffer.alloc(46), 8);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6); // version needed
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
