import { Badge, Button, Group, Modal, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseTypes, type CaseType } from '#domain/cases/case-types.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDate, formatDateTime } from '../../ui/format.ts';
import { AnchorLink } from '../../ui/links.tsx';
import { PageLoader } from '../../ui/page-loader.tsx';
import { formatFullName } from '../persons/person-name.ts';
import { convertEmergencyContact, emergencyContactsQuery, type EmergencyContact } from './emergency.api.ts';

function ConvertDialog({ contact, onClose }: { contact: EmergencyContact; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [caseType, setCaseType] = useState<CaseType>('prevention');
  const convert = useMutation({
    mutationFn: () => convertEmergencyContact(contact.id, { version: contact.version, caseType }),
    onSuccess: async (res) => {
      await queryClient.invalidateQueries({ queryKey: ['emergency-contacts'] });
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
      await navigate({ to: '/cases/$caseId', params: { caseId: res.caseId }, search: { registered: res.urgent ? 'urgent' : 'yes' } });
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('emergency.convert.title')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="sm">
        <Text size="sm">{t('emergency.convert.body')}</Text>
        <NativeSelect label={t('emergency.convert.caseType')} value={caseType} onChange={(e) => setCaseType(e.currentTarget.value as CaseType)} data={caseTypes.map((k) => ({ value: k, label: t(`caseType.${k}`) }))} />
        {convert.isError && <ErrorAlert error={convert.error} onReload={() => { void queryClient.invalidateQueries({ queryKey: ['emergency-contacts'] }); onClose(); }} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => convert.mutate()} loading={convert.isPending} data-autofocus>
            {t('emergency.convert.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Emergency contacts of the user's organisations, newest first, with the case opened from each. */
export function EmergencyContactsList() {
  const { t } = useTranslation();
  const list = useInfiniteQuery(emergencyContactsQuery);
  const [converting, setConverting] = useState<EmergencyContact | null>(null);
  if (list.isPending) return <PageLoader />;
  if (!list.data) return <ErrorAlert error={list.error} />;
  const items = list.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <Text size="sm">{t('emergency.list.empty')}</Text>;
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={760}>
        <Table striped withTableBorder verticalSpacing="xs">
          <Table.Caption>{t('emergency.list.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('emergency.col.occurredAt')}</Table.Th>
              <Table.Th scope="col">{t('emergency.col.people')}</Table.Th>
              <Table.Th scope="col">{t('emergency.col.situation')}</Table.Th>
              <Table.Th scope="col">{t('emergency.col.urgency')}</Table.Th>
              <Table.Th scope="col">{t('emergency.col.providedBy')}</Table.Th>
              <Table.Th scope="col">{t('emergency.col.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{formatDateTime(e.occurredAt)}</Table.Td>
                <Table.Td>
                  {e.members.map((m) => (
                    <Text size="sm" key={m.personId}>
                      {formatFullName(m)}, {formatDate(m.birthDate)} ({t(`memberRole.${m.role}`).toLowerCase()}
                      {m.relationship ? `, ${m.relationship}` : ''})
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td className="wrap-anywhere" maw={320}>
                  <Text size="sm" lineClamp={4}>
                    {e.situation}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {e.threatToLifeOrHealth ? (
                    <Badge color="red" variant="filled">
                      {t('emergency.list.threat')}
                    </Badge>
                  ) : (
                    <Text size="sm">{t('emergency.list.noThreat')}</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {e.providedBy.name}
                  <Text size="xs" c="dimmed">
                    {e.organisation.name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {e.case ? (
                    <Stack gap={2}>
                      <Text size="sm">{t('emergency.list.converted', { date: formatDate(e.convertedAt) })}</Text>
                      <AnchorLink to="/cases/$caseId" params={{ caseId: e.case.id }} size="sm">
                        {t('emergency.list.caseLink', { number: e.case.number })}
                      </AnchorLink>
                    </Stack>
                  ) : (
                    <Stack gap={4} align="flex-start">
                      <Text size="sm">{t('emergency.list.notConverted')}</Text>
                      {e.allowedActions.includes('convert') && (
                        <Button size="compact-sm" variant="default" onClick={() => setConverting(e)} aria-label={t('emergency.convert.buttonFor', { date: formatDateTime(e.occurredAt) })}>
                          {t('emergency.convert.button')}
                        </Button>
                      )}
                    </Stack>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {list.hasNextPage && (
        <div>
          <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </div>
      )}
      {converting && <ConvertDialog contact={converting} onClose={() => setConverting(null)} />}
    </Stack>
  );
}
