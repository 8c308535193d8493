import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';

describe('toCsv', () => {
  it('writes a BOM, semicolons and CRLF', () => {
    expect(toCsv(['Громада', 'Кількість'], [['Бучанська', 3]])).toBe('\uFEFFГромада;Кількість\r\nБучанська;3\r\n');
  });
  it('quotes cells with the separator, quotes or line breaks', () => {
    expect(toCsv(['a'], [['ГО «Коло»; Буча'], ['він сказав "так"'], ['рядок\nдругий']])).toBe('\uFEFFa\r\n"ГО «Коло»; Буча"\r\n"він сказав ""так"""\r\n"рядок\nдругий"\r\n');
  });
  it('uses another separator when asked', () => {
    expect(toCsv(['x', 'y'], [['1,5', 2]], ',')).toBe('\uFEFFx,y\r\n"1,5",2\r\n');
  });
});
