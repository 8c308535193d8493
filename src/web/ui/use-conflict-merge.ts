import { useCallback, useRef, useState } from 'react';
import { resolveMerge, threeWayMerge, type MergeResult } from '#domain/merge/three-way-merge.ts';
import { isApiError } from './api-client.ts';

/** What is stored now, as the form edits it; null when the record can no longer be edited (completed, removed). */
export type CurrentRecord<T> = { value: T; version: number; updatedAt?: string | null } | null;

/**
 * After a 409 `version_conflict`: `loading` — the current record is being fetched; `choose` — fields both people
 * changed wait for the user (the rest is merged, in `result.merged`); `gone` — the record can no longer be edited;
 * `failed` — the current record could not be loaded.
 */
export type ConflictState<T> =
  | { kind: 'loading' }
  | { kind: 'choose'; result: MergeResult<T>; mine: T; theirs: T; version: number; updatedAt: string | null }
  | { kind: 'gone' }
  | { kind: 'failed' };

/** Called with the record to put into the form and the version it is now based on; `save` says whether to save it at once. */
export type AdoptMerged<T> = (value: T, version: number, how: { save: boolean; source: 'merged' | 'mine' | 'theirs' }) => void;

/**
 * No lost updates in a form (SPEC §11, issue 8 item 5): when a save answers 409, call `onConflict(error, base, mine)`
 * with the record as the form loaded it (`base`) and as the user has it now (`mine`). The hook loads what is stored
 * now (`theirs`, via `load`) and merges the three: changes on one side only are taken as they are; when nothing
 * conflicts the merged record is handed to `adopt` to be saved at once, otherwise `state` is `choose` and the
 * form shows `<ConflictMerge>` (big documents: a choice per field) or `<ConflictChoice>` (small forms: keep mine /
 * take theirs, both shown). Every way out goes through `adopt`, based on the current version.
 *
 * ```ts
 * const conflict = useConflictMerge(async () => ({ value: toDraft(await fetchIt(id)), version: …, updatedAt: … }), adopt);
 * …catch (e) { if (!conflict.onConflict(e, baseRef.current, draft)) setError(e); }
 * ```
 */
export function useConflictMerge<T>(load: () => Promise<CurrentRecord<T>>, adopt: AdoptMerged<T>) {
  const [state, setState] = useState<ConflictState<T> | null>(null);
  const [mergedNotice, setMergedNotice] = useState(false);
  const [tookTheirs, setTookTheirs] = useState(false);
  const [settled, setSettled] = useState(false);
  const pending = useRef<{ base: T; mine: T } | null>(null);
  const loadRef = useRef(load);
  loadRef.current = load;
  const adoptRef = useRef(adopt);
  adoptRef.current = adopt;

  const run = useCallback(async () => {
    const p = pending.current;
    if (!p) return;
    setState({ kind: 'loading' });
    let current: CurrentRecord<T>;
    try {
      current = await loadRef.current();
    } catch {
      setState({ kind: 'failed' });
      return;
    }
    if (current === null) {
      setState({ kind: 'gone' });
      return;
    }
    const result = threeWayMerge(p.base, p.mine, current.value);
    if (result.conflicts.length === 0) {
      pending.current = null;
      setState(null);
      setMergedNotice(true);
      setSettled(true);
      adoptRef.current(result.merged, current.version, { save: true, source: 'merged' });
      return;
    }
    setState({ kind: 'choose', result, mine: p.mine, theirs: current.value, version: current.version, updatedAt: current.updatedAt ?? null });
  }, []);

  /** Handles a failed save: true (and the merge begins) for a version conflict, false for any other error. */
  const onConflict = useCallback(
    (error: unknown, base: T, mine: T): boolean => {
      if (!isApiError(error, 'version_conflict')) return false;
      pending.current = { base: structuredClone(base), mine: structuredClone(mine) };
      setMergedNotice(false);
      setTookTheirs(false);
      setSettled(false);
      void run();
      return true;
    },
    [run],
  );

  const finish = useCallback((value: T, version: number, save: boolean, source: 'merged' | 'mine' | 'theirs') => {
    pending.current = null;
    setState(null);
    setMergedNotice(source === 'merged');
    setTookTheirs(source === 'theirs');
    setSettled(true);
    adoptRef.current(value, version, { save, source });
  }, []);

  /** The user's choice for every conflicting field: saves the merged record. */
  const resolve = useCallback(
    (choices: Record<string, 'mine' | 'theirs'>) => {
      if (state?.kind !== 'choose') return;
      finish(resolveMerge(state.result, state.mine, choices), state.version, true, 'merged');
    },
    [finish, state],
  );
  /** Small forms: save what this user typed over the stored version. */
  const keepMine = useCallback(() => {
    if (state?.kind === 'choose') finish(state.mine, state.version, true, 'mine');
  }, [finish, state]);
  /** Small forms: drop this user's changes and show the stored version. */
  const takeTheirs = useCallback(() => {
    if (state?.kind === 'choose') finish(state.theirs, state.version, false, 'theirs');
  }, [finish, state]);
  /** Loads the current record again after a failure. */
  const retry = useCallback(() => void run(), [run]);
  /** Closes the conflict without a choice (the form keeps the user's values; a later save conflicts again). */
  const dismiss = useCallback(() => {
    pending.current = null;
    setState(null);
  }, []);

  // `settled`: the last conflict has ended one way or another, so the form's own 409 error is not shown any more.
  return { state, active: state !== null, mergedNotice, tookTheirs, settled, onConflict, resolve, keepMine, takeTheirs, retry, dismiss };
}

/** What `useConflictMerge` returns, for the components that show it. */
export type ConflictMergeHandle<T> = ReturnType<typeof useConflictMerge<T>>;
