import { Badge, Box, Button, Group, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../ui/api-client.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDate, todayInKyiv } from '../../ui/format.ts';
import type { CaseDetail } from '../cases/cases.api.ts';
import { caseQuery } from '../cases/cases.queries.ts';
import { DateField } from '../safety/date-fields.tsx';
import { endCareEpisode, type CareEpisode } from './care.api.ts';
import { careEpisodesQuery } from './care.queries.ts';
import { PlacementForm } from './placement-form.tsx';

/** The arrangement's name; an institution with its name, type and subordination. */
function useTypeLabel(): (e: CareEpisode) => string {
  const { t } = useTranslation();
  return (e) => {
    const base: string = t(`care.careType.${e.careType}`);
    if (e.careType !== 'institution') return base;
    const kind: string = e.institutionType ? t(`care.institutionType.${e.institutionType}`) : '';
    const sub: string = e.institutionSubordination ? t(`care.subordination.${e.institutionSubordination}`) : '';
    const parts = [e.institutionName, kind, sub].filter(Boolean);
    return parts.length > 0 ? `${base}: ${parts.join(', ')}` : base;
  };
}

function EndForm({ caseId, episode, onDone, onCancel }: { caseId: string; episode: CareEpisode; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [endDate, setEndDate] = useState<string | null>(todayInKyiv());
  const [endReason, setEndReason] = useState('');
  const end = useMutation({ mutationFn: () => endCareEpisode(caseId, episode.id, { version: episode.version, endDate: endDate ?? '', endReason }), onSuccess: onDone });
  const titleId = `end-form-${episode.id}`;
  return (
    <Paper withBorder p="sm" radius="sm" component="form" aria-labelledby={titleId} onSubmit={(e) => { e.preventDefault(); if (endDate) end.mutate(); }}>
      <Stack gap="sm">
        <Title order={4} size="h5" id={titleId}>{t('care.endTitle', { type: t(`care.careType.${episode.careType}`) })}</Title>
        <DateField label={t('care.fields.endDate')} required value={endDate} onChange={setEndDate} error={endDate ? undefined : t('common.required')} />
        <Textarea label={t('care.fields.endReason')} autosize minRows={2} value={endReason} onChange={(e) => setEndReason(e.currentTarget.value)} />
        {end.error && <ErrorAlert error={end.error} onReload={isApiError(end.error, 'version_conflict') ? onDone : undefined} />}
        <Group gap="sm">
          <Button type="submit" color="red" loading={end.isPending}>{t('care.endSave')}</Button>
          <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** One child's care-arrangement history (newest first, the current one highlighted), a new placement and ending an episode (SPEC §2.11). */
export function ChildCare({ c, childId, childName }: { c: CaseDetail; childId: string; childName: string }) {
  const { t } = useTranslation();
  const typeLabel = useTypeLabel();
  const queryClient = useQueryClient();
  const q = useQuery(careEpisodesQuery(childId, c.id));
  const [mode, setMode] = useState<'idle' | 'new' | { end: string }>('idle');
  const [notice, setNotice] = useState<string | null>(null);
  const episodes = [...(q.data?.items ?? [])].sort((a, b) => (a.startDate < b.startDate ? 1 : a.startDate > b.startDate ? -1 : 0));
  const current = episodes.find((e) => e.endDate === null);
  const mayRecord = c.allowedActions.includes('needs_assessment.edit') && c.status === 'open';
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: careEpisodesQuery(childId, c.id).queryKey }), queryClient.invalidateQueries({ queryKey: caseQuery(c.id).queryKey })]);
  const headingId = `care-child-${childId}`;
  const ending = typeof mode === 'object' ? episodes.find((e) => e.id === mode.end) : undefined;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={headingId}>{t('care.childHeading', { name: childName })}</Title>
        {q.error && <ErrorAlert error={q.error} />}
        <Box p="sm" style={{ borderLeft: '4px solid var(--mantine-color-blue-7)', background: 'var(--mantine-color-blue-0)', borderRadius: 4 }}>
          <Text size="xs" fw={700} c="blue.9">{t('care.currentTitle')}</Text>
          {current ? (
            <Text size="sm" fw={600}>
              {typeLabel(current)} · {t('care.since', { date: formatDate(current.startDate) })}
            </Text>
          ) : (
            <Text size="sm">{t('care.noCurrent')}</Text>
          )}
        </Box>
        {q.data && episodes.length === 0 && <Text size="sm">{t('care.historyEmpty')}</Text>}
        {episodes.length > 0 && (
          <Box className="table-scroll" tabIndex={0}>
            <Table verticalSpacing="xs">
              <Table.Caption style={{ textAlign: 'left', captionSide: 'top' }} className="visually-hidden">{t('care.historyCaption', { name: childName })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('care.columns.type')}</Table.Th>
                  <Table.Th scope="col">{t('care.columns.period')}</Table.Th>
                  <Table.Th scope="col">{t('care.columns.reason')}</Table.Th>
                  <Table.Th scope="col">{t('care.columns.authority')}</Table.Th>
                  <Table.Th scope="col">{t('care.columns.decision')}</Table.Th>
                  <Table.Th scope="col">{t('care.columns.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {episodes.map((e) => (
                  <Table.Tr key={e.id} style={e.endDate === null ? { background: 'var(--mantine-color-blue-0)' } : undefined} aria-current={e.endDate === null ? 'true' : undefined}>
                    <Table.Td>
                      <Text size="sm" fw={e.endDate === null ? 700 : 400}>{typeLabel(e)}</Text>
                      <Group gap={4} mt={2}>
                        {e.endDate === null && <Badge size="sm" color="blue">{t('care.current')}</Badge>}
                        <Badge size="sm" variant="outline" color={e.familyBased ? 'green' : 'gray'}>{e.familyBased ? t('care.familyBased') : t('care.nonFamily')}</Badge>
                      </Group>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {e.endDate ? t('care.period', { from: formatDate(e.startDate), to: formatDate(e.endDate) }) : t('care.periodOpen', { from: formatDate(e.startDate) })}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" className="prewrap">{e.reason || t('common.none')}</Text>
                      {e.endReason && <Text size="xs" c="dimmed">{t('care.ended', { reason: e.endReason })}</Text>}
                    </Table.Td>
                    <Table.Td>{e.decidingAuthority || t('common.none')}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {e.decisionNumber ? (e.decisionDate ? t('care.decisionRef', { number: e.decisionNumber, date: formatDate(e.decisionDate) }) : t('care.decisionNumberOnly', { number: e.decisionNumber })) : e.decisionDate ? formatDate(e.decisionDate) : t('common.none')}
                    </Table.Td>
                    <Table.Td>
                      {e.allowedActions.includes('end') && mode === 'idle' && (
                        <Button size="xs" variant="default" onClick={() => { setNotice(null); setMode({ end: e.id }); }}>
                          {t('care.end')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Box>
        )}
        {notice && <Text size="sm" c="green.9" role="status">{notice}</Text>}
        {ending && (
          <EndForm
            caseId={c.id}
            episode={ending}
            onCancel={() => setMode('idle')}
            onDone={() => {
              setMode('idle');
              setNotice(t('care.endedOk'));
              void refresh();
            }}
          />
        )}
        {mode === 'new' && (
          <PlacementForm
            hromadaId={c.hromada.id}
            caseId={c.id}
            childId={childId}
            childName={childName}
            current={current}
            onCancel={() => setMode('idle')}
            onDone={(endedOn) => {
              setMode('idle');
              setNotice(endedOn ? t('care.savedAndClosed', { date: formatDate(endedOn) }) : t('care.saved'));
              void refresh();
            }}
          />
        )}
        {mayRecord && mode === 'idle' && (
          <Group>
            <Button variant="default" onClick={() => { setNotice(null); setMode('new'); }}>{t('care.record')}</Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
