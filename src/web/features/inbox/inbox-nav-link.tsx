import { Badge, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { inboxCountQuery } from './inbox.queries.ts';

/** «Вхідні повідомлення» in the navigation, with the number of notifications waiting for consideration. */
export function InboxNavLink() {
  const { t } = useTranslation();
  const count = useQuery(inboxCountQuery);
  const waiting = count.data?.received ?? 0;
  return (
    <Link to="/notifications/inbox">
      {t('inbox.nav')}
      {waiting > 0 && (
        <Badge component="span" ml={6} size="sm" variant="white" color={count.data && count.data.urgent > 0 ? 'red.9' : 'blue.9'}>
          {waiting}
          <VisuallyHidden> {t('inbox.navCount')}</VisuallyHidden>
        </Badge>
      )}
    </Link>
  );
}
