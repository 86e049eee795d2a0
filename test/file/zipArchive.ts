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
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(part.flags ?? 0, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(part.flags ?? 0, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
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
