// Official Ukrainian → Latin transliteration: Cabinet of Ministers of Ukraine Resolution No. 55 of
// 27 January 2010 "Про впорядкування транслітерації українського алфавіту латиницею".

/** Latin for each Ukrainian letter (lower case): `[at the start of a word, elsewhere]`. Soft sign has none. */
const LETTERS: Readonly<Record<string, readonly [string, string]>> = {
  а: ['a', 'a'],
  б: ['b', 'b'],
  в: ['v', 'v'],
  г: ['h', 'h'], // "gh" after з — see below
  ґ: ['g', 'g'],
  д: ['d', 'd'],
  е: ['e', 'e'],
  є: ['ye', 'ie'],
  ж: ['zh', 'zh'],
  з: ['z', 'z'],
  и: ['y', 'y'],
  і: ['i', 'i'],
  ї: ['yi', 'i'],
  й: ['y', 'i'],
  к: ['k', 'k'],
  л: ['l', 'l'],
  м: ['m', 'm'],
  н: ['n', 'n'],
  о: ['o', 'o'],
  п: ['p', 'p'],
  р: ['r', 'r'],
  с: ['s', 's'],
  т: ['t', 't'],
  у: ['u', 'u'],
  ф: ['f', 'f'],
  х: ['kh', 'kh'],
  ц: ['ts', 'ts'],
  ч: ['ch', 'ch'],
  ш: ['sh', 'sh'],
  щ: ['shch', 'shch'],
  ь: ['', ''],
  ю: ['yu', 'iu'],
  я: ['ya', 'ia'],
};

/** Apostrophe-like characters people type in Ukrainian words: ' ’ ʼ ` ‘ ′. */
const APOSTROPHES = /['’ʼ`‘′]/gu;
const APOSTROPHE_CHARS = new Set(["'", '’', 'ʼ', '`', '‘', '′']);

/** True for any letter of any script. */
function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /\p{L}/u.test(ch);
}

/** True for an upper-case letter. */
function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** True for a lower-case letter. */
function isLower(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/** True when the character at `i` follows a letter, or an apostrophe that follows a letter (so it is not word-initial). */
function isInsideWord(chars: readonly string[], i: number): boolean {
  const prev = chars[i - 1];
  if (isLetter(prev)) return true;
  return prev !== undefined && APOSTROPHE_CHARS.has(prev) && isLetter(chars[i - 2]);
}

/**
 * Transliterate Ukrainian Cyrillic to Latin by Resolution No. 55 of 2010: Є/Ї/Й/Ю/Я take their word-initial
 * form (Ye, Yi, Y, Yu, Ya) at the start of a word and ie, i, i, iu, ia elsewhere; "зг" gives "zgh"; the soft
 * sign and the apostrophe are dropped. Case follows the source ("Жанна" → "Zhanna", "ЖАННА" → "ZHANNA").
 * Characters outside the Ukrainian alphabet pass through unchanged.
 */
export function transliterate(text: string): string {
  const chars = Array.from(text.normalize('NFC'));
  let out = '';
  for (let i = 0; i < chars.length; i += 1) {
    const ch = chars[i] ?? '';
    const prev = chars[i - 1];
    const next = chars[i + 1];
    if (APOSTROPHE_CHARS.has(ch)) {
      // Resolution 55: the apostrophe is not rendered (only when it stands inside a word).
      if (isLetter(prev) && isLetter(next)) continue;
      out += ch;
      continue;
    }
    const lower = ch.toLowerCase();
    const pair = LETTERS[lower];
    if (!pair) {
      out += ch;
      continue;
    }
    const atWordStart = !isInsideWord(chars, i);
    let latin = atWordStart ? pair[0] : pair[1];
    // Resolution 55: "зг" is rendered "zgh" (Zghorany, Rozghon) to tell it from "zh" (ж).
    if (lower === 'г' && prev !== undefined && prev.toLowerCase() === 'з') latin = 'gh';
    if (latin === '' || !isUpper(ch)) {
      out += latin;
      continue;
    }
    // An upper-case letter in an all-caps run gives all caps ("ЩУКА" → "SHCHUKA"); otherwise only the
    // first Latin letter is capitalised ("Щука" → "Shchuka", initial "Щ." → "Shch.").
    // Look across an apostrophe inside a word ("КОРОП'Є" → "KOROPIE").
    const prevLetter = prev !== undefined && APOSTROPHE_CHARS.has(prev) ? chars[i - 2] : prev;
    const nextLetter = next !== undefined && APOSTROPHE_CHARS.has(next) ? chars[i + 2] : next;
    const isAllCapsRun = isUpper(nextLetter) || (isUpper(prevLetter) && !isLower(nextLetter));
    out += isAllCapsRun ? latin.toUpperCase() : latin.charAt(0).toUpperCase() + latin.slice(1);
  }
  return out;
}

/** Normalise a name for comparison: NFC, lower case, trimmed, single spaces, every apostrophe variant as "'" and every dash as "-". */
export function normalizeNameForMatch(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(APOSTROPHES, "'")
    .replace(/[‐‑‒–—]/gu, '-')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Match key of a name in any script: official transliteration, lower case, Latin letters a–z only ("Шевченко" and "SHEVCHENKO" → "shevchenko"). */
export function latinKey(s: string): string {
  return transliterate(normalizeNameForMatch(s))
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z]/gu, '');
}

/**
 * A looser key that folds spellings from other romanisations found in foreign and older documents onto
 * the same string: j→i, y→i, w→v, x→ks, g→h, then doubled letters collapsed ("Oleksiy", "Oleksij" and
 * "Oleksii" → "oleksi"; "Serhiy"/"Sergiy" → "serhi"). Not part of Resolution 55: a matching aid only.
 */
export function looseLatinKey(s: string): string {
  return latinKey(s)
    .replace(/[jy]/gu, 'i')
    .replace(/w/gu, 'v')
    .replace(/x/gu, 'ks')
    .replace(/g/gu, 'h')
    .replace(/([a-z])\1+/gu, '$1');
}

/**
 * Distinct keys under which a person's name is indexed for duplicate search (SPEC §2.3, §12): the exact
 * transliterated key and the loose key, each also with surname and given name swapped (foreign documents
 * and forms differ in order). Two names sharing any key are a possible match; an equal first key is a strong one.
 */
export function nameSimilarityKeys(surname: string, givenName: string): string[] {
  const s = latinKey(surname);
  const g = latinKey(givenName);
  const ls = looseLatinKey(surname);
  const lg = looseLatinKey(givenName);
  return [...new Set([`${s}|${g}`, `~${ls}|${lg}`, `${g}|${s}`, `~${lg}|${ls}`])];
}
