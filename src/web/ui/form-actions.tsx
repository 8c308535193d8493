import { Button, Group, type MantineSpacing } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Props = { onCancel: () => void; pending: boolean; submitLabel?: string | undefined; gap?: MantineSpacing };

/** The footer of a form in a dialog: cancel, then the submit button (labelled "Save" unless told), on the right. */
export function ModalFormActions({ onCancel, pending, submitLabel, gap }: Props) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" {...(gap ? { gap } : {})}>
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={pending}>
        {submitLabel ?? t('common.save')}
      </Button>
    </Group>
  );
}

/** The footer of a form inside a section: the submit button (labelled "Save" unless told), then cancel. */
export function InlineFormActions({ onCancel, pending, submitLabel }: Props) {
  const { t } = useTranslation();
  return (
    <Group gap="sm">
      <Button type="submit" loading={pending}>
        {submitLabel ?? t('common.save')}
      </Button>
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
    </Group>
  );
}
