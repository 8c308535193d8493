import { useTranslation } from 'react-i18next';

/** The name of a deadline by its key: the case page's label, else the rule's label, else the key in words. */
export function useDeadlineKeyName(): (key: string) => string {
  const { t } = useTranslation();
  return (key) =>
    t(`deadline.key.${key}` as 'deadline.key.needs_assessment', {
      defaultValue: t(`deadlineRules.key.${key}` as 'deadlineRules.key.needs_assessment', { defaultValue: key.replace(/_/g, ' ') }),
    });
}
