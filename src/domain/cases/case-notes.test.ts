import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { assertMayEditRecord, checkNoteDate, editableUntil, recordEditRefusal } from './case-notes.ts';

const today = '2026-11-20';

function codeOf(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

describe('correcting a record (24 hours, author only)', () => {
  const recordedAt = new Date('2026-11-20T08:00:00.000Z');
  it.each<[string, string, string, 'not_author' | 'edit_window_closed' | null]>([
    ['the author at once', 'a', '2026-11-20T08:00:00.000Z', null],
    ['the author a minute before the window closes', 'a', '2026-11-21T07:59:00.000Z', null],
    ['the author when the window closes', 'a', '2026-11-21T08:00:00.000Z', 'edit_window_closed'],
    ['the author two days later', 'a', '2026-11-22T08:00:00.000Z', 'edit_window_closed'],
    ['someone else at once', 'b', '2026-11-20T08:05:00.000Z', 'not_author'],
  ])('%s → %s', (_name, actorId, now, expected) => {
    expect(recordEditRefusal({ authorId: 'a', recordedAt }, actorId, new Date(now))).toBe(expected);
  });

  it('maps refusals to codes and dates notes no later than today', () => {
    expect(editableUntil(recordedAt).toISOString()).toBe('2026-11-21T08:00:00.000Z');
    expect(codeOf(() => assertMayEditRecord({ authorId: 'a', recordedAt }, 'b', recordedAt))).toBe('forbidden');
    expect(codeOf(() => assertMayEditRecord({ authorId: 'a', recordedAt }, 'a', new Date('2026-11-22T00:00:00Z')))).toBe('edit_window_closed');
    expect(codeOf(() => checkNoteDate(today, today))).toBeNull();
    expect(codeOf(() => checkNoteDate('2026-11-21', today))).toBe('date_in_future');
  });
});
