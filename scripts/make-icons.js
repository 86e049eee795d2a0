#!/usr/bin/env node
/**
 * Draws AR Desk's add-in icons (assets/icon-16.png … icon-128.png) without any image library:
 * a rounded blue tile with a white ledger sheet whose rows end in aging bars of falling length.
 * Shapes are described in a 0..1 coordinate space and rendered with 4×4 supersampling, then
 * written as RGBA PNGs with zlib. Run `node scripts/make-icons.js` after changing the design;
 * the PNGs are committed so builds need nothing but Node.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const OUT_DIR = path.join(__dirname, "..", "assets");

/** Colours (sRGB). Fluent brand blue tile, white sheet, brand tints for the bars. */
const TILE = [15, 108, 189]; // #0F6CBD
const TILE_DARK = [17, 94, 163]; // #115EA3 (lower edge)
const SHEET = [255, 255, 255];
const RULE = [200, 216, 235];
const BARS = [
  [15, 108, 189], // current
  [71, 158, 245], // 1–30
  [232, 145, 36], // 31–60
  [209, 52, 56], // 61+
];

/** Signed distance to a rounded rectangle (negative inside). */
function roundRect(x, y, x0, y0, x1, y1, r) {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const hw = (x1 - x0) / 2 - r;
  const hh = (y1 - y0) / 2 - r;
  const dx = Math.abs(x - cx) - hw;
  const dy = Math.abs(y - cy) - hh;
  const ox = Math.max(dx, 0);
  const oy = Math.max(dy, 0);
  return Math.sqrt(ox * ox + oy * oy) + Math.min(Math.max(dx, dy), 0) - r;
}

/**
 * Layers painted back to front: each returns a colour when (x, y) lies inside it, else null.
 * Small sizes drop the thin ruling lines, which would only blur at 16 px.
 */
function layers(size) {
  const small = size < 32;
  const list = [];
  // Tile with a subtle darker lower band.
  list.push((x, y) => (roundRect(x, y, 0.02, 0.02, 0.98, 0.98, 0.18) <= 0 ? (y > 0.8 ? TILE_DARK : TILE) : null));
  // Ledger sheet.
  const sx0 = small ? 0.16 : 0.2;
  const sx1 = small ? 0.84 : 0.8;
  const sy0 = small ? 0.14 : 0.16;
  const sy1 = small ? 0.86 : 0.84;
  list.push((x, y) => (roundRect(x, y, sx0, sy0, sx1, sy1, small ? 0.05 : 0.06) <= 0 ? SHEET : null));
  // Four rows, each an aging bar; bar lengths fall like an aging profile.
  const lengths = [0.86, 0.64, 0.46, 0.3];
  const innerX0 = sx0 + (small ? 0.08 : 0.08);
  const innerX1 = sx1 - (small ? 0.08 : 0.08);
  const top = sy0 + (small ? 0.1 : 0.11);
  const bottom = sy1 - (small ? 0.1 : 0.11);
  const pitch = (bottom - top) / lengths.length;
  const barH = pitch * (small ? 0.62 : 0.52);
  lengths.forEach((len, i) => {
    const y0 = top + i * pitch + (pitch - barH) / 2;
    const y1 = y0 + barH;
    const x1 = innerX0 + (innerX1 - innerX0) * len;
    if (!small) {
      // Ruling line under each row, across the whole sheet.
      const ly = top + (i + 1) * pitch - 0.004;
      list.push((x, y) => (x >= innerX0 && x <= innerX1 && Math.abs(y - ly) <= 0.006 && i < lengths.length - 1 ? RULE : null));
    }
    list.push((x, y) => (roundRect(x, y, innerX0, y0, x1, y1, barH * 0.25) <= 0 ? BARS[i] : null));
  });
  return list;
}

/** Renders one icon as RGBA bytes (premultiplied coverage averaged over 4×4 samples). */
function render(size) {
  const ss = 4;
  const paint = layers(size);
  const out = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const x = (px + (sx + 0.5) / ss) / size;
          const y = (py + (sy + 0.5) / ss) / size;
          let colour = null;
          for (const layer of paint) {
            const c = layer(x, y);
            if (c) colour = c;
          }
          if (colour) {
            r += colour[0];
            g += colour[1];
            b += colour[2];
            a += 1;
          }
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        out[o] = Math.round(r / a);
        out[o + 1] = Math.round(g / a);
        out[o + 2] = Math.round(b / a);
        out[o + 3] = Math.round((a / (ss * ss)) * 255);
      }
    }
  }
  return out;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes RGBA pixels as a PNG (colour type 6, 8 bits, filter 0 on every row). */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(OUT_DIR, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, render(size)));
    console.log(`${path.relative(process.cwd(), file)} ${size}x${size}`);
  }
}

if (require.main === module) main();

module.exports = { render, encodePng };
