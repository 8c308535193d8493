import { Badge, Box, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CareCapacity, Willingness } from '#domain/cases/family-tracing.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDate } from '../../ui/format.ts';
import { CaseSection } from '../cases/case-sections.tsx';
import type { CaseDetail } from '../cases/cases.api.ts';
import { formatFullName, sortBySurname } from '../persons/person-name.ts';
import { RelativeForm } from './relative-form.tsx';
import type { Relative } from './tracing.api.ts';
import { relativesQuery } from './tracing.queries.ts';
import { caseChildren } from '../cases/case-title.ts';

const willingColour: Record<Willingness, string> = { willing: 'green', unwilling: 'red', undecided: 'gray' };
const capacityColour: Record<CareCapacity, string> = { able: 'green', able_with_support: 'yellow', unable: 'red' };

function RelativeBadges({ r }: { r: Relative }) {
  const { t } = useTranslation();
  return (
    <>
      <Table.Td>
        <Badge variant="light" color={r.verified ? 'green' : 'gray'}>
          {r.verified ? t('tracing.verifiedOn', { date: formatDate(r.verifiedOn) }) : t('tracing.notVerified')}
        </Badge>
        {r.verificationMethod && <Text size="xs" c="dimmed">{t(`tracing.verificationMethod.${r.verificationMethod}`)}</Text>}
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={willingColour[r.willingness]}>{t(`tracing.willingness.${r.willingness}`)}</Badge>
      </Table.Td>
      <Table.Td>
        {r.capacity ? <Badge variant="light" color={capacityColour[r.capacity]}>{t(`tracing.capacity.${r.capacity}`)}</Badge> : <Text size="sm">{t('tracing.relativeFields.capacityNotAssessed')}</Text>}
      </Table.Td>
    </>
  );
}

/** Relatives found (name, relationship, contact, verified, willingness, capacity to care), with add and update (SPEC §2.7). */
export function Relatives({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const q = useQuery(relativesQuery(c.id));
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [notice, setNotice] = useState(false);
  const mayAdd = c.allowedActions.includes('needs_assessment.edit') && c.status === 'open';
  const items = sortBySurname((q.data?.items ?? []).map((r) => ({ ...r, surname: r.person.surname, givenName: r.person.givenName, patronymic: r.person.patronymic })));
  const childName = (id: string) => {
    const m = c.members.find((x) => x.personId === id);
    return m ? formatFullName(m) : '';
  };
  const multipleChildren = caseChildren(c).length > 1;
  const done = () => {
    setEditing(null);
    setNotice(true);
  };
  const editingRelative = items.find((r) => r.id === editing);
  return (
    <CaseSection id="relatives-title" title={t('tracing.relativesTitle')}>
      {q.error && <ErrorAlert error={q.error} />}
      {q.data && items.length === 0 && <Text size="sm">{t('tracing.relativesEmpty')}</Text>}
      {items.length > 0 && (
        <Box className="table-scroll" tabIndex={0}>
          <Table verticalSpacing="xs">
            <Table.Caption style={{ textAlign: 'left', captionSide: 'top' }} className="visually-hidden">{t('tracing.relativesCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('tracing.relativeColumns.name')}</Table.Th>
                <Table.Th scope="col">{t('tracing.relativeColumns.relation')}</Table.Th>
                <Table.Th scope="col">{t('tracing.relativeColumns.contact')}</Table.Th>
                <Table.Th scope="col">{t('tracing.relativeColumns.verified')}</Table.Th>
                <Table.Th scope="col">{t('tracing.relativeColumns.willingness')}</Table.Th>
                <Table.Th scope="col">{t('tracing.relativeColumns.capacity')}</Table.Th>
                <Table.Th scope="col">{t('tracing.relativeColumns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Text size="sm" fw={600}>{formatFullName(r.person)}</Text>
                    <Text size="xs" c="dimmed">{formatDate(r.person.birthDate)}</Text>
                    {r.assessmentNotes && <Text size="xs" className="prewrap">{r.assessmentNotes}</Text>}
                  </Table.Td>
                  <Table.Td>
                    {t(`tracing.relation.${r.relation}`)}
                    {multipleChildren && <Text size="xs" c="dimmed">{childName(r.childPersonId)}</Text>}
                  </Table.Td>
                  <Table.Td><Text size="sm" className="wrap-anywhere">{r.contact || t('common.none')}</Text></Table.Td>
                  <RelativeBadges r={r} />
                  <Table.Td>
                    {r.allowedActions.includes('update') && (
                      <Button size="xs" variant="default" onClick={() => { setNotice(false); setEditing(r.id); }}>
                        {t('familyAssessment.edit')}
                        <span className="visually-hidden"> {formatFullName(r.person)}</span>
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Box>
      )}
      {notice && <Text size="sm" c="green.9" role="status">{t('tracing.relativeSaved')}</Text>}
      {editingRelative && <RelativeForm key={editingRelative.id} c={c} relative={editingRelative} onDone={done} onCancel={() => setEditing(null)} />}
      {editing === 'new' && <RelativeForm c={c} onDone={done} onCancel={() => setEditing(null)} />}
      {mayAdd && editing === null && (
        <Stack gap="xs">
          <Group>
            <Button variant="default" onClick={() => { setNotice(false); setEditing('new'); }}>{t('tracing.addRelative')}</Button>
          </Group>
        </Stack>
      )}
    </CaseSection>
  );
}
