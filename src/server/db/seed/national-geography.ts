import { transliterate } from '#domain/persons/transliteration.ts';

/**
 * The country for the national-size seed (SPEC §0, §13): the 24 oblasts and Kyiv city with their real names and real
 * numbers of rayons and hromadas (2020 administrative reform), population from the 2022 estimates (thousands).
 * Rayons and hromadas get synthetic but plausible names, a mix of urban, settlement and rural hromadas and a population
 * drawn from a seeded PRNG so that children (0–17, about 18.2 % of the population) add up to about 7.5 million.
 */
export type NationalOblast = { key: string; nameUk: string; nameEn: string; rayons: number; hromadas: number; populationK: number };

export const nationalOblasts: readonly NationalOblast[] = [
  { key: '05', nameUk: 'Вінницька область', nameEn: 'Vinnytsia Oblast', rayons: 6, hromadas: 63, populationK: 1509 },
  { key: '07', nameUk: 'Волинська область', nameEn: 'Volyn Oblast', rayons: 4, hromadas: 54, populationK: 1021 },
  { key: '12', nameUk: 'Дніпропетровська область', nameEn: 'Dnipropetrovsk Oblast', rayons: 7, hromadas: 86, populationK: 3097 },
  { key: '14', nameUk: 'Донецька область', nameEn: 'Donetsk Oblast', rayons: 8, hromadas: 66, populationK: 4060 },
  { key: '18', nameUk: 'Житомирська область', nameEn: 'Zhytomyr Oblast', rayons: 4, hromadas: 66, populationK: 1179 },
  { key: '21', nameUk: 'Закарпатська область', nameEn: 'Zakarpattia Oblast', rayons: 6, hromadas: 64, populationK: 1245 },
  { key: '23', nameUk: 'Запорізька область', nameEn: 'Zaporizhzhia Oblast', rayons: 5, hromadas: 67, populationK: 1639 },
  { key: '26', nameUk: 'Івано-Франківська область', nameEn: 'Ivano-Frankivsk Oblast', rayons: 6, hromadas: 62, populationK: 1351 },
  { key: '32', nameUk: 'Київська область', nameEn: 'Kyiv Oblast', rayons: 7, hromadas: 69, populationK: 1795 },
  { key: '35', nameUk: 'Кіровоградська область', nameEn: 'Kirovohrad Oblast', rayons: 4, hromadas: 49, populationK: 903 },
  { key: '44', nameUk: 'Луганська область', nameEn: 'Luhansk Oblast', rayons: 8, hromadas: 37, populationK: 2102 },
  { key: '46', nameUk: 'Львівська область', nameEn: 'Lviv Oblast', rayons: 7, hromadas: 73, populationK: 2478 },
  { key: '48', nameUk: 'Миколаївська область', nameEn: 'Mykolaiv Oblast', rayons: 4, hromadas: 52, populationK: 1091 },
  { key: '51', nameUk: 'Одеська область', nameEn: 'Odesa Oblast', rayons: 7, hromadas: 91, populationK: 2351 },
  { key: '53', nameUk: 'Полтавська область', nameEn: 'Poltava Oblast', rayons: 4, hromadas: 60, populationK: 1352 },
  { key: '56', nameUk: 'Рівненська область', nameEn: 'Rivne Oblast', rayons: 4, hromadas: 64, populationK: 1141 },
  { key: '59', nameUk: 'Сумська область', nameEn: 'Sumy Oblast', rayons: 5, hromadas: 51, populationK: 1035 },
  { key: '61', nameUk: 'Тернопільська область', nameEn: 'Ternopil Oblast', rayons: 3, hromadas: 55, populationK: 1021 },
  { key: '63', nameUk: 'Харківська область', nameEn: 'Kharkiv Oblast', rayons: 7, hromadas: 56, populationK: 2598 },
  { key: '65', nameUk: 'Херсонська область', nameEn: 'Kherson Oblast', rayons: 5, hromadas: 49, populationK: 1001 },
  { key: '68', nameUk: 'Хмельницька область', nameEn: 'Khmelnytskyi Oblast', rayons: 3, hromadas: 60, populationK: 1228 },
  { key: '71', nameUk: 'Черкаська область', nameEn: 'Cherkasy Oblast', rayons: 4, hromadas: 66, populationK: 1160 },
  { key: '73', nameUk: 'Чернівецька область', nameEn: 'Chernivtsi Oblast', rayons: 3, hromadas: 52, populationK: 890 },
  { key: '74', nameUk: 'Чернігівська область', nameEn: 'Chernihiv Oblast', rayons: 5, hromadas: 57, populationK: 960 },
  { key: '80', nameUk: 'місто Київ', nameEn: 'Kyiv City', rayons: 1, hromadas: 1, populationK: 2952 },
];

