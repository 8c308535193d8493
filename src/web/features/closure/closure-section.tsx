import { Alert, Anchor, Badge, Button, Group, Modal, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDate, formatDateTime } from '../../ui/format.ts';
import { AnchorLink, ButtonLink } from '../../ui/links.tsx';
import { benchmarkConfigQuery } from '../benchmarks/benchmarks.queries.ts';
import { useDomainName } from '../benchmarks/score-fields.tsx';
import { CaseSection } from '../cases/case-sections.tsx';
import type { CaseDetail } from '../cases/cases.api.ts';
import { caseQuery } from '../cases/cases.queries.ts';
import { formatFullName } from '../persons/person-name.ts';
import { reopenCase, resultsReportPdfUrl } from './closure.api.ts';
import { closureQuery } from './closure.queries.ts';

const statusColor = { pending: 'yellow', approved: 'green', returned: 'red' } as const;

function ReopenModal({ c, onClose }: { c: CaseDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const save = useMutation({
    mutationFn: () => reopenCase(c.id, { reason }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: caseQuery(c.id).queryKey });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('closure.reopenTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (reason.trim()) save.mutate();
        }}
        noValidate
      >
        <Stack gap="sm">
          <Text size="sm">{t('closure.reopenHint')}</Text>
          <Textarea label={t('closure.reopenReason')} required autosize minRows={3} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={tried && !reason.trim() ? t('common.required') : undefined} />
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="orange" loading={save.isPending}>
              {t('closure.reopen')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Closure: the domains still below the threshold, the requests and their approval, the results report, reopening (SPEC §2.14). */
export function ClosureSection({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const closure = useQuery(closureQuery(c.id));
  const config = useQuery(benchmarkConfigQuery);
  const domainName = useDomainName(config.data);
  const [reopening, setReopening] = useState(false);
  const data = closure.data;
  const childName = (id: string) => {
    const m = c.members.find((x) => x.personId === id);
    return m ? formatFullName(m) : '';
  };
  const below = (data?.belowThreshold ?? []).filter((b) => b.domains.length > 0);
  return (
    <CaseSection id="closure-title" title={t('closure.title')}>
      <ErrorAlert error={closure.error} />
      {data?.closedOn && c.status === 'closed' && (
        <Alert color="gray" variant="light" title={t('closure.closedOn', { date: formatDate(data.closedOn) })}>
          {t('closure.closedHint')}
        </Alert>
      )}
      {data && c.status === 'open' && below.length > 0 && (
        <Alert color="orange" variant="light" title={t('closure.belowTitle')}>
          <Stack gap={4}>
            {below.map((b) => (
              <Text size="sm" key={b.childPersonId}>
                {childName(b.childPersonId)}: {b.domains.map(domainName).join(', ')}
              </Text>
            ))}
            <AnchorLink to="/cases/$caseId" params={{ caseId: c.id }} search={{ tab: 'assessment' }} hash="benchmarks-title" size="sm">
              {t('closure.seeBenchmarks')}
            </AnchorLink>
          </Stack>
        </Alert>
      )}
      {data && data.items.length === 0 && c.status === 'open' && (
        <Text size="sm">{data.allowedActions.includes('request') ? t('closure.emptyCanRequest') : t('closure.emptyWrongStep')}</Text>
      )}
      {data?.allowedActions.includes('request') && (
        <Group>
          <ButtonLink to="/cases/$caseId/closure/new" params={{ caseId: c.id }} variant="light">
            {t('closure.request')}
          </ButtonLink>
        </Group>
      )}
      {data?.items.map((r) => (
        <Paper key={r.id} withBorder p="sm" radius="sm">
          <Stack gap={4}>
            <Group gap="xs" wrap="wrap">
              <Text size="sm" fw={700}>
                {t('closure.requestOf', { date: formatDate(r.requestedAt) })}
              </Text>
              <Badge color={statusColor[r.status]} variant={r.status === 'returned' ? 'filled' : 'light'}>
                {t(`closure.status.${r.status}`)}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed">
              {t('closure.requestedBy', { name: r.requestedBy.name, time: formatDateTime(r.requestedAt) })}
            </Text>
            {r.status === 'pending' && <Text size="sm">{t('closure.pendingHint')}</Text>}
            {r.decidedBy && (
              <Text size="sm">
                {t('closure.decidedBy', { name: r.decidedBy.name, time: formatDateTime(r.decidedAt) })}
              </Text>
            )}
            {r.decisionComment && (
              <Text size="sm" className="prewrap">
                {t('closure.supervisorComment')}: {r.decisionComment}
              </Text>
            )}
          </Stack>
        </Paper>
      ))}
      {data && data.items.length > 0 && (
        <Group>
          <Anchor href={resultsReportPdfUrl(c.id)} target="_blank" rel="noopener" size="sm">
            {t('closure.printReport')}
          </Anchor>
        </Group>
      )}
      {data && data.reopenings.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('closure.reopenings')}
          </Text>
          {data.reopenings.map((o) => (
            <Text size="sm" key={o.id}>
              {t('closure.reopenedOn', { date: formatDate(o.reopenedOn), closed: formatDate(o.previousClosedOn), name: o.reopenedBy.name })} — {o.reason}
            </Text>
          ))}
        </Stack>
      )}
      {data?.allowedActions.includes('reopen') && (
        <Group>
          <Button variant="outline" color="orange" onClick={() => setReopening(true)}>
            {t('closure.reopen')}
          </Button>
        </Group>
      )}
      {reopening && <ReopenModal c={c} onClose={() => setReopening(false)} />}
    </CaseSection>
  );
}
