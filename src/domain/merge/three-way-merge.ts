/**
 * Three-way merge of a record edited by two people at once (SPEC §11, no lost updates). `base` is the version both
 * started from, `mine` what this user has typed, `theirs` what was saved meanwhile. Changes made on one side only
 * are taken as they are; a field changed differently on both sides is a conflict the user decides.
 *
 * Objects are merged field by field. Arrays of objects that carry a key (e.g. `personId`) are merged element by
 * element; other arrays (lists of specialists, tags…) are one value each.
 */

/** One step of a path: an object field, or the element of a keyed array with that key's value. */
export type PathStep = string | { key: string; value: string };
/** Where a value sits in the record. */
export type MergePath = readonly PathStep[];

/** A field changed differently by both sides. */
export type MergeConflict = { path: MergePath; id: string; base: unknown; mine: unknown; theirs: unknown };

/** What the merge found: the merged record with `theirs` taken for every conflict until the user decides. */
export type MergeResult<T> = { merged: T; conflicts: MergeConflict[]; takenFromMine: number; takenFromTheirs: number };

/** The field names that identify an element of an array of objects. */
const arrayKeys = ['personId', 'id', 'code', 'key'] as const;

type Leaf = { path: MergePath; value: unknown };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function keyOf(list: unknown[]): string | null {
  if (list.length === 0 || !list.every(isObject)) return null;
  return arrayKeys.find((k) => list.every((x) => typeof (x as Record<string, unknown>)[k] === 'string')) ?? null;
}

/** A stable text form of a path (for ids and maps). */
export function pathId(path: MergePath): string {
  return path.map((s) => (typeof s === 'string' ? s : `[${s.key}=${s.value}]`)).join('.');
}

function flatten(value: unknown, path: PathStep[], out: Map<string, Leaf>, keyHints: Map<string, string>): void {
  if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, [...path, k], out, keyHints);
    if (Object.keys(value).length === 0) out.set(pathId(path), { path, value });
    return;
  }
  if (Array.isArray(value)) {
    const key = keyHints.get(pathId(path)) ?? keyOf(value);
    if (key) {
      for (const item of value as Array<Record<string, unknown>>) flatten(item, [...path, { key, value: String(item[key]) }], out, keyHints);
      return;
    }
  }
  out.set(pathId(path), { path, value });
}

/** Keyed arrays found on any side, so all three are flattened the same way. */
function collectKeys(value: unknown, path: PathStep[], hints: Map<string, string>): void {
  if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) collectKeys(v, [...path, k], hints);
    return;
  }
  if (Array.isArray(value)) {
    const key = keyOf(value);
    if (!key) return;
    hints.set(pathId(path), key);
    for (const item of value as Array<Record<string, unknown>>) collectKeys(item, [...path, { key, value: String(item[key]) }], hints);
  }
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Writes `value` at `path` inside `target` (a deep copy being built), creating keyed elements from `source` when absent. */
export function setAtPath(target: unknown, path: MergePath, value: unknown, source?: unknown): unknown {
  const [step, ...rest] = path;
  if (step === undefined) return structuredClone(value);
  if (typeof step === 'string') {
    const obj = isObject(target) ? target : {};
    const from = isObject(source) ? source[step] : undefined;
    if (value === undefined && rest.length === 0) {
      delete obj[step];
      return obj;
    }
    obj[step] = setAtPath(obj[step], rest, value, from);
    return obj;
  }
  const list = Array.isArray(target) ? target : [];
  const match = (x: unknown) => isObject(x) && String(x[step.key]) === step.value;
  const fromItem = Array.isArray(source) ? source.find(match) : undefined;
  const at = list.findIndex(match);
  if (at === -1) {
    if (value === undefined) return list;
    list.push(setAtPath(structuredClone(fromItem ?? { [step.key]: step.value }), rest, value, fromItem));
    return list;
  }
  list[at] = setAtPath(list[at], rest, value, fromItem);
  return list;
}

/** Merges `mine` and `theirs`, both edited from `base`. */
export function threeWayMerge<T>(base: T, mine: T, theirs: T): MergeResult<T> {
  const hints = new Map<string, string>();
  for (const side of [base, mine, theirs]) collectKeys(side, [], hints);
  const flat = (v: unknown) => {
    const out = new Map<string, Leaf>();
    flatten(v, [], out, hints);
    return out;
  };
  const b = flat(base);
  const m = flat(mine);
  const t = flat(theirs);
  let merged = structuredClone(theirs) as unknown;
  const conflicts: MergeConflict[] = [];
  let takenFromMine = 0;
  let takenFromTheirs = 0;
  const ids = new Set([...b.keys(), ...m.keys(), ...t.keys()]);
  for (const id of ids) {
    const path = (m.get(id) ?? t.get(id) ?? b.get(id))?.path ?? [];
    const bv = b.get(id)?.value;
    const mv = m.get(id)?.value;
    const tv = t.get(id)?.value;
    const mineChanged = !same(mv, bv);
    const theirsChanged = !same(tv, bv);
    if (!mineChanged) {
      if (theirsChanged) takenFromTheirs += 1;
      continue;
    }
    if (!theirsChanged || same(mv, tv)) {
      if (!same(mv, tv)) {
        merged = setAtPath(merged, path, mv, mine);
        takenFromMine += 1;
      }
      continue;
    }
    conflicts.push({ path, id, base: bv, mine: mv, theirs: tv });
  }
  return { merged: merged as T, conflicts, takenFromMine, takenFromTheirs };
}

/** Applies the user's choices (conflict id → 'mine' | 'theirs') to a merge result. */
export function resolveMerge<T>(result: MergeResult<T>, mine: T, choices: Readonly<Record<string, 'mine' | 'theirs'>>): T {
  let out = structuredClone(result.merged) as unknown;
  for (const c of result.conflicts) {
    if (choices[c.id] === 'mine') out = setAtPath(out, c.path, c.mine, mine);
  }
  return out as T;
}

/**
 * The fields where `mine` differs from `theirs` (same flattening as the merge), each as a conflict whose `base` is
 * `theirs`: what a small form shows side by side when the user chooses between keeping their values and taking the saved ones.
 */
export function differingFields<T>(mine: T, theirs: T): MergeConflict[] {
  const hints = new Map<string, string>();
  for (const side of [mine, theirs]) collectKeys(side, [], hints);
  const m = new Map<string, Leaf>();
  const t = new Map<string, Leaf>();
  flatten(mine, [], m, hints);
  flatten(theirs, [], t, hints);
  const out: MergeConflict[] = [];
  for (const id of new Set([...m.keys(), ...t.keys()])) {
    const mv = m.get(id)?.value;
    const tv = t.get(id)?.value;
    if (same(mv, tv)) continue;
    out.push({ path: (m.get(id) ?? t.get(id))?.path ?? [], id, base: tv, mine: mv, theirs: tv });
  }
  return out;
}
