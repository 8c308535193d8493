import { describe, it, expect } from 'vitest';
import { compareUkrainian, formatFullName, formatShortName, type PersonName } from './person-name.ts';

describe('formatFullName / formatShortName', () => {
  it.each<[PersonName, string, string]>([
    [{ surname: 'Шевченко', givenName: 'Олексій', patronymic: 'Петрович' }, 'Шевченко Олексій Петрович', 'Шевченко О. П.'],
    [{ surname: 'Шевченко', givenName: 'Олексій' }, 'Шевченко Олексій', 'Шевченко О.'],
    [{ surname: 'Шевченко', givenName: 'Олексій', patronymic: null }, 'Шевченко Олексій', 'Шевченко О.'],
    [{ surname: 'Шевченко', givenName: 'Олексій', patronymic: '  ' }, 'Шевченко Олексій', 'Шевченко О.'],
    [{ surname: '  Коваль ', givenName: ' Єва ', patronymic: ' Юріївна ' }, 'Коваль Єва Юріївна', 'Коваль Є. Ю.'],
    [{ surname: 'Петренко-Коваль', givenName: 'Анна-Марія', patronymic: 'Іванівна' }, 'Петренко-Коваль Анна-Марія Іванівна', 'Петренко-Коваль А.-М. І.'],
    [{ surname: 'Ґалаґан', givenName: 'ївга', patronymic: 'олегівна' }, 'Ґалаґан ївга олегівна', 'Ґалаґан Ї. О.'],
    [{ surname: 'Шевченко', givenName: '' }, 'Шевченко', 'Шевченко'],
  ])('%j → %s / %s', (name, full, short) => {
    expect(formatFullName(name)).toBe(full);
    expect(formatShortName(name)).toBe(short);
  });
});

describe('compareUkrainian', () => {
  it('sorts in Ukrainian alphabetical order', () => {
    const names = ['Ярема', 'Їжак', 'Іван', 'Иванюк', 'Гнат', 'Ґалаґан', 'Єва', 'Ежен', 'Йосип', 'Богдан', 'Щука', 'Шевченко', 'Юрій', 'Ілля'];
    expect([...names].sort(compareUkrainian)).toEqual([
      'Богдан',
      'Гнат',
      'Ґалаґан',
      'Ежен',
      'Єва',
      'Иванюк',
      'Іван',
      'Ілля',
      'Їжак',
      'Йосип',
      'Шевченко',
      'Щука',
      'Юрій',
      'Ярема',
    ]);
  });

  it('returns 0 for equal strings and orders numbers naturally', () => {
    expect(compareUkrainian('Олена', 'Олена')).toBe(0);
    expect(compareUkrainian('будинок 2', 'будинок 10')).toBeLessThan(0);
  });
});
