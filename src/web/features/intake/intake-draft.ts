import type { CaseType } from '#domain/cases/case-types.ts';
import type { AdultFactor, ChildFactor, ReportSource, UrgentAction } from '#domain/intake/factors.ts';
import { localDateTimeToInstant, nowLocalDateTime } from '../../ui/format.ts';
import type { NotificationBody } from './intake.api.ts';

/** A household member as typed in the form. */
export type MemberDraft = {
  /** Stable key for React lists and field ids. */
  key: string;
  role: 'child' | 'adult';
  /** Set when the user chose an existing person from the duplicate search. */
  personId: string | null;
  /** How the chosen existing person is shown («Прізвище Ім’я, дд.мм.рррр»). */
  chosenLabel: string;
  surname: string;
  givenName: string;
  patronymic: string;
  /** `YYYY-MM-DD` or null. */
  birthDate: string | null;
  sex: '' | 'female' | 'male';
  disability: boolean;
  relationship: string;
  latinName: string;
};

/** The whole notification as typed; kept in localStorage so nothing is lost (UX principle 2). */
export type IntakeDraft = {
  hromadaId: string;
  /** Browser-local `YYYY-MM-DD HH:mm:ss`. */
  receivedAt: string | null;
  source: ReportSource | '';
  reporterOrganisation: string;
  reporterPerson: string;
  reporterContact: string;
  members: MemberDraft[];
  description: string;
  childFactors: ChildFactor[];
  adultFactors: AdultFactor[];
  threatToLifeOrHealth: boolean;
  urgentActions: UrgentAction[];
  actionsTaken: string;
  documents: string;
  caseType: CaseType;
  caseManagerId: string;
};

/** Sections of the form, in order. */
export const intakeSections = ['receipt', 'members', 'circumstances', 'registration'] as const;
/** One section of the form. */
export type IntakeSection = (typeof intakeSections)[number];

let keySeq = 0;
/** A fresh member row. */
export function newMember(role: 'child' | 'adult'): MemberDraft {
  keySeq += 1;
  return {
    key: `m${Date.now().toString(36)}${keySeq}`,
    role,
    personId: null,
    chosenLabel: '',
    surname: '',
    givenName: '',
    patronymic: '',
    birthDate: null,
    sex: '',
    disability: false,
    relationship: '',
    latinName: '',
  };
}

/** An empty notification received now. */
export function emptyIntakeDraft(): IntakeDraft {
  return {
    hromadaId: '',
    receivedAt: nowLocalDateTime(),
    source: '',
    reporterOrganisation: '',
    reporterPerson: '',
    reporterContact: '',
    members: [newMember('child')],
    description: '',
    childFactors: [],
    adultFactors: [],
    threatToLifeOrHealth: false,
    urgentActions: [],
    actionsTaken: '',
    documents: '',
    caseType: 'prevention',
    caseManagerId: '',
  };
}

/** True when a member is either an existing person or has the fields a new person needs. */
export function isMemberComplete(m: MemberDraft): boolean {
  if (m.personId) return true;
  return m.surname.trim() !== '' && m.givenName.trim() !== '' && m.birthDate !== null && m.sex !== '';
}

/** Which sections have what they need. */
export function sectionStatus(d: IntakeDraft): Record<IntakeSection, boolean> {
  return {
    receipt: d.hromadaId !== '' && d.receivedAt !== null && d.source !== '',
    members: d.members.length > 0 && d.members.every(isMemberComplete),
    circumstances: d.description.trim() !== '',
    registration: true,
  };
}

/** Builds the API body; `openCase` is false for reporters. */
export function toNotificationBody(d: IntakeDraft, openCase: boolean): NotificationBody {
  const body: NotificationBody = {
    hromadaId: d.hromadaId,
    source: d.source as ReportSource,
    reporterOrganisation: d.reporterOrganisation.trim(),
    reporterPerson: d.reporterPerson.trim(),
    reporterContact: d.reporterContact.trim(),
    receivedAt: localDateTimeToInstant(d.receivedAt ?? nowLocalDateTime()),
    description: d.description.trim(),
    childFactors: d.childFactors,
    adultFactors: d.adultFactors,
    threatToLifeOrHealth: d.threatToLifeOrHealth,
    actionsTaken: d.actionsTaken.trim(),
    urgentActions: d.urgentActions,
    documents: d.documents.trim(),
    members: d.members.map((m) =>
      m.personId
        ? { personId: m.personId, role: m.role, relationship: m.relationship.trim() }
        : {
            role: m.role,
            relationship: m.relationship.trim(),
            person: {
              surname: m.surname.trim(),
              givenName: m.givenName.trim(),
              patronymic: m.patronymic.trim(),
              birthDate: m.birthDate ?? '',
              sex: m.sex === '' ? 'female' : m.sex,
              disability: m.disability,
              latinName: m.latinName.trim(),
            },
          },
    ),
    openCase,
  };
  if (openCase) {
    body.caseType = d.caseType;
    if (d.caseManagerId) body.caseManagerId = d.caseManagerId;
  }
  return body;
}

/**
 * Maps a server validation path of the body (`members.0.person.surname`) to the form field
 * (`members.0.surname`).
 */
export function formPathOf(serverPath: string): string {
  return serverPath.replace(/^members\.(\d+)\.person\./, 'members.$1.');
}

type StoredDraft = { savedAt: string; values: IntakeDraft };

const draftKey = (userId: string) => `rodyna.intake.draft.${userId}`;

/** The draft kept on this device for this user, if any. */
export function loadIntakeDraft(userId: string): StoredDraft | null {
  try {
    const raw = window.localStorage.getItem(draftKey(userId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as StoredDraft;
    if (!parsed?.values || !Array.isArray(parsed.values.members)) return null;
    return { savedAt: parsed.savedAt, values: { ...emptyIntakeDraft(), ...parsed.values } };
  } catch {
    return null;
  }
}

/** Keeps the draft on this device. */
export function saveIntakeDraft(userId: string, values: IntakeDraft): void {
  try {
    window.localStorage.setItem(draftKey(userId), JSON.stringify({ savedAt: new Date().toISOString(), values } satisfies StoredDraft));
  } catch {
    // storage full or disabled: the unsaved-changes warning still protects the user
  }
}

/** Forgets the draft (after it was submitted or cleared). */
export function clearIntakeDraft(userId: string): void {
  try {
    window.localStorage.removeItem(draftKey(userId));
  } catch {
    // nothing to do
  }
}
