import { compareIsoDates, type IsoDate } from '../calendar/iso-date.ts';
import { DomainError } from '../errors.ts';

/** Kinds of case note (SPEC §2.10): a note, a phone call, a meeting at the office, anything else. */
export const noteKinds = ['note', 'phone_call', 'office_meeting', 'other'] as const;
/** One kind of note. */
export type NoteKind = (typeof noteKinds)[number];

/**
 * Hours during which the author may correct what they recorded; afterwards the record is append-only (a later
 * note corrects it), so the case file keeps what was known when (SPEC §11: history is not overwritten).
 */
export const recordEditWindowHours = 24;

/** The instant until which a record made at `recordedAt` may still be corrected. */
export function editableUntil(recordedAt: Date, hours = recordEditWindowHours): Date {
  return new Date(recordedAt.getTime() + hours * 3_600_000);
}

/** Why the actor may not correct a record now, or null when they may: only its author, only within the window. */
export function recordEditRefusal(record: { authorId: string; recordedAt: Date }, actorId: string, now: Date, hours = recordEditWindowHours): 'not_author' | 'edit_window_closed' | null {
  if (record.authorId !== actorId) return 'not_author';
  if (now.getTime() >= editableUntil(record.recordedAt, hours).getTime()) return 'edit_window_closed';
  return null;
}

/** Throws the domain error for a refusal of `recordEditRefusal`: 403 for someone else's record, 422 once the window closed. */
export function assertMayEditRecord(record: { authorId: string; recordedAt: Date }, actorId: string, now: Date): void {
  const refusal = recordEditRefusal(record, actorId, now);
  if (refusal === 'not_author') throw new DomainError('forbidden', 'Only the author may correct this record', { reason: 'not_author' });
  if (refusal === 'edit_window_closed') {
    throw new DomainError('edit_window_closed', `A record can be corrected only within ${recordEditWindowHours} hours; add a new note instead`, { editableUntil: editableUntil(record.recordedAt).toISOString() });
  }
}

/** Checks the date of a note: what happened cannot be dated in the future. */
export function checkNoteDate(noteDate: IsoDate, today: IsoDate): void {
  if (compareIsoDates(noteDate, today) > 0) throw new DomainError('date_in_future', 'The date of a note cannot be in the future', { path: 'noteDate' });
}
