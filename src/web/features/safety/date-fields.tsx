import { useTranslation } from 'react-i18next';
import { DateField as BaseDateField, DateTimeField } from '../../ui/date-field.tsx';
import { todayInKyiv } from '../../ui/format.ts';

export { DateTimeField };

type Common = { label: string; error?: string | undefined; required?: boolean; id?: string; description?: string | undefined };

/** A date typed or picked as дд.мм.рррр; value `YYYY-MM-DD` or null; not after today unless `allowFuture`. */
export function DateField({ allowFuture, ...rest }: Common & { value: string | null; onChange: (v: string | null) => void; allowFuture?: boolean }) {
  const { t } = useTranslation();
  return <BaseDateField {...rest} {...(allowFuture ? {} : { maxDate: todayInKyiv() })} clearLabel={t('safetyAct.clearDate')} />;
}
