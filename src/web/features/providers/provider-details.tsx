import { Anchor, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Provider } from './providers.api.ts';
import { freePlaces } from './places.ts';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" className="wrap-anywhere" component="div">
        {children}
      </Text>
    </div>
  );
}

/** A provider's contacts, register data, services with places (capacity, taken, free) and territory served. */
export function ProviderDetails({ p }: { p: Provider }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const none = t('common.none');
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="provider-contacts">
        <Title order={2} size="h4" id="provider-contacts" mb="sm">
          {t('providers.details.contacts')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" verticalSpacing="xs">
          <Field label={t('providers.details.location')}>{p.hromada ? (en ? p.hromada.nameEn : p.hromada.nameUk) : none}</Field>
          <Field label={t('providers.details.address')}>{p.address || none}</Field>
          <Field label={t('providers.details.phone')}>{p.phone ? <Anchor href={`tel:${p.phone.replace(/\s/g, '')}`}>{p.phone}</Anchor> : none}</Field>
          <Field label={t('providers.details.email')}>{p.email ? <Anchor href={`mailto:${p.email}`}>{p.email}</Anchor> : none}</Field>
          <Field label={t('providers.details.contactPerson')}>{p.contactPerson || none}</Field>
          <Field label={t('providers.details.registryNumber')}>{p.registryNumber || none}</Field>
          <Field label={t('providers.details.edrpou')}>{p.edrpou || none}</Field>
        </SimpleGrid>
        {p.notes && (
          <Stack gap={2} mt="sm">
            <Text size="xs" c="dimmed" fw={600}>
              {t('providers.details.notes')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {p.notes}
            </Text>
          </Stack>
        )}
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="provider-services">
        <Title order={2} size="h4" id="provider-services" mb="sm">
          {t('providers.details.services')}
        </Title>
        {p.services.length === 0 ? (
          <Text size="sm">{t('providers.details.noServices')}</Text>
        ) : (
          <div className="table-scroll">
            <Table verticalSpacing="xs">
              <Table.Caption className="visually-hidden">{t('providers.details.servicesCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('providers.details.serviceCol')}</Table.Th>
                  <Table.Th scope="col" style={{ textAlign: 'right' }}>
                    {t('providers.details.capacityCol')}
                  </Table.Th>
                  <Table.Th scope="col" style={{ textAlign: 'right' }}>
                    {t('providers.details.inUseCol')}
                  </Table.Th>
                  <Table.Th scope="col" style={{ textAlign: 'right' }}>
                    {t('providers.details.freeCol')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.services.map((s) => {
                  const free = freePlaces(s);
                  return (
                    <Table.Tr key={s.serviceCode}>
                      <Table.Th scope="row" fw={500}>
                        {en ? s.nameEn : s.nameUk}
                      </Table.Th>
                      <Table.Td style={{ textAlign: 'right' }}>{s.capacity ?? none}</Table.Td>
                      <Table.Td style={{ textAlign: 'right' }}>{s.inUse}</Table.Td>
                      <Table.Td style={{ textAlign: 'right' }} fw={free === 0 ? 700 : undefined} c={free === 0 ? 'red.8' : undefined}>
                        {free ?? none}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="provider-served">
        <Title order={2} size="h4" id="provider-served" mb="sm">
          {t('providers.details.served')}
        </Title>
        <Text size="sm">{p.servedHromadas.map((h) => (en ? h.nameEn : h.nameUk)).join(', ') || none}</Text>
      </Paper>
    </Stack>
  );
}
