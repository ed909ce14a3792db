// The causal history of a record: a version vector (device id → how many edits that device has made
// to the record). Two laptops' copies of one record compare by it alone: one side's edits are "since
// the version both had" exactly when its vector dominates the other's. Wall clocks never decide
// causality (laptop clocks are wrong); they only break ties between concurrent edits. Pure.
import { z } from 'zod';

export type VersionVector = Readonly<Record<string, number>>;

export const versionVectorSchema = z.record(z.string().min(1), z.number().int().positive());

/** How version `a` stands to version `b`. */
export type Causality = 'same' | 'before' | 'after' | 'concurrent';

export function compareVersions(a: VersionVector, b: VersionVector): Causality {
  let aAhead = false;
  let bAhead = false;
  for (const device of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const ac = a[device] ?? 0;
    const bc = b[device] ?? 0;
    if (ac > bc) aAhead = true;
    else if (bc > ac) bAhead = true;
  }
  if (aAhead && bAhead) return 'concurrent';
  if (aAhead) return 'after';
  if (bAhead) return 'before';
  return 'same';
}

/** The least vector that dominates both: what a record that has seen both versions carries. */
export function joinVersions(a: VersionVector, b: VersionVector): VersionVector {
  const joined: Record<string, number> = { ...a };
  for (const [device, count] of Object.entries(b)) joined[device] = Math.max(joined[device] ?? 0, count);
  return sortedVector(joined);
}

/** One more edit by `deviceId`. */
export function bumpVersion(vector: VersionVector | undefined, deviceId: string): VersionVector {
  const base = vector ?? {};
  return sortedVector({ ...base, [deviceId]: (base[deviceId] ?? 0) + 1 });
}

/** Keys in order, so equal vectors serialise equally (conflict ids and package checksums rely on it). */
export function sortedVector(vector: VersionVector): VersionVector {
  const sorted: Record<string, number> = {};
  for (const device of Object.keys(vector).sort()) sorted[device] = vector[device]!;
  return sorted;
}

export function versionKey(vector: VersionVector): string {
  return Object.entries(sortedVector(vector))
    .map(([device, count]) => `${device}:${count}`)
    .join(',');
}
