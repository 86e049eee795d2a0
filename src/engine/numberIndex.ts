/**
 * An index of a ledger's document numbers, matched as normalizeKey matches them (case, width
 * and spaces ignored): which documents carry a given number.
 *
 * Built once, by the reader, while it checks numbers for duplicates, and handed to cash
 * application in the Book, so the million numbers of a large ledger are hashed once per run.
 * It is an open-addressing table of 32-bit hashes rather than a Map<string, number>: plain
 * ASCII numbers (nearly all of them) are hashed and compared with their case folded on the
 * fly, so no lower-case copy of each number is ever made.
 *
 * Every document is indexed, credit notes included; callers that want invoices only skip the
 * others while they walk a number's documents.
 *
 * A large ledger's table is split into partitions by the top bits of the hash, each a small
 * open-addressing table of its own, and filled partition by partition, so the table being
 * filled stays in cache instead of every number touching a random page of one 16 MB table
 * (`npm run bench -- engine` shows the reading time this is part of). Lookups are one probe
 * sequence in one partition.
 */
import { keyHash, sameKey } from "./read/normalize";
import { int32Column } from "./columns";
import type { NumberIndex } from "./types";

const { imul } = Math;

// The index's shape is part of the Book (engine/types.ts), which holds one; defining it there
// keeps types.ts free of imports from the modules that compute on it.
export type { NumberIndex };

/**
 * An empty index for up to `capacity` documents.
 *
 * @example
 * const index = createNumberIndex(3);
 * addNumber(index, ["INV-1", "inv-1", "INV-2"], 0) // -1: first of its number
 */
export function createNumberIndex(capacity: number): NumberIndex {
  const slots = slotsFor(capacity);
  return { table: int32Column(slots * 2), offsets: Int32Array.of(0, slots), bits: 0, capacity, next: null, tail: null };
}

/** Slots for `count` numbers: a power of two, at least twice as many, at least 16. */
function slotsFor(count: number): number {
  let slots = 16;
  while (slots < count * 2) slots *= 2;
  return slots;
}

/** Partition of a hash. */
function partitionOf(index: NumberIndex, hash: number): number {
  return index.bits === 0 ? 0 : hash >>> (32 - index.bits);
}

/**
 * Hash of a number's key (normalizeKey), mixed so that the table's low bits are usable.
 * Equal keys have equal hashes.
 *
 * @example
 * numberHash("INV-001") === numberHash(" inv-001 ") // true
 */
export function numberHash(text: string): number {
  // FNV's low bits mix poorly and the table is indexed by them: finish with murmur3's fmix32.
  let hash = keyHash(text);
  hash = imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}

/**
 * Adds document `k` (numbered `numbers[k]`) at the end of its number's chain. Returns the first
 * document that already had the number, or -1 when `k` is the first.
 *
 * @example
 * const numbers = ["INV-1", "INV-2", "inv-1"];
 * const index = createNumberIndex(numbers.length);
 * numbers.map((_, k) => addNumber(index, numbers, k)) // [-1, -1, 0]
 */
export function addNumber(index: NumberIndex, numbers: readonly string[], k: number): number {
  return insert(index, numbers, k, numberHash(numbers[k]!));
}

function insert(index: NumberIndex, numbers: readonly string[], k: number, hash: number): number {
  const { table, offsets } = index;
  const p = partitionOf(index, hash);
  const start = offsets[p]!;
  const mask = offsets[p + 1]! - start - 1;
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const at = (start + slot) << 1;
    const head = table[at]! - 1;
    if (head < 0) {
      table[at] = k + 1;
      table[at + 1] = hash;
      return -1;
    }
    // The number itself is read only when the hashes agree: documents arrive partition by
    // partition, so numbers[k] is a random read into the ledger.
    if (table[at + 1] === hash && sameKey(numbers[head]!, numbers[k]!)) {
      appendToChain(index, head, k);
      return head;
    }
  }
}

function appendToChain(index: NumberIndex, head: number, k: number): void {
  const next = (index.next ??= int32Column(index.capacity).fill(-1));
  const tail = (index.tail ??= int32Column(index.capacity).fill(-1));
  const last = tail[head]!;
  next[last < 0 ? head : last] = k;
  tail[head] = k;
}

