import { useCallback, useRef, useState } from 'react';
import type { MeasureType, PlanContent, ResponsibleKind } from '#domain/cases/case-plan.ts';
import { useConflictMerge } from '../../ui/use-conflict-merge.ts';
import { agreePlan, fetchPlan, savePlanDraft, type PlanSaveBody, type PlanView } from './plans.api.ts';

/** A measure as edited; `uid` identifies it on this page, `key` once the server has it. */
export type EditMeasure = {
  uid: string;
  key?: string | undefined;
  action: string;
  measureType: MeasureType;
  responsibleKind: ResponsibleKind | '';
  personId: string;
  userId: string | null;
  name: string;
  deadline: string | null;
  expectedResult: string;
  serviceCode: string | null;
};
/** A goal as edited. */
export type EditGoal = { uid: string; key?: string | undefined; domain: string; text: string; measures: EditMeasure[] };
/** The draft as edited. */
export type EditPlan = Omit<PlanContent, 'goals'> & { goals: EditGoal[] };
/** Where the draft stands with the server. */
export type SaveState = 'idle' | 'dirty' | 'saving' | 'saved' | 'error' | 'conflict';

let seq = 0;
/** A page-local id for React keys and field ids. */
export const newUid = () => `u${Date.now().toString(36)}${(seq += 1)}`;

export function emptyMeasure(): EditMeasure {
  return { uid: newUid(), action: '', measureType: 'other', responsibleKind: '', personId: '', userId: null, name: '', deadline: null, expectedResult: '', serviceCode: null };
}

function fromView(v: PlanView): EditPlan {
  return {
    childViews: v.childViews,
    childViewsNotHeardReason: v.childViewsNotHeardReason,
    familyParticipation: v.familyParticipation,
    familyConferenceHeld: v.familyConferenceHeld,
    familyConferenceDate: v.familyConferenceDate,
    goals: v.goals.map((g) => ({
      uid: newUid(),
      key: g.key,
      domain: g.domain,
      text: g.text,
      measures: g.measures.map((m) => ({
        uid: newUid(),
        key: m.key,
        action: m.action,
        measureType: m.measureType,
        responsibleKind: m.responsible?.kind ?? '',
        personId: m.responsible?.personId ?? '',
        userId: m.responsible?.userId ?? null,
        name: m.responsible?.name ?? '',
        deadline: m.deadline,
        expectedResult: m.expectedResult,
        serviceCode: m.serviceCode,
      })),
    })),
  };
}

function responsibleOf(m: EditMeasure): NonNullable<PlanSaveBody['goals'][number]['measures']>[number]['responsible'] {
  switch (m.responsibleKind) {
    case 'family_member':
      return { kind: 'family_member', personId: m.personId || null, userId: null, name: '' };
    case 'specialist':
      return { kind: 'specialist', personId: null, userId: m.userId, name: m.name };
    case 'agency':
      return { kind: 'agency', personId: null, userId: null, name: m.name };
    default:
      return null;
  }
}

/** The draft as the API takes it. */
export function toSaveBody(p: EditPlan, version: number): PlanSaveBody {
  return {
    version,
    childViews: p.childViews,
    childViewsNotHeardReason: p.childViewsNotHeardReason,
    familyParticipation: p.familyParticipation,
    familyConferenceHeld: p.familyConferenceHeld,
    familyConferenceDate: p.familyConferenceHeld ? p.familyConferenceDate : null,
    goals: p.goals.map((g) => ({
      ...(g.key ? { key: g.key } : {}),
      domain: g.domain,
      text: g.text,
      measures: g.measures.map((m) => ({
        ...(m.key ? { key: m.key } : {}),
        action: m.action,
        measureType: m.measureType,
        responsible: responsibleOf(m),
        deadline: m.deadline,
        expectedResult: m.expectedResult,
        serviceCode: m.serviceCode,
      })),
    })),
  };
}

