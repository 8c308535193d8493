import { describe, expect, it } from 'vitest';
import { anonymisedText, anonymiseDocument, birthDateToYear, isKeptDocumentString, retentionCutoff } from './retention.ts';

describe('retention (SPEC §11)', () => {
  it.each([
    ['2026-11-20', 5, '2021-11-20'],
    ['2026-11-20', 0, '2026-11-20'],
    ['2028-02-29', 5, '2023-02-28'],
    ['2028-02-29', 4, '2024-02-29'],
  ])('on %s with %i years the cutoff is %s', (today, years, cutoff) => {
    expect(retentionCutoff(today, years)).toBe(cutoff);
  });
  it('keeps only the year of birth', () => {
    expect(birthDateToYear('2016-03-01')).toBe('2016-01-01');
  });

  it.each([
    ['domestic_violence', true],
    ['', true],
    ['2b1e4c1a-5d7e-4f3a-9c1b-0e2d3f4a5b6c', true],
    ['2026-11-20', true],
    ['2026-11-20T08:00:00.000Z', true],
    [anonymisedText, true],
    ['Оксана Петрівна', false],
    ['+380 50 111 22 33', false],
    ['0501112233', false],
    ['Mother said so', false],
    ['a@b.ua', false],
  ])('a document string %j is kept: %s', (value, kept) => {
    expect(isKeptDocumentString(value)).toBe(kept);
  });
  it('blanks the free text of a document and keeps codes, ids, dates, numbers, booleans and its shape; a second pass changes nothing', () => {
    const act = {
      family: { strengths: 'Бабуся Ганна живе поруч', needs: '', indicators: { housing: { rating: 'fully_meets', note: 'Квартира на вул. Шевченка 5' } } },
      members: [{ personId: 'p-1', disability: true, legalCapacity: 'full', occupation: 'вчителька', registeredAtResidence: null, phone: '0501112233' }],
      conclusion: { complexity: 'complex', otherSpecialists: ['психолог', 'social_worker'], agreementDate: '2020-05-01', score: 3 },
      servicesProvided: [{ serviceCode: 'ISSB-1.2', description: 'Консультації Олені' }],
    };
    const once = anonymiseDocument(act);
    expect(once).toEqual({
      family: { strengths: anonymisedText, needs: '', indicators: { housing: { rating: 'fully_meets', note: anonymisedText } } },
      members: [{ personId: 'p-1', disability: true, legalCapacity: 'full', occupation: anonymisedText, registeredAtResidence: null, phone: anonymisedText }],
      conclusion: { complexity: 'complex', otherSpecialists: [anonymisedText, 'social_worker'], agreementDate: '2020-05-01', score: 3 },
      servicesProvided: [{ serviceCode: 'ISSB-1.2', description: anonymisedText }],
    });
    expect(anonymiseDocument(once)).toEqual(once);
    expect(JSON.stringify(once)).not.toMatch(/Ганна|Шевченка|0501112233|Олені|вчителька/);
  });
});