/** Below this many documents one table stays in cache and needs no partitions. */
const PARTITION_FROM = 1 << 15;
/** Documents per partition aimed at: its table (≈ 8 bytes × 2–4 slots each) stays in L2 cache. */
const PER_PARTITION = 1 << 12;

/**
 * The index of `numbers[0 .. length)`, every number's documents chained in ledger order.
 * `onRepeat(k, first)` is called for each document whose number an earlier document had
 * (`first` is the earliest); calls come grouped by partition, in ledger order within each.
 * `hashes`, when given, holds numberHash of each number (the reader takes them while it reads).
 *
 * @example
 * const index = buildNumberIndex(["INV-1", "CN-1", "inv-1"], 3);
 * firstWithNumber(index, ["INV-1", "CN-1", "inv-1"], "Inv-1") // 0; then nextWithNumber(index, 0) is 2
 */
export function buildNumberIndex(
  numbers: readonly string[],
  length: number,
  onRepeat?: (k: number, first: number) => void,
  hashes: Int32Array = hashesOf(numbers, length),
): NumberIndex {
  let bits = 0;
  while (bits < 12 && length >> bits > PER_PARTITION && length >= PARTITION_FROM) bits++;
  const partitions = 1 << bits;
  const counts = int32Column(partitions + 1);
  for (let k = 0; k < length; k++) {
    const hash = hashes[k]!;
    const p = bits === 0 ? 0 : hash >>> (32 - bits);
    counts[p + 1] = counts[p + 1]! + 1;
  }
  // Each partition's slots, and the documents grouped by partition (stable: ledger order).
  const offsets = int32Column(partitions + 1);
  for (let p = 0; p < partitions; p++) offsets[p + 1] = offsets[p]! + slotsFor(counts[p + 1]!);
  for (let p = 0; p < partitions; p++) counts[p + 1] = counts[p + 1]! + counts[p]!;
  // Documents and their hashes in partition order, side by side, so the insert loop below
  // reads both sequentially (a hash looked up by document would be a random read per number).
  const byPartition = int32Column(length);
  const hashByPartition = int32Column(length);
  for (let k = 0; k < length; k++) {
    const hash = hashes[k]!;
    const p = bits === 0 ? 0 : hash >>> (32 - bits);
    const at = counts[p]!;
    byPartition[at] = k;
    hashByPartition[at] = hash;
    counts[p] = at + 1;
  }
  const index: NumberIndex = { table: int32Column(offsets[partitions]! * 2), offsets, bits, capacity: length, next: null, tail: null };
  for (let j = 0; j < length; j++) {
    const k = byPartition[j]!;
    const first = insert(index, numbers, k, hashByPartition[j]!);
    if (first >= 0 && onRepeat) onRepeat(k, first);
  }
  return index;
}

/**
 * numberHash of each text that `wanted` selects, 0 for the others and for null.
 *
 * @example
 * numberHashes(["INV-1", null], () => true) // Int32Array [numberHash("INV-1"), 0]
 */
export function numberHashes(texts: readonly (string | null)[], wanted: (k: number) => boolean): Int32Array {
  const hashes = int32Column(texts.length);
  for (let k = 0; k < texts.length; k++) {
    const text = texts[k];
    if (text !== null && text !== undefined && wanted(k)) hashes[k] = numberHash(text);
  }
  return hashes;
}

/** numberHash of numbers[0 .. length). */
function hashesOf(numbers: readonly string[], length: number): Int32Array {
  const hashes = int32Column(length);
  for (let k = 0; k < length; k++) hashes[k] = numberHash(numbers[k]!);
  return hashes;
}

/**
 * The first document whose number matches `text`, or -1.
 *
 * @example
 * const numbers = ["INV-1", "INV-2"];
 * firstWithNumber(buildNumberIndex(numbers, 2), numbers, " inv-2") // 1
 */
export function firstWithNumber(index: NumberIndex, numbers: readonly string[], text: string): number {
  return firstWithHash(index, numbers, text, numberHash(text));
}

/**
 * firstWithNumber for a text whose numberHash is already known (`hash`), such as a payment's
 * invoice number hashed by the reader (PaymentColumns.invoiceNumberHash).
 *
 * @example
 * const numbers = ["INV-1", "INV-2"];
 * firstWithHash(buildNumberIndex(numbers, 2), numbers, "inv-2", numberHash("inv-2")) // 1
 */
