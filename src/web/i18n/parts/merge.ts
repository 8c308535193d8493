import type { DeepStrings } from './deep-strings.ts';

/**
 * Interface texts of the merge view (SPEC §11, no lost updates): shown when someone else saved the same record
 * while this user was editing it. Ukrainian first, English complete.
 */
const uk = {
  merge: {
    title: 'Запис щойно змінив інший користувач',
    intro: 'Поки ви працювали, {{who}} зберіг(ла) зміни до цього запису ({{time}}). Ваші зміни не втрачено.',
    introUnknown: 'Поки ви працювали, хтось інший зберіг зміни до цього запису. Ваші зміни не втрачено.',
    autoMerged: 'Зміни в різних полях об’єднано автоматично: ваших — {{mine}}, інших — {{theirs}}.',
    chooseIntro: 'У цих полях ви і інший користувач записали різне. Виберіть для кожного, що зберегти:',
    mine: 'Ваш варіант',
    theirs: 'Збережений варіант',
    empty: '(порожньо)',
    chooseAll: 'Виберіть варіант для кожного поля ({{left}} залишилось).',
    save: 'Зберегти об’єднаний запис',
    merged: 'Ваші зміни об’єднано зі збереженими іншим користувачем і збережено.',
    cannotMerge: 'Запис уже завершено, тому об’єднати зміни неможливо. Завантажте актуальну версію.',
    loadFailed: 'Не вдалося завантажити актуальну версію для об’єднання. Спробуйте ще раз.',
    retry: 'Спробувати ще раз',
    yes: 'так',
    no: 'ні',
    rating: 'оцінка',
    note: 'примітка',
  },
};

const en: DeepStrings<typeof uk> = {
  merge: {
    title: 'Another user has just changed this record',
    intro: 'While you were working, {{who}} saved changes to this record ({{time}}). Your changes are not lost.',
    introUnknown: 'While you were working, someone else saved changes to this record. Your changes are not lost.',
    autoMerged: 'Changes to different fields were merged automatically: yours — {{mine}}, theirs — {{theirs}}.',
    chooseIntro: 'In these fields you and the other user wrote different things. Choose what to keep for each:',
    mine: 'Your version',
    theirs: 'Saved version',
    empty: '(empty)',
    chooseAll: 'Choose a version for every field ({{left}} left).',
    save: 'Save the merged record',
    merged: 'Your changes were merged with the ones another user saved, and saved.',
    cannotMerge: 'The record has been completed, so the changes cannot be merged. Load the current version.',
    loadFailed: 'Could not load the current version to merge. Try again.',
    retry: 'Try again',
    yes: 'yes',
    no: 'no',
    rating: 'rating',
    note: 'note',
  },
};

/** The merge-view texts, spread into uk.ts and en.ts. */
export const mergeMessages = { uk, en };