/** Share of children (0–17) in the population. */
export const childShare = 0.182;

/** mulberry32: a small seeded PRNG, the same numbers for the same seed on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const roots = [
  'берез', 'вишн', 'дуб', 'калин', 'лип', 'сосн', 'топол', 'яблун', 'груш', 'клен', 'верб', 'ясен', 'горіх', 'малин', 'ракит', 'черемх',
  'глин', 'камін', 'піщан', 'криниц', 'озер', 'ставк', 'луг', 'гай', 'бор', 'пол', 'брід', 'мост', 'млин', 'слобід', 'городищ', 'зелен',
  'світл', 'ясн', 'тих', 'красн', 'біл', 'черн', 'син', 'золот', 'срібн', 'мирн', 'добр', 'весел', 'щаслив', 'жовт', 'руд', 'кам\'ян',
  'дубров', 'ольх', 'терн', 'бузк', 'вільх', 'осик', 'ялин', 'смерек', 'барвін', 'калач', 'медв', 'лебед', 'журавл', 'соколь', 'голуб', 'орл',
];
const prefixes = ['', 'велико', 'мало', 'ново', 'старо', 'верхньо', 'нижньо', 'підгір', 'заріч'];
const suffixes = ['івська', 'инська', 'янська', 'ецька', 'ська'];

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A feminine adjective place name such as «Великоберезівська», unique within `used`. */
function placeAdjective(rand: () => number, used: Set<string>): string {
  for (;;) {
    const root = roots[Math.floor(rand() * roots.length)] ?? 'берез';
    const prefix = rand() < 0.35 ? (prefixes[1 + Math.floor(rand() * (prefixes.length - 1))] ?? '') : '';
    const suffix = suffixes[Math.floor(rand() * suffixes.length)] ?? 'ська';
    const name = capitalise(`${prefix}${root}${suffix}`);
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

/** «Вінницька» → «Вінницький». */
function masculine(adj: string): string {
  return adj.replace(/а$/, 'ий');
}

const kindWords = { urban: ['міська', 'urban'], settlement: ['селищна', 'settlement'], rural: ['сільська', 'rural'] } as const;

export type NationalHromada = { index: number; oblastIndex: number; rayonIndex: number; code: string; nameUk: string; nameEn: string; kind: 'urban' | 'settlement' | 'rural'; population: number; childPopulation: number };
export type NationalRayon = { index: number; oblastIndex: number; code: string; nameUk: string; nameEn: string; hromadas: NationalHromada[] };
export type NationalGeography = { oblasts: Array<Omit<NationalOblast, 'rayons' | 'hromadas'> & { index: number; code: string; rayons: NationalRayon[] }>; hromadas: NationalHromada[] };

/** Builds the territory tree deterministically from the seed; `only` keeps one oblast (the oblast-size demo). */
export function buildNationalGeography(seed: number, only?: string): NationalGeography {
  const rand = prng(seed * 7919 + 17);
  const hromadas: NationalHromada[] = [];
  const oblasts: NationalGeography['oblasts'] = [];
  let rayonIndex = 0;
  nationalOblasts.forEach((o, oi) => {
    const used = new Set<string>();
    const centreAdj = o.key === '80' ? 'Київська' : o.nameUk.replace(/ область$/, '');
    const centreEn = o.key === '80' ? 'Kyiv' : o.nameEn.replace(/ Oblast$/, '');
    used.add(centreAdj);
    // Hromada weights: the oblast centre holds about 30 % of the population, the rest is skewed (a few towns, many villages).
    const kinds: Array<'urban' | 'settlement' | 'rural'> = [];
    const weights: number[] = [];
    for (let h = 0; h < o.hromadas; h += 1) {
      if (h === 0) {
        kinds.push('urban');
        weights.push(o.hromadas === 1 ? 1 : 0.3);
        continue;
      }
      const r = rand();
      const kind = r < 0.22 ? 'urban' : r < 0.5 ? 'settlement' : 'rural';
      kinds.push(kind);
      const base = kind === 'urban' ? 3 : kind === 'settlement' ? 1.4 : 1;
      weights.push(base * (0.4 + rand() * 1.2));
    }
    const rest = weights.slice(1).reduce((a, b) => a + b, 0);
    const share = weights.map((w, i) => (i === 0 ? w : (rest > 0 ? (w / rest) * 0.7 : 0)));
    const rayons: NationalRayon[] = [];
    for (let r = 0; r < o.rayons; r += 1) {
      const adj = r === 0 ? centreAdj : placeAdjective(rand, used);
      const uk = o.key === '80' ? 'місто Київ (райони міста)' : `${masculine(adj)} район`;
      const en = o.key === '80' ? 'Kyiv City (city districts)' : `${r === 0 ? centreEn : transliterate(adj)} Raion`;
      rayons.push({ index: rayonIndex, oblastIndex: oi, code: `UA-NS-${o.key}-${String(r + 1).padStart(2, '0')}`, nameUk: uk, nameEn: en, hromadas: [] });
      rayonIndex += 1;
    }
    for (let h = 0; h < o.hromadas; h += 1) {
      const kind = kinds[h] ?? 'rural';
      const rayon = rayons[h < o.rayons ? h : Math.floor(rand() * o.rayons)] ?? rayons[0];
      if (!rayon) continue;
      const adj = h === 0 ? centreAdj : placeAdjective(rand, used);
      const [kindUk, kindEn] = kindWords[kind];
      const population = Math.max(1500, Math.round(o.populationK * 1000 * (share[h] ?? 0)));
      const hromada: NationalHromada = {
        index: hromadas.length,
        oblastIndex: oi,
        rayonIndex: rayon.index,
        code: `${rayon.code}-${String(h + 1).padStart(3, '0')}`,
        nameUk: `${adj} ${kindUk} територіальна громада`,
        nameEn: `${h === 0 ? centreEn : transliterate(adj)} ${kindEn} hromada`,
        kind,
        population,
        childPopulation: Math.round(population * childShare * (0.9 + rand() * 0.2)),
      };
      rayon.hromadas.push(hromada);
      hromadas.push(hromada);
    }
    oblasts.push({ ...o, index: oi, code: `UA-NS-${o.key}`, rayons });
  });
  if (!only) return { oblasts, hromadas };
  const keep = oblasts.filter((o) => o.key === only || o.nameEn === only || o.nameUk === only);
  if (keep.length === 0) throw new Error(`No oblast ${only}`);
  return { oblasts: keep, hromadas: hromadas.filter((h) => keep.some((o) => o.index === h.oblastIndex)) };
}

/** Surnames as [male, female]. */
export const surnames: ReadonlyArray<[string, string]> = [
  ['Мельник', 'Мельник'], ['Шевченко', 'Шевченко'], ['Бойко', 'Бойко'], ['Коваленко', 'Коваленко'], ['Бондаренко', 'Бондаренко'], ['Ткаченко', 'Ткаченко'],
  ['Ковальчук', 'Ковальчук'], ['Кравченко', 'Кравченко'], ['Олійник', 'Олійник'], ['Шевчук', 'Шевчук'], ['Коваль', 'Коваль'], ['Поліщук', 'Поліщук'],
  ['Бондар', 'Бондар'], ['Ткачук', 'Ткачук'], ['Марченко', 'Марченко'], ['Руденко', 'Руденко'], ['Савченко', 'Савченко'], ['Лисенко', 'Лисенко'],
  ['Мороз', 'Мороз'], ['Петренко', 'Петренко'], ['Клименко', 'Клименко'], ['Павленко', 'Павленко'], ['Кравчук', 'Кравчук'], ['Кузьменко', 'Кузьменко'],
  ['Пономаренко', 'Пономаренко'], ['Савчук', 'Савчук'], ['Василенко', 'Василенко'], ['Левченко', 'Левченко'], ['Харченко', 'Харченко'], ['Карпенко', 'Карпенко'],
  ['Гончаренко', 'Гончаренко'], ['Мазур', 'Мазур'], ['Литвиненко', 'Литвиненко'], ['Мартинюк', 'Мартинюк'], ['Гнатюк', 'Гнатюк'], ['Романюк', 'Романюк'],
  ['Юрченко', 'Юрченко'], ['Гаврилюк', 'Гаврилюк'], ['Кушнір', 'Кушнір'], ['Лук\'яненко', 'Лук\'яненко'], ['Дячук', 'Дячук'], ['Костенко', 'Костенко'],
  ['Панченко', 'Панченко'], ['Яковенко', 'Яковенко'], ['Зінченко', 'Зінченко'], ['Остапчук', 'Остапчук'], ['Степаненко', 'Степаненко'], ['Тимошенко', 'Тимошенко'],
  ['Білоус', 'Білоус'], ['Гуменюк', 'Гуменюк'], ['Приходько', 'Приходько'], ['Демченко', 'Демченко'], ['Сидоренко', 'Сидоренко'], ['Власенко', 'Власенко'],
  ['Захарченко', 'Захарченко'], ['Ігнатенко', 'Ігнатенко'], ['Осадчий', 'Осадча'], ['Білий', 'Біла'], ['Сірий', 'Сіра'], ['Гладкий', 'Гладка'],
  ['Ковальський', 'Ковальська'], ['Вишневський', 'Вишневська'], ['Яворський', 'Яворська'], ['Лозинський', 'Лозинська'], ['Соловйов', 'Соловйова'], ['Гребенюк', 'Гребенюк'],
  ['Назаренко', 'Назаренко'], ['Фещенко', 'Фещенко'], ['Чорновол', 'Чорновол'], ['Стельмах', 'Стельмах'], ['Гордієнко', 'Гордієнко'], ['Онищенко', 'Онищенко'],
  ['Заїка', 'Заїка'], ['Дорошенко', 'Дорошенко'], ['Головко', 'Головко'], ['Сорока', 'Сорока'], ['Гайдамака', 'Гайдамака'], ['Нечипорук', 'Нечипорук'],
  ['Федорчук', 'Федорчук'], ['Прокопенко', 'Прокопенко'], ['Грищенко', 'Грищенко'], ['Пилипенко', 'Пилипенко'], ['Антонюк', 'Антонюк'], ['Семенюк', 'Семенюк'],
  ['Дмитренко', 'Дмитренко'], ['Тарасенко', 'Тарасенко'], ['Кириленко', 'Кириленко'], ['Мельничук', 'Мельничук'], ['Швець', 'Швець'], ['Гончар', 'Гончар'],
  ['Кучер', 'Кучер'], ['Рибак', 'Рибак'], ['Вовк', 'Вовк'], ['Козак', 'Козак'], ['Король', 'Король'], ['Лях', 'Лях'],
];

export const givenNames = {
  male: ['Олександр', 'Андрій', 'Дмитро', 'Максим', 'Іван', 'Артем', 'Назар', 'Богдан', 'Михайло', 'Тарас', 'Денис', 'Юрій', 'Олег', 'Сергій', 'Василь', 'Петро', 'Роман', 'Віктор', 'Ярослав', 'Матвій', 'Данило', 'Кирило', 'Владислав', 'Євген', 'Степан', 'Остап', 'Святослав', 'Ігор', 'Микола', 'Григорій'],
  female: ['Олена', 'Марія', 'Анна', 'Софія', 'Дарина', 'Вікторія', 'Юлія', 'Ірина', 'Наталія', 'Оксана', 'Тетяна', 'Світлана', 'Катерина', 'Анастасія', 'Соломія', 'Злата', 'Христина', 'Мирослава', 'Ганна', 'Людмила', 'Валентина', 'Галина', 'Лариса', 'Інна', 'Ольга', 'Яна', 'Діана', 'Вероніка', 'Поліна', 'Єва'],
} as const;

/** Patronymics as [male, female] from a father's name. */
export const patronymics: ReadonlyArray<[string, string]> = [
  ['Олександрович', 'Олександрівна'], ['Андрійович', 'Андріївна'], ['Дмитрович', 'Дмитрівна'], ['Іванович', 'Іванівна'], ['Богданович', 'Богданівна'],
  ['Михайлович', 'Михайлівна'], ['Тарасович', 'Тарасівна'], ['Юрійович', 'Юріївна'], ['Олегович', 'Олегівна'], ['Сергійович', 'Сергіївна'],
  ['Васильович', 'Василівна'], ['Петрович', 'Петрівна'], ['Романович', 'Романівна'], ['Вікторович', 'Вікторівна'], ['Ярославович', 'Ярославівна'],
  ['Миколайович', 'Миколаївна'], ['Степанович', 'Степанівна'], ['Ігорович', 'Ігорівна'], ['Володимирович', 'Володимирівна'], ['Григорович', 'Григорівна'],
];
