/**
 * The order of document numbers as people read them (INV-9 before INV-10), used to order
 * invoices of the same due date for oldest-due-first application.
 */
import { codeUnit, foldCase } from "../read/normalize";
import { compareText } from "./sort";

/**
 * Orders document numbers as people read them: digit runs by value, so INV-9 < INV-10;
 * other characters case-insensitively, then exactly. Only the sign of the result counts.
 *
 * Numbers of one series (same length, same prefix) are decided at the first code unit where
 * they differ, without walking their digit runs: a million-invoice book compares a few
 * hundred thousand such pairs when it orders ties, and each read of a character is a call.
 *
 * @example
 * compareDocumentNumbers("INV-9", "INV-10") < 0        // true
 * compareDocumentNumbers("INV-0012", "INV-0009") > 0  // true
 * compareDocumentNumbers("inv-1", "INV-1") > 0        // true ("I" < "i" once all else ties)
 */
export function compareDocumentNumbers(a: string, b: string): number {
  const length = a.length;
  if (length === b.length) {
    let k = 0;
    while (k < length && codeUnit(a, k) === codeUnit(b, k)) k++;
    if (k === length) return 0;
    const ca = codeUnit(a, k);
    const cb = codeUnit(b, k);
    if (isDigit(ca) && isDigit(cb)) {
      // Everything before k is the same, so the two digit runs through k start together; if they
      // also end together they have equal lengths, and equal-length digit runs order by value
      // exactly as they order character by character.
      let end = k + 1;
      while (end < length && isDigit(codeUnit(a, end)) && isDigit(codeUnit(b, end))) end++;
      if (end === length || (!isDigit(codeUnit(a, end)) && !isDigit(codeUnit(b, end)))) return ca < cb ? -1 : 1;
    } else if (k === 0 || !isDigit(codeUnit(a, k - 1)) || (!isDigit(ca) && !isDigit(cb))) {
      // Not inside a digit run that one side continues: the characters at k decide, unless they
      // differ only in case.
      const la = foldCase(ca);
      const lb = foldCase(cb);
      if (la !== lb) return la - lb;
    }
  }
  return compareDocumentNumbersInFull(a, b);
}

/** compareDocumentNumbers by walking both numbers run by run: the general case. */
function compareDocumentNumbersInFull(a: string, b: string): number {
  const aLength = a.length;
  const bLength = b.length;
  let i = 0;
  let j = 0;
  while (i < aLength && j < bLength) {
    const ca = codeUnit(a, i);
    const cb = codeUnit(b, j);
    if (isDigit(ca) && isDigit(cb)) {
      // Compare the digit runs by value without copying them: skip leading zeros, then the
      // longer run is larger, and equal lengths compare digit by digit.
      let si = i;
      let sj = j;
      while (si < aLength && codeUnit(a, si) === 48) si++;
      while (sj < bLength && codeUnit(b, sj) === 48) sj++;
      let ei = si;
      let ej = sj;
      while (ei < aLength && isDigit(codeUnit(a, ei))) ei++;
      while (ej < bLength && isDigit(codeUnit(b, ej))) ej++;
      if (ei - si !== ej - sj) return ei - si - (ej - sj);
      for (let d = 0; d < ei - si; d++) {
        const x = codeUnit(a, si + d);
        const y = codeUnit(b, sj + d);
        if (x !== y) return x < y ? -1 : 1;
      }
      i = ei;
      j = ej;
      continue;
    }
    const la = foldCase(ca);
    const lb = foldCase(cb);
    if (la !== lb) return la - lb;
    i++;
    j++;
  }
  return aLength - i - (bLength - j) || compareText(a, b);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