/** The draft as the domain sees it (for the missing parts shown while typing). */
export function toContent(p: EditPlan): PlanContent {
  const body = toSaveBody(p, 1);
  return {
    ...p,
    goals: body.goals.map((g, gi) => ({
      key: p.goals[gi]?.uid ?? '',
      domain: g.domain,
      text: g.text ?? '',
      measures: (g.measures ?? []).map((m, mi) => ({
        key: p.goals[gi]?.measures[mi]?.uid ?? '',
        action: m.action ?? '',
        measureType: m.measureType,
        responsible: m.responsible ? { kind: m.responsible.kind, personId: m.responsible.personId ?? null, userId: m.responsible.userId ?? null, name: m.responsible.name ?? '' } : null,
        deadline: m.deadline ?? null,
        expectedResult: m.expectedResult ?? '',
        serviceCode: m.serviceCode ?? null,
      })),
    })),
  };
}

/**
 * The draft as merged after a 409 (SPEC §11): goals and measures keyed by their server key, or by their page id
 * while new, so that the three-way merge matches them element by element; page ids are not part of the record.
 */
export type MergePlan = Omit<EditPlan, 'goals'> & { goals: Array<Omit<EditGoal, 'uid' | 'measures'> & { key: string; measures: Array<Omit<EditMeasure, 'uid'> & { key: string }> }> };
const uuidLike = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function toMergePlan(p: EditPlan): MergePlan {
  return { ...p, goals: p.goals.map(({ uid, measures, ...g }) => ({ ...g, key: g.key ?? uid, measures: measures.map(({ uid: mu, ...m }) => ({ ...m, key: m.key ?? mu })) })) };
}
function fromMergePlan(p: MergePlan): EditPlan {
  const serverKey = (k: string) => (uuidLike.test(k) ? k : undefined);
  return { ...p, goals: p.goals.map((g) => ({ ...g, uid: newUid(), key: serverKey(g.key), measures: g.measures.map((m) => ({ ...m, uid: newUid(), key: serverKey(m.key) })) })) };
}

type Backup = { version: number; savedAt: string; plan: EditPlan };
// Under the prefix the logout clears (ui/local-drafts.ts), so nothing about a family stays on a shared computer.
const backupKey = (id: string) => `rodyna.plan.unsaved.${id}`;
function readBackup(id: string): Backup | null {
  try {
    const raw = window.localStorage.getItem(backupKey(id));
    return raw ? (JSON.parse(raw) as Backup) : null;
  } catch {
    return null;
  }
}
function writeBackup(id: string, b: Backup | null): void {
  try {
    if (b) window.localStorage.setItem(backupKey(id), JSON.stringify(b));
    else window.localStorage.removeItem(backupKey(id));
  } catch {
    // storage unavailable: the explicit save still works
  }
}

