import { useCallback, useEffect, useRef, useState } from 'react';
import { emptyNeedsAssessment, type NeedsAssessmentContent } from '#domain/cases/needs-assessment.ts';
import { resolveMerge, threeWayMerge, type MergeResult } from '#domain/merge/three-way-merge.ts';
import { isApiError } from '../../ui/api-client.ts';
import { completeNeedsAssessment, fetchNeedsAssessment, saveNeedsAssessmentDraft, type NeedsAssessmentView } from './needs-assessment.api.ts';

/** A household member as the act needs it. */
export type HouseholdMember = { personId: string; role: 'child' | 'adult'; disability: boolean };

/** Where the draft stands with the server. */
export type SaveState = 'idle' | 'dirty' | 'saving' | 'saved' | 'error' | 'conflict' | 'merging';

/**
 * After a 409: `choose` — fields both people changed wait for the user's choice (the rest is merged);
 * `completed` — the act was completed meanwhile, nothing to merge into; `failed` — the current version could not be loaded.
 */
export type MergeState =
  | { kind: 'choose'; result: MergeResult<NeedsAssessmentContent>; theirs: NeedsAssessmentContent; version: number; savedAt: string }
  | { kind: 'completed' }
  | { kind: 'failed' };

// Long enough not to save on every pause in typing, short enough that little is at risk.
const AUTOSAVE_MS = 3000;

/** Adds empty parts for household members the act does not list yet (e.g. added after the act was started). */
export function withWholeHousehold(content: NeedsAssessmentContent, household: HouseholdMember[]): NeedsAssessmentContent {
  const empty = emptyNeedsAssessment(household);
  const has = (list: Array<{ personId: string }>, id: string) => list.some((x) => x.personId === id);
  return {
    ...content,
    members: [...content.members, ...empty.members.filter((m) => !has(content.members, m.personId))],
    children: [...content.children, ...empty.children.filter((m) => !has(content.children, m.personId))],
    adults: [...content.adults, ...empty.adults.filter((m) => !has(content.adults, m.personId))],
  };
}

type LocalBackup = { version: number; savedAt: string; content: NeedsAssessmentContent };
const backupKey = (id: string) => `rodyna.na.unsaved.${id}`;

function readBackup(id: string): LocalBackup | null {
  try {
    const raw = window.localStorage.getItem(backupKey(id));
    return raw ? (JSON.parse(raw) as LocalBackup) : null;
  } catch {
    return null;
  }
}
function writeBackup(id: string, backup: LocalBackup | null): void {
  try {
    if (backup) window.localStorage.setItem(backupKey(id), JSON.stringify(backup));
    else window.localStorage.removeItem(backupKey(id));
  } catch {
    // storage unavailable: autosave to the server still runs
  }
}

/**
 * Local editing of the act with debounced autosave (optimistic concurrency by `version`), an explicit save,
 * a device backup of unsaved changes (restored on return, UX principle 2) and completion.
 */
