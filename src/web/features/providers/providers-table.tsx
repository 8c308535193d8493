import { Badge, List, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProviderStatus } from '#domain/services/providers.ts';
import { AnchorLink } from '../../ui/links.tsx';
import type { Provider } from './providers.api.ts';

const statusColor: Record<ProviderStatus, string> = { active: 'green', suspended: 'yellow', closed: 'gray' };

/** A provider's status as a badge with its word (not colour alone). */
export function ProviderStatusBadge({ status }: { status: ProviderStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColor[status]} variant="light">
      {t(`providers.status.${status}`)}
    </Badge>
  );
}

/** «Консультування: зайнято 3 з 20». */
export function useServiceLine() {
  const { t, i18n } = useTranslation();
  return (s: Provider['services'][number]) =>
    t('providers.serviceLine', {
      name: i18n.language === 'en' ? s.nameEn : s.nameUk,
      places: s.capacity === null ? t('providers.placesUnknown', { inUse: s.inUse }) : t('providers.placesOf', { inUse: s.inUse, capacity: s.capacity }),
    });
}

/** The register as a table: name (link to the details), legal form, status, hromada, services with places in use. */
export function ProvidersTable({ items }: { items: Provider[] }) {
  const { t, i18n } = useTranslation();
  const line = useServiceLine();
  const en = i18n.language === 'en';
  return (
    <div className="table-scroll">
      <Table verticalSpacing="xs" striped>
        <Table.Caption className="visually-hidden">{t('providers.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('providers.columns.name')}</Table.Th>
            <Table.Th scope="col">{t('providers.columns.kind')}</Table.Th>
            <Table.Th scope="col">{t('providers.columns.status')}</Table.Th>
            <Table.Th scope="col">{t('providers.columns.hromada')}</Table.Th>
            <Table.Th scope="col">{t('providers.columns.services')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Th scope="row" fw={500} miw={220}>
                <AnchorLink to="/providers/$providerId" params={{ providerId: p.id }}>
                  {en ? p.nameEn : p.nameUk}
                </AnchorLink>
              </Table.Th>
              <Table.Td>{t(`providers.kind.${p.kind}`)}</Table.Td>
              <Table.Td>
                <ProviderStatusBadge status={p.status} />
              </Table.Td>
              <Table.Td>{p.hromada ? (en ? p.hromada.nameEn : p.hromada.nameUk) : t('common.none')}</Table.Td>
              <Table.Td miw={260}>
                {p.services.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('providers.details.noServices')}
                  </Text>
                ) : (
                  <List size="sm" spacing={2}>
                    {p.services.map((s) => (
                      <List.Item key={s.serviceCode}>{line(s)}</List.Item>
                    ))}
                  </List>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