/** Local editing of a draft version: explicit save by `version`, a device backup of unsaved changes, and agreement. */
export function usePlanEditor(caseId: string, initial: PlanView) {
  const [restoredFrom] = useState<string | null>(() => {
    const b = readBackup(initial.id);
    return b && b.version === initial.version ? b.savedAt : null;
  });
  const [plan, setPlan] = useState<EditPlan>(() => {
    const b = readBackup(initial.id);
    if (b && b.version !== initial.version) writeBackup(initial.id, null);
    return b && b.version === initial.version ? b.plan : fromView(initial);
  });
  const planRef = useRef(plan);
  const versionRef = useRef(initial.version);
  // The draft as stored at `versionRef`: the base of a three-way merge when someone else saves meanwhile.
  const baseRef = useRef<EditPlan>(fromView(initial));
  const conflictRef = useRef(false);
  const saveRef = useRef<() => Promise<boolean>>(async () => false);
  const conflict = useConflictMerge<MergePlan>(
    async () => {
      const current = await fetchPlan(caseId, initial.id);
      if (current.status !== 'draft') return null;
      return { value: toMergePlan(fromView(current)), version: current.version, updatedAt: current.updatedAt };
    },
    (value, version, how) => {
      const next = fromMergePlan(value);
      versionRef.current = version;
      conflictRef.current = false;
      planRef.current = next;
      changeSeq.current += 1;
      setPlan(next);
      setSaveError(null);
      if (how.save) {
        writeBackup(initial.id, { version, savedAt: new Date().toISOString(), plan: next });
        setSaveState('dirty');
        void saveRef.current();
      } else {
        baseRef.current = next;
        savedSeq.current = changeSeq.current;
        writeBackup(initial.id, null);
        setSaveState('idle');
      }
    },
  );
  const changeSeq = useRef(restoredFrom ? 1 : 0);
  const savedSeq = useRef(0);
  const [saveState, setSaveState] = useState<SaveState>(restoredFrom ? 'dirty' : 'idle');
  const [saveError, setSaveError] = useState<unknown>(null);
  const [lastSaved, setLastSaved] = useState<PlanView | null>(null);

  const update = useCallback(
    (change: (draft: EditPlan) => void) => {
      const next = structuredClone(planRef.current);
      change(next);
      planRef.current = next;
      changeSeq.current += 1;
      setPlan(next);
      setSaveState((s) => (s === 'conflict' ? s : 'dirty'));
      writeBackup(initial.id, { version: versionRef.current, savedAt: new Date().toISOString(), plan: next });
    },
    [initial.id],
  );

  const onConflict = conflict.onConflict;
  /** Saves the draft; gives the server's keys to new goals and measures. Returns false on failure. */
  const save = useCallback(async (): Promise<boolean> => {
    if (conflictRef.current) return false;
    if (savedSeq.current === changeSeq.current) return true;
    const s = changeSeq.current;
    const sent = planRef.current;
    setSaveState('saving');
    try {
      const res = await savePlanDraft(caseId, initial.id, toSaveBody(sent, versionRef.current));
      versionRef.current = res.version;
      baseRef.current = fromView(res);
      savedSeq.current = s;
      // Adopt the keys the server gave, by the position they were sent in.
      const keys = new Map<string, string>();
      sent.goals.forEach((g, gi) => {
        const rg = res.goals[gi];
        if (rg) keys.set(g.uid, rg.key);
        g.measures.forEach((m, mi) => {
          const rm = rg?.measures[mi];
          if (rm) keys.set(m.uid, rm.key);
        });
      });
      const withKeys = structuredClone(planRef.current);
      for (const g of withKeys.goals) {
        g.key ??= keys.get(g.uid);
        for (const m of g.measures) m.key ??= keys.get(m.uid);
      }
      planRef.current = withKeys;
      setPlan(withKeys);
      setLastSaved(res);
      setSaveError(null);
      if (changeSeq.current === s) {
        writeBackup(initial.id, null);
        setSaveState('saved');
      } else {
        writeBackup(initial.id, { version: versionRef.current, savedAt: new Date().toISOString(), plan: withKeys });
        setSaveState('dirty');
      }
      return true;
    } catch (e) {
      setSaveError(e);
      // A 409 opens the merge (the device backup stays until the merged draft is saved).
      if (onConflict(e, toMergePlan(baseRef.current), toMergePlan(sent))) {
        conflictRef.current = true;
        setSaveState('conflict');
      } else setSaveState('error');
      return false;
    }
  }, [caseId, initial.id, onConflict]);
  saveRef.current = save;

  /** Saves what is pending, then records the family's agreement; throws the API error (422 lists the missing parts). */
  const agree = useCallback(
    async (agreedOn: string, signedBy: string): Promise<PlanView> => {
      const ok = await save();
      if (!ok) throw new Error('save_failed');
      const res = await agreePlan(caseId, initial.id, { version: versionRef.current, agreedOn, signedBy });
      writeBackup(initial.id, null);
      savedSeq.current = changeSeq.current;
      return res;
    },
    [caseId, initial.id, save],
  );

  const hasUnsavedChanges = () => changeSeq.current !== savedSeq.current;
  return { plan, update, save, agree, saveState, saveError, lastSaved, restoredFrom, hasUnsavedChanges, conflict };
}