export function useNeedsAssessmentEditor(caseId: string, initial: NeedsAssessmentView, household: HouseholdMember[]) {
  const [restoredFrom] = useState<string | null>(() => {
    const b = readBackup(initial.id);
    return b && b.version === initial.version && initial.status === 'draft' ? b.savedAt : null;
  });
  const [content, setContent] = useState<NeedsAssessmentContent>(() => {
    const b = readBackup(initial.id);
    const base = b && b.version === initial.version && initial.status === 'draft' ? b.content : initial.content;
    if (b && b.version !== initial.version) writeBackup(initial.id, null);
    return withWholeHousehold(base, household);
  });
  const contentRef = useRef(content);
  const versionRef = useRef(initial.version);
  // What the server holds at `versionRef`: the base of a three-way merge when someone else saves meanwhile.
  const baseRef = useRef<NeedsAssessmentContent>(withWholeHousehold(initial.content, household));
  const [merge, setMerge] = useState<MergeState | null>(null);
  const [mergedNotice, setMergedNotice] = useState(false);
  const changeSeq = useRef(restoredFrom ? 1 : 0);
  const savedSeq = useRef(0);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const conflictRef = useRef(false);
  const errorRef = useRef<unknown>(null);
  const [saveState, setSaveState] = useState<SaveState>(restoredFrom ? 'dirty' : 'idle');
  const [lastSavedAt, setLastSavedAt] = useState<Date | null>(null);
  const [saveError, setSaveError] = useState<unknown>(null);

  const save = useCallback(async (): Promise<boolean> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (conflictRef.current) return false;
    while (inFlight.current) await inFlight.current;
    if (savedSeq.current === changeSeq.current) return true;
    const seq = changeSeq.current;
    const body = contentRef.current;
    setSaveState('saving');
    const attempt = (async () => {
      try {
        const res = await saveNeedsAssessmentDraft(caseId, versionRef.current, body);
        versionRef.current = res.version;
        baseRef.current = body;
        savedSeq.current = seq;
        setLastSavedAt(new Date());
        setSaveError(null);
        if (changeSeq.current === seq) {
          writeBackup(initial.id, null);
          setSaveState('saved');
        } else {
          setSaveState('dirty');
        }
        return true;
      } catch (e) {
        if (isApiError(e, 'version_conflict')) {
          conflictRef.current = true;
          setSaveState('merging');
          void beginMergeRef.current();
        } else {
          setSaveState('error');
        }
        errorRef.current = e;
        setSaveError(e);
        return false;
      }
    })();
    inFlight.current = attempt;
    const ok = await attempt;
    inFlight.current = null;
    return ok;
  }, [caseId, initial.id]);

  /** Takes a merged act as the new local state, based on the server's `version`. */
  const adopt = useCallback(
    (next: NeedsAssessmentContent, version: number, base: NeedsAssessmentContent) => {
      versionRef.current = version;
      baseRef.current = base;
      contentRef.current = next;
      changeSeq.current += 1;
      conflictRef.current = false;
      setContent(next);
      writeBackup(initial.id, { version, savedAt: new Date().toISOString(), content: next });
    },
    [initial.id],
  );

  /** After a 409: loads what is stored now and merges; fields changed on both sides wait for the user. */
  const beginMergeRef = useRef<() => Promise<void>>(async () => {});
  beginMergeRef.current = async () => {
    let current: NeedsAssessmentView;
    try {
      current = await fetchNeedsAssessment(caseId);
    } catch {
      setMerge({ kind: 'failed' });
      setSaveState('conflict');
      return;
    }
    if (current.status !== 'draft') {
      setMerge({ kind: 'completed' });
      setSaveState('conflict');
      return;
    }
    const theirs = withWholeHousehold(current.content, household);
    const result = threeWayMerge(baseRef.current, contentRef.current, theirs);
    if (result.conflicts.length === 0) {
      adopt(result.merged, current.version, theirs);
      setMerge(null);
      setMergedNotice(true);
      void save();
      return;
    }
    setMerge({ kind: 'choose', result, theirs, version: current.version, savedAt: current.updatedAt });
  };

  /** The user's choices for the fields both changed: merge what is typed now with what is stored, and save. */
  const resolve = useCallback(
    (choices: Record<string, 'mine' | 'theirs'>) => {
      if (merge?.kind !== 'choose') return;
      const mine = contentRef.current;
      const result = threeWayMerge(baseRef.current, mine, merge.theirs);
      adopt(resolveMerge(result, mine, choices), merge.version, merge.theirs);
      setMerge(null);
      setMergedNotice(true);
      void save();
    },
    [adopt, merge, save],
  );

  /** Tries the merge again after the current version could not be loaded. */
  const retryMerge = useCallback(() => {
    setMerge(null);
    setSaveState('merging');
    void beginMergeRef.current();
  }, []);

  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void save().then((ok) => {
        if (ok && savedSeq.current !== changeSeq.current) timer.current = setTimeout(() => void save(), AUTOSAVE_MS);
      });
    }, AUTOSAVE_MS);
  }, [save]);

  /** Applies a change to a copy of the act and schedules an autosave. */
  const update = useCallback(
    (change: (draft: NeedsAssessmentContent) => void) => {
      const next = structuredClone(contentRef.current);
      change(next);
      contentRef.current = next;
      changeSeq.current += 1;
      setContent(next);
      setMergedNotice(false);
      if (conflictRef.current) {
        // While a merge waits, keep typing locally (and on the device); saving resumes after the merge.
        writeBackup(initial.id, { version: versionRef.current, savedAt: new Date().toISOString(), content: next });
        return;
      }
      setSaveState('dirty');
      writeBackup(initial.id, { version: versionRef.current, savedAt: new Date().toISOString(), content: next });
      schedule();
    },
    [initial.id, schedule],
  );

  /** Saves what is pending, then completes the act; throws the API error (422 lists the missing parts). */
  const complete = useCallback(async (): Promise<NeedsAssessmentView> => {
    const ok = await save();
    if (!ok) throw errorRef.current ?? new Error('save_failed');
    return completeNeedsAssessment(caseId, versionRef.current);
  }, [caseId, save]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const hasUnsavedChanges = () => changeSeq.current !== savedSeq.current && merge?.kind !== 'completed';

  return { content, update, save, complete, saveState, saveError, lastSavedAt, restoredFrom, hasUnsavedChanges, merge, resolve, retryMerge, mergedNotice };
}
