import { describe, it, expect } from 'vitest';
import { latinKey, looseLatinKey, nameSimilarityKeys, normalizeNameForMatch, transliterate } from './transliteration.ts';

// The complete table of examples of Cabinet of Ministers Resolution No. 55 of 27 January 2010.
const officialExamples: Array<[string, string]> = [
  ['Алушта', 'Alushta'],
  ['Андрій', 'Andrii'],
  ['Борщагівка', 'Borshchahivka'],
  ['Борисенко', 'Borysenko'],
  ['Вінниця', 'Vinnytsia'],
  ['Володимир', 'Volodymyr'],
  ['Гадяч', 'Hadiach'],
  ['Богдан', 'Bohdan'],
  ['Згурський', 'Zghurskyi'],
  ['Ґалаґан', 'Galagan'],
  ['Ґорґани', 'Gorgany'],
  ['Донецьк', 'Donetsk'],
  ['Дмитро', 'Dmytro'],
  ['Рівне', 'Rivne'],
  ['Олег', 'Oleh'],
  ['Есмань', 'Esman'],
  ['Єнакієве', 'Yenakiieve'],
  ['Гаєвич', 'Haievych'],
  ["Короп'є", 'Koropie'],
  ['Житомир', 'Zhytomyr'],
  ['Жанна', 'Zhanna'],
  ['Жежелів', 'Zhezheliv'],
  ['Закарпаття', 'Zakarpattia'],
  ['Казимирчук', 'Kazymyrchuk'],
  ['Медвин', 'Medvyn'],
  ['Михайленко', 'Mykhailenko'],
  ['Іванків', 'Ivankiv'],
  ['Іващенко', 'Ivashchenko'],
  ['Їжакевич', 'Yizhakevych'],
  ['Кадиївка', 'Kadyivka'],
  ["Мар'їне", 'Marine'],
  ['Йосипівка', 'Yosypivka'],
  ['Стрий', 'Stryi'],
  ['Олексій', 'Oleksii'],
  ['Київ', 'Kyiv'],
  ['Коваленко', 'Kovalenko'],
  ['Лебедин', 'Lebedyn'],
  ['Леонід', 'Leonid'],
  ['Миколаїв', 'Mykolaiv'],
  ['Маринич', 'Marynych'],
  ['Ніжин', 'Nizhyn'],
  ['Наталія', 'Nataliia'],
  ['Одеса', 'Odesa'],
  ['Онищенко', 'Onyshchenko'],
  ['Полтава', 'Poltava'],
  ['Петро', 'Petro'],
  ['Решетилівка', 'Reshetylivka'],
  ['Рибчинський', 'Rybchynskyi'],
  ['Суми', 'Sumy'],
  ['Соломія', 'Solomiia'],
  ['Тернопіль', 'Ternopil'],
  ['Троць', 'Trots'],
  ['Ужгород', 'Uzhhorod'],
  ['Уляна', 'Uliana'],
  ['Фастів', 'Fastiv'],
  ['Філіпчук', 'Filipchuk'],
  ['Харків', 'Kharkiv'],
  ['Христина', 'Khrystyna'],
  ['Біла Церква', 'Bila Tserkva'],
  ['Стеценко', 'Stetsenko'],
  ['Чернівці', 'Chernivtsi'],
  ['Шевченко', 'Shevchenko'],
  ['Шостка', 'Shostka'],
  ['Кишеньки', 'Kyshenky'],
  ['Щербухи', 'Shcherbukhy'],
  ['Гоща', 'Hoshcha'],
  ['Гаращенко', 'Harashchenko'],
  ['Юрій', 'Yurii'],
  ['Корюківка', 'Koriukivka'],
  ['Яготин', 'Yahotyn'],
  ['Ярошенко', 'Yaroshenko'],
  ['Костянтин', 'Kostiantyn'],
  ["Знам'янка", 'Znamianka'],
  ['Феодосія', 'Feodosiia'],
  // The note on "зг" → "zgh" (not "zh").
  ['Згорани', 'Zghorany'],
  ['Розгон', 'Rozghon'],
];

describe('transliterate — official examples of Resolution No. 55', () => {
  it.each(officialExamples)('%s → %s', (cyrillic, latin) => {
    expect(transliterate(cyrillic)).toBe(latin);
  });

  it.each(officialExamples)('%s in capitals → %s in capitals', (cyrillic, latin) => {
    expect(transliterate(cyrillic.toUpperCase())).toBe(latin.toUpperCase());
  });

  it.each(officialExamples)('%s in lower case → %s in lower case', (cyrillic, latin) => {
    expect(transliterate(cyrillic.toLowerCase())).toBe(latin.toLowerCase());
  });
});

