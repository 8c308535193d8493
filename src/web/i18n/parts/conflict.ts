import type { DeepStrings } from './deep-strings.ts';

/**
 * Interface texts of the conflict handling shared by the forms (SPEC §11, no lost updates): the small dialog
 * (keep mine / take theirs) and the states around the merge view. Ukrainian first, English complete.
 */
const uk = {
  conflict: {
    loading: 'Запис змінив інший користувач. Завантажуємо збережений варіант, щоб об’єднати зміни…',
    intro: 'Поки ви працювали, хтось інший зберіг цей запис ({{time}}). Ось його варіант поруч із вашим. Ваші зміни не втрачено.',
    field: 'Поле',
    keepMine: 'Зберегти мій варіант',
    takeTheirs: 'Взяти збережений варіант',
    reload: 'Завантажити актуальну версію',
    gone: 'Запис уже не можна змінити (його завершено або вилучено), тож об’єднати зміни неможливо. Завантажте актуальну версію.',
    someone: 'інший користувач',
    tookTheirs: 'Показано збережений варіант іншого користувача.',
  },
};

const en: DeepStrings<typeof uk> = {
  conflict: {
    loading: 'Another user has changed this record. Loading the saved version to merge the changes…',
    intro: 'While you were working, someone else saved this record ({{time}}). Here is their version next to yours. Your changes are not lost.',
    field: 'Field',
    keepMine: 'Save my version',
    takeTheirs: 'Take the saved version',
    reload: 'Load the current version',
    gone: 'The record can no longer be changed (it was completed or removed), so the changes cannot be merged. Load the current version.',
    someone: 'another user',
    tookTheirs: 'Showing the version the other user saved.',
  },
};

/** The conflict texts, spread into uk.ts and en.ts. */
export const conflictMessages = { uk, en };
