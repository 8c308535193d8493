/**
 * The schematic tile map of Ukraine (a cartogram, not boundaries: no boundary geodata ships offline). Each oblast, the
 * city of Kyiv, the Autonomous Republic of Crimea and the city of Sevastopol is one square tile placed at its
 * approximate position on an 8 × 6 grid (column west → east, row north → south). Territories are matched by the
 * stem of their Ukrainian (or English) name, so the demo subset and the national data set both find their tiles.
 */
export type GridCell = {
  key: string;
  col: number;
  row: number;
  /** Short label printed on the tile. */
  shortUk: string;
  shortEn: string;
  /** Name stems that identify the territory (Ukrainian first; checked in the order of `oblastGrid`). */
  stemsUk: string[];
  stemsEn: string[];
};

const cell = (key: string, col: number, row: number, shortUk: string, shortEn: string, stemsUk: string[], stemsEn: string[]): GridCell => ({ key, col, row, shortUk, shortEn, stemsUk, stemsEn });

/** The 24 oblasts, Kyiv city, Crimea and Sevastopol. The city of Kyiv is listed before Kyiv oblast's looser stem is tried. */
export const oblastGrid: readonly GridCell[] = [
  cell('volyn', 1, 0, 'Вол', 'Vol', ['Волин'], ['Volyn']),
  cell('rivne', 2, 0, 'Рів', 'Riv', ['Рівнен'], ['Rivne']),
  cell('zhytomyr', 3, 0, 'Жит', 'Zhy', ['Житомир'], ['Zhytomyr']),
  cell('kyiv_city', 4, 0, 'м. Київ', 'Kyiv c.', ['м. Київ', 'місто Київ', 'Київ'], ['Kyiv City', 'City of Kyiv', 'Kyiv']),
  cell('chernihiv', 5, 0, 'Чнг', 'Chg', ['Чернігів'], ['Chernihiv']),
  cell('sumy', 6, 0, 'Сум', 'Sum', ['Сумськ'], ['Sumy']),
  cell('lviv', 0, 1, 'Льв', 'Lvi', ['Львів'], ['Lviv']),
  cell('ternopil', 1, 1, 'Тер', 'Ter', ['Тернопіл'], ['Ternopil']),
  cell('khmelnytskyi', 2, 1, 'Хмл', 'Khm', ['Хмельниц'], ['Khmelnytskyi', 'Khmelnytsky']),
  cell('vinnytsia', 3, 1, 'Він', 'Vin', ['Вінниц'], ['Vinnytsia']),
  cell('kyiv', 4, 1, 'Київ', 'Kyiv', ['Київськ'], ['Kyiv Oblast', 'Kyiv Region']),
  cell('poltava', 5, 1, 'Пол', 'Pol', ['Полтав'], ['Poltava']),
  cell('kharkiv', 6, 1, 'Хрк', 'Khk', ['Харків'], ['Kharkiv']),
  cell('luhansk', 7, 1, 'Луг', 'Luh', ['Луган'], ['Luhansk']),
  cell('zakarpattia', 0, 2, 'Зак', 'Zak', ['Закарпат'], ['Zakarpattia', 'Transcarpathia']),
  cell('ivano_frankivsk', 1, 2, 'І-Ф', 'I-F', ['Івано-Франків'], ['Ivano-Frankivsk']),
  cell('chernivtsi', 2, 2, 'Чрв', 'Chv', ['Чернівец'], ['Chernivtsi']),
  cell('odesa', 3, 2, 'Оде', 'Ode', ['Одес'], ['Odesa', 'Odessa']),
  cell('cherkasy', 4, 2, 'Чрк', 'Chk', ['Черкас'], ['Cherkasy']),
  cell('dnipro', 5, 2, 'Дні', 'Dni', ['Дніпропетров', 'Дніпров'], ['Dnipropetrovsk', 'Dnipro']),
  cell('donetsk', 6, 2, 'Дон', 'Don', ['Донец'], ['Donetsk']),
  cell('mykolaiv', 3, 3, 'Мик', 'Myk', ['Миколаїв'], ['Mykolaiv']),
  cell('kirovohrad', 4, 3, 'Кір', 'Kir', ['Кіровоград', 'Кропивниц'], ['Kirovohrad', 'Kropyvnytskyi']),
  cell('zaporizhzhia', 5, 3, 'Зап', 'Zap', ['Запоріз'], ['Zaporizhzhia']),
  cell('kherson', 4, 4, 'Хер', 'Khe', ['Херсон'], ['Kherson']),
  cell('sevastopol', 3, 5, 'Сев', 'Sev', ['Севастопол'], ['Sevastopol']),
  cell('crimea', 4, 5, 'Крим', 'Crim', ['Крим'], ['Crimea']),
];

/** Columns and rows of the grid. */
export const gridSize = { cols: 8, rows: 6 } as const;

const isKyivCityName = (uk: string, en: string) => (/Київ/.test(uk) && !/Київськ/.test(uk)) || (/^(City of )?Kyiv( City)?$/.test(en.trim()) && !/Oblast|Region/.test(en));

/** The grid cell of a territory, by its names; null when no tile matches (it is shown in an extra row). */
export function gridCellOf(nameUk: string, nameEn: string): GridCell | null {
  for (const c of oblastGrid) {
    if (c.key === 'kyiv_city') {
      if (isKyivCityName(nameUk, nameEn)) return c;
      continue;
    }
    if (c.stemsUk.some((s) => nameUk.includes(s)) || c.stemsEn.some((s) => nameEn.includes(s))) return c;
  }
  return null;
}

/** Places territories on the grid: each grid cell with the territory that matched it (if any), and the ones that matched none. */
export function placeOnGrid<T extends { nameUk: string; nameEn: string }>(items: readonly T[]): { placed: Array<{ cell: GridCell; item: T | null }>; unplaced: T[] } {
  const byKey = new Map<string, T>();
  const unplaced: T[] = [];
  for (const it of items) {
    const c = gridCellOf(it.nameUk, it.nameEn);
    if (c && !byKey.has(c.key)) byKey.set(c.key, it);
    else unplaced.push(it);
  }
  return { placed: oblastGrid.map((c) => ({ cell: c, item: byKey.get(c.key) ?? null })), unplaced };
}

/** Colour classes of the scale (light → dark); the text colour keeps AA contrast on each. */
export const scaleColours = [
  { fill: '#e7f0fa', text: '#0b1f33' },
  { fill: '#b9d3ee', text: '#0b1f33' },
  { fill: '#6fa5da', text: '#0b1f33' },
  { fill: '#2d6fb5', text: '#ffffff' },
  { fill: '#0c3f7a', text: '#ffffff' },
] as const;

/** The colour class (0–4) of a value on a linear scale between min and max; null without a value. */
export function colourClass(value: number | null, min: number, max: number): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  if (max <= min) return value > 0 ? scaleColours.length - 1 : 0;
  const k = Math.floor(((value - min) / (max - min)) * scaleColours.length);
  return Math.min(scaleColours.length - 1, Math.max(0, k));
}

/** The bounds of each class for the legend. */
export function scaleBreaks(min: number, max: number): Array<{ from: number; to: number }> {
  const n = scaleColours.length;
  const step = max > min ? (max - min) / n : 0;
  return scaleColours.map((_, i) => ({ from: min + i * step, to: i === n - 1 ? max : min + (i + 1) * step }));
}
