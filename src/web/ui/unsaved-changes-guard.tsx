import { Button, Group, Modal, Text } from '@mantine/core';
import { useBlocker } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/**
 * Asks before leaving a page with unsaved changes — inside the app (a dialog) and when closing the tab
 * (the browser's prompt). `shouldBlock` is read at navigation time, so refs can switch it off at once.
 */
export function UnsavedChangesGuard({ shouldBlock }: { shouldBlock: () => boolean }) {
  const { t } = useTranslation();
  // Only leaving the page counts: moving between sections changes the search, not the path.
  const blocker = useBlocker({
    shouldBlockFn: ({ current, next }) => current.pathname !== next.pathname && shouldBlock(),
    enableBeforeUnload: () => shouldBlock(),
    withResolver: true,
  });
  return (
    <Modal opened={blocker.status === 'blocked'} onClose={() => blocker.reset?.()} title={t('common.unsavedTitle')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Text size="sm">{t('common.unsavedBody')}</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
          {t('common.stay')}
        </Button>
        <Button color="red" onClick={() => blocker.proceed?.()}>
          {t('common.leave')}
        </Button>
      </Group>
    </Modal>
  );
}
