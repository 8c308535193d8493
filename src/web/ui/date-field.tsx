import { DateInput, type DateInputProps } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { parseUserDate, parseUserDateTime } from './format.ts';

type Base = Omit<DateInputProps, 'value' | 'onChange' | 'description' | 'clearButtonProps'> & { description?: string | undefined };

/**
 * A date typed or picked as дд.мм.рррр (the format hint below unless another description is given); value
 * `YYYY-MM-DD` or null. With `clearLabel` it can be cleared by a button that says what it clears.
 */
export function DateField({ value, onChange, description, clearLabel, ...rest }: Base & { value: string | null; onChange: (v: string | null) => void; clearLabel?: string }) {
  const { t } = useTranslation();
  return (
    <DateInput
      placeholder={t('common.datePlaceholder')}
      valueFormat="DD.MM.YYYY"
      dateParser={parseUserDate}
      {...(clearLabel ? { clearable: true, clearButtonProps: { 'aria-label': clearLabel } } : {})}
      {...rest}
      description={description ?? t('common.dateFormatHint')}
      value={value}
      onChange={(v) => onChange(v ? String(v).slice(0, 10) : null)}
    />
  );
}

/** A date and time typed or picked as дд.мм.рррр гг:хх; value `YYYY-MM-DD HH:mm:ss` in browser-local time, or null. */
export function DateTimeField({ value, onChange, description, ...rest }: Base & { value: string | null; onChange: (v: string | null) => void }) {
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