describe('transliterate — rules', () => {
  it.each([
    // Position rules: word-initial form at the start of each word, including after a space or hyphen.
    ['Яна Ясна', 'Yana Yasna'],
    ['Ія', 'Iia'],
    ['Юлія-Юстина', 'Yuliia-Yustyna'],
    ['Єва', 'Yeva'],
    ['Ївга', 'Yivha'],
    ['Йосип', 'Yosyp'],
    ['Вʼячеслав', 'Viacheslav'],
    ['В’ячеслав', 'Viacheslav'],
    ['Сʼюзанна', 'Siuzanna'],
    ['Ольга', 'Olha'],
    ['Ґудзь', 'Gudz'],
    // "зг" in any case and position; "сг", "жг" are not affected.
    ['ЗГУРСЬКИЙ', 'ZGHURSKYI'],
    ['згода', 'zghoda'],
    ['Мезгалка', 'Mezghalka'],
    ['Сгадка', 'Shadka'],
    // Case: capital first letter gives "Zh", all caps gives "ZH", initials keep their letters.
    ['Щука', 'Shchuka'],
    ['ЩУКА', 'SHCHUKA'],
    ['Шевченко О. Ю.', 'Shevchenko O. Yu.'],
    ['ШЕВЧЕНКО ОЛЕКСІЙ ЮРІЙОВИЧ', 'SHEVCHENKO OLEKSII YURIIOVYCH'],
    ['Жанна', 'Zhanna'],
    // Anything outside the Ukrainian alphabet is kept.
    ['Shevchenko', 'Shevchenko'],
    ['вул. Хрещатик, 22', 'vul. Khreshchatyk, 22'],
    ["'Лапки'", "'Lapky'"],
    ["'Яна'", "'Yana'"],
    ['', ''],
  ])('%s → %s', (cyrillic, latin) => {
    expect(transliterate(cyrillic)).toBe(latin);
  });

  it('handles a decomposed Й / Ї (macOS input)', () => {
    expect(transliterate('Олексіи\u0306')).toBe('Oleksii');
    expect(transliterate('Киі\u0308в')).toBe('Kyiv');
  });
});

describe('normalizeNameForMatch', () => {
  it.each([
    ['  Шевченко   Олексій ', 'шевченко олексій'],
    ["Знам'янка", "знам'янка"],
    ['Знамʼянка', "знам'янка"],
    ['Знам’янка', "знам'янка"],
    ['Знам`янка', "знам'янка"],
    ['Анна–Марія', 'анна-марія'],
    ['ОЛЕКСІЙ\tПЕТРОВИЧ', 'олексій петрович'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeNameForMatch(input)).toBe(expected);
  });
});

describe('latinKey', () => {
  it.each([
    ['Шевченко', 'shevchenko'],
    ['SHEVCHENKO', 'shevchenko'],
    ['  Shevchenko ', 'shevchenko'],
    ['Олексій', 'oleksii'],
    ['OLEKSII', 'oleksii'],
    ["Знам'янка", 'znamianka'],
    ['Znamianka', 'znamianka'],
    ['Анна-Марія', 'annamariia'],
    ['Ševčenko', 'sevcenko'],
  ])('%s → %s', (input, expected) => {
    expect(latinKey(input)).toBe(expected);
  });
});

describe('looseLatinKey', () => {
  it.each([
    ['Олексій', 'Oleksiy'],
    ['Олексій', 'Oleksij'],
    ['Олексій', 'OLEKSII'],
    ['Сергій', 'Sergiy'],
    ['Юрій', 'Jurij'],
    ['Ганна', 'Hana'],
    ['Олександр', 'Olexandr'],
    ['Коваленко', 'Kowalenko'],
    ['Наталія', 'Nataliya'],
  ])('%s matches %s', (cyrillic, latin) => {
    expect(looseLatinKey(cyrillic)).toBe(looseLatinKey(latin));
  });

  it.each([
    ['Олексій', 'Oleksandr'],
    ['Шевченко', 'Shevchuk'],
  ])('%s does not match %s', (a, b) => {
    expect(looseLatinKey(a)).not.toBe(looseLatinKey(b));
  });
});

describe('nameSimilarityKeys', () => {
  it('returns the exact and loose keys, also with the order swapped', () => {
    expect(nameSimilarityKeys('Шевченко', 'Олексій')).toEqual(['shevchenko|oleksii', '~shevchenko|oleksi', 'oleksii|shevchenko', '~oleksi|shevchenko']);
  });

  it('returns each key once', () => {
    expect(nameSimilarityKeys('Анна', 'Анна')).toEqual(['anna|anna', '~ana|ana']);
  });

  /** True when two people share at least one key. */
  const overlaps = (a: string[], b: string[]): boolean => a.some((k) => b.includes(k));

  it.each([
    [['Шевченко', 'Олексій'], ['SHEVCHENKO', 'OLEKSII']],
    [['Шевченко', 'Олексій'], ['Shevchenko', 'Oleksiy']],
    [['Шевченко', 'Олексій'], ['OLEKSII', 'SHEVCHENKO']],
    [['Ковальчук', 'Юлія'], ['Kovalchuk', 'Yuliya']],
    [["Дем'яненко", 'Ярослава'], ['DEMIANENKO', 'YAROSLAVA']],
  ])('%j possibly matches %j', ([s1, g1], [s2, g2]) => {
    expect(overlaps(nameSimilarityKeys(s1 ?? '', g1 ?? ''), nameSimilarityKeys(s2 ?? '', g2 ?? ''))).toBe(true);
  });

  it('an exact transliteration shares the exact key', () => {
    expect(nameSimilarityKeys('SHEVCHENKO', 'OLEKSII')[0]).toBe(nameSimilarityKeys('Шевченко', 'Олексій')[0]);
  });

  it('different people share no key', () => {
    expect(overlaps(nameSimilarityKeys('Шевченко', 'Олексій'), nameSimilarityKeys('Шевченко', 'Олександр'))).toBe(false);
  });
});
