/**
 * Money in hryvnias as Ukrainians write it (UX conventions): `1 234,56 грн` — a (non-breaking) space between
 * thousands, a comma before the kopecks.
 */
export function formatHryvnias(amount: number, currency = 'грн'): string {
  const fixed = Math.abs(amount).toFixed(2);
  const [whole = '0', kopecks = '00'] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${amount < 0 ? '−' : ''}${grouped},${kopecks}\u00a0${currency}`;
}