export function firstWithHash(index: NumberIndex, numbers: readonly string[], text: string, hash: number): number {
  const { table, offsets } = index;
  const p = partitionOf(index, hash);
  const start = offsets[p]!;
  const mask = offsets[p + 1]! - start - 1;
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const at = (start + slot) << 1;
    const head = table[at]! - 1;
    if (head < 0) return -1;
    if (table[at + 1] === hash && sameKey(numbers[head]!, text)) return head;
  }
}

/**
 * The document after `k` with the same number, or -1.
 *
 * @example
 * const numbers = ["INV-1", "INV-1"];
 * nextWithNumber(buildNumberIndex(numbers, 2), 0) // 1
 */
export function nextWithNumber(index: NumberIndex, k: number): number {
  return index.next === null ? -1 : index.next[k]!;
}

/**
 * firstWithHash for many texts at once: `first[q]` for each query q that `wanted(q)` selects
 * (texts[q] with its numberHash hashes[q]), -1 where no document has the number; queries not
 * wanted are left at -1 too.
 *
 * One lookup at a time probes a random slot of the whole table, and on a large ledger the table
 * is far larger than the processor's caches, so nearly every probe waits for memory. Here the
 * queries are first grouped by partition (two sequential passes over the hashes), then each
 * partition's queries probe its slots while they are in cache, partition after partition, so
 * the table is read once in order; only the candidates' numbers are then compared, in query
 * order. A candidate whose hash matches but whose number does not (two numbers sharing a hash)
 * is looked up again the usual way.
 *
 * @example
 * const numbers = ["INV-1", "INV-2"];
 * const queries = ["inv-2", "INV-9"];
 * firstWithHashes(buildNumberIndex(numbers, 2), numbers, queries, Int32Array.from(queries, numberHash), () => true) // Int32Array [1, -1]
 */
export function firstWithHashes(
  index: NumberIndex,
  numbers: readonly string[],
  texts: readonly (string | null)[],
  hashes: Int32Array,
  wanted: (q: number) => boolean,
): Int32Array {
  const count = texts.length;
  const first = int32Column(count).fill(-1);
  const { table, offsets, bits } = index;
  if (bits === 0) {
    // One partition: small enough to stay in cache, looked up directly.
    for (let q = 0; q < count; q++) {
      const text = texts[q];
      if (text !== null && text !== undefined && wanted(q)) first[q] = firstWithHash(index, numbers, text, hashes[q]!);
    }
    return first;
  }
  // The wanted queries and their hashes, grouped by partition (stable: query order within one).
  const partitions = 1 << bits;
  const shift = 32 - bits;
  const ends = int32Column(partitions + 1);
  for (let q = 0; q < count; q++) {
    const text = texts[q];
    if (text === null || text === undefined || !wanted(q)) continue;
    const p = hashes[q]! >>> shift;
    ends[p + 1] = ends[p + 1]! + 1;
  }
  for (let p = 0; p < partitions; p++) ends[p + 1] = ends[p + 1]! + ends[p]!;
  const total = ends[partitions]!;
  const queryAt = int32Column(total);
  const hashAt = int32Column(total);
  for (let q = 0; q < count; q++) {
    const text = texts[q];
    if (text === null || text === undefined || !wanted(q)) continue;
    const hash = hashes[q]!;
    const at = ends[hash >>> shift]!;
    queryAt[at] = q;
    hashAt[at] = hash;
    ends[hash >>> shift] = at + 1;
  }
  // Each partition's queries against its slots: the first slot with the query's hash, else -1.
  for (let p = 0, j = 0; p < partitions; p++) {
    const start = offsets[p]!;
    const mask = offsets[p + 1]! - start - 1;
    for (const end = ends[p]!; j < end; j++) {
      const hash = hashAt[j]!;
      for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
        const at = (start + slot) << 1;
        const head = table[at]! - 1;
        if (head < 0) break;
        if (table[at + 1] === hash) {
          first[queryAt[j]!] = head;
          break;
        }
      }
    }
  }
  // The candidates' numbers compared, in query order.
  for (let q = 0; q < count; q++) {
    const head = first[q]!;
    if (head < 0) continue;
    const text = texts[q]!;
    first[q] = sameKey(numbers[head]!, text) ? head : firstWithHash(index, numbers, text, hashes[q]!);
  }
  return first;
}
