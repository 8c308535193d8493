import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';
import 'dayjs/locale/uk.js';

dayjs.extend(customParseFormat);

const kyivDateTime = new Intl.DateTimeFormat('uk-UA', {
  timeZone: 'Europe/Kyiv',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const kyivTime = new Intl.DateTimeFormat('uk-UA', { timeZone: 'Europe/Kyiv', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const kyivDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Kyiv', year: 'numeric', month: '2-digit', day: '2-digit' });

/** `YYYY-MM-DD` → `дд.мм.рррр` (UX conventions); other strings pass through. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  // An instant (with time) is shown as its date in Kyiv.
  if (iso.length > 10) return formatDate(toKyivDate(iso));
  return `${m[3]}.${m[2]}.${m[1]}`;
}

/** The calendar date of an instant in Europe/Kyiv, `YYYY-MM-DD`. */
export function toKyivDate(instant: string | Date): string {
  return kyivDate.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** An instant shown as `дд.мм.рррр гг:хх` in Kyiv time, 24-hour clock. */
export function formatDateTime(instant: string | null | undefined): string {
  if (!instant) return '';
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  return kyivDateTime.format(d).replace(',', '');
}

/** An instant's time as `гг:хх` in Kyiv. */
export function formatTime(instant: string | Date): string {
  return kyivTime.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** Today's date in Kyiv, `YYYY-MM-DD`. */
export function todayInKyiv(): string {
  return toKyivDate(new Date());
}

/** Parses what a user typed as `дд.мм.рррр` (also `д.м.рррр`, `дд/мм/рррр`, `рррр-мм-дд`) into `YYYY-MM-DD`, or null. */
export function parseUserDate(input: string): string | null {
  const s = input.trim();
  if (!s) return null;
  const d = dayjs(s, ['DD.MM.YYYY', 'D.M.YYYY', 'DD/MM/YYYY', 'D/M/YYYY', 'YYYY-MM-DD'], true);
  return d.isValid() ? d.format('YYYY-MM-DD') : null;
}

/** Parses `дд.мм.рррр гг:хх` (browser-local time) into `YYYY-MM-DD HH:mm:ss`, or null. */
export function parseUserDateTime(input: string): string | null {
  const s = input.trim();
  if (!s) return null;
  const d = dayjs(s, ['DD.MM.YYYY HH:mm', 'D.M.YYYY H:mm', 'DD.MM.YYYY, HH:mm', 'DD.MM.YYYY', 'YYYY-MM-DD HH:mm:ss', 'YYYY-MM-DD HH:mm'], true);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm:ss') : null;
}

/** `YYYY-MM-DD HH:mm:ss` in browser-local time → ISO 8601 instant in UTC. */
export function localDateTimeToInstant(value: string): string {
  return dayjs(value, 'YYYY-MM-DD HH:mm:ss').toISOString();
}

/** The current browser-local time as `YYYY-MM-DD HH:mm:ss` (minutes precision). */
export function nowLocalDateTime(): string {
  return dayjs().second(0).format('YYYY-MM-DD HH:mm:ss');
}
