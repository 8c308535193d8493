import { DateInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { parseUserDate, parseUserDateTime, todayInKyiv } from '../../ui/format.ts';

type Common = { label: string; error?: string | undefined; required?: boolean; id?: string; description?: string | undefined };

/** A date typed or picked as дд.мм.рррр; value `YYYY-MM-DD` or null; not after today unless `allowFuture`. */
export function DateField({ value, onChange, allowFuture, description, ...rest }: Common & { value: string | null; onChange: (v: string | null) => void; allowFuture?: boolean }) {
  const { t } = useTranslation();
  return (
    <DateInput
      {...rest}
      description={description ?? t('common.dateFormatHint')}
      placeholder="дд.мм.рррр"
      valueFormat="DD.MM.YYYY"
      dateParser={parseUserDate}
      {...(allowFuture ? {} : { maxDate: todayInKyiv() })}
      clearable
      clearButtonProps={{ 'aria-label': t('safetyAct.clearDate') }}
      value={value}
      onChange={(v) => onChange(v ? String(v).slice(0, 10) : null)}
    />
  );
}

/** A date and time typed or picked as дд.мм.рррр гг:хх; value `YYYY-MM-DD HH:mm:ss` in browser-local time, or null. */
export function DateTimeField({ value, onChange, description, ...rest }: Common & { value: string | null; onChange: (v: string | null) => void }) {
  const { t } = useTranslation();
  return (
    <DateInput
      {...rest}
      description={description ?? t('common.dateTimeFormatHint')}
      withTime
      valueFormat="DD.MM.YYYY HH:mm"
      dateParser={parseUserDateTime}
      value={value}
      onChange={(v) => onChange(v ? String(v) : null)}
    />
  );
}
