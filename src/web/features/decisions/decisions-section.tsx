import { Alert, Button, Group, NativeSelect, Paper, Radio, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { serviceDecisionKinds, terminationGrounds, type ServiceDecisionKind, type TerminationGround } from '#domain/cases/service-decision.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDate, todayInKyiv } from '../../ui/format.ts';
import type { CaseDetail } from '../cases/cases.api.ts';
import { caseQuery } from '../cases/cases.queries.ts';
import { usePlanLabels } from '../plans/plan-labels.ts';
import { DateField, ServicesPicker } from '../plans/service-picker.tsx';
import { decisionsQuery, postDecision } from './decisions.api.ts';

type Draft = { decision: ServiceDecisionKind | ''; terminationGround: TerminationGround | ''; legalGrounds: string; serviceCodes: string[]; decidedOn: string | null };
const empty = (): Draft => ({ decision: '', terminationGround: '', legalGrounds: '', serviceCodes: [], decidedOn: todayInKyiv() });

function DecisionForm({ c, threat, onDone }: { c: CaseDetail; threat: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [d, setD] = useState<Draft>(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const kinds = threat ? (['provide'] as const) : serviceDecisionKinds;
  const save = useMutation({
    mutationFn: () =>
      postDecision(c.id, {
        decision: d.decision as ServiceDecisionKind,
        terminationGround: d.decision === 'terminate' && d.terminationGround ? d.terminationGround : null,
        legalGrounds: d.legalGrounds,
        serviceCodes: d.serviceCodes,
        ...(d.decidedOn ? { decidedOn: d.decidedOn } : {}),
      }),
    onSuccess: async () => {
      setD(empty());
      await queryClient.invalidateQueries({ queryKey: ['decisions', c.id] });
      await queryClient.invalidateQueries({ queryKey: ['agreements', c.id] });
      await queryClient.invalidateQueries({ queryKey: caseQuery(c.id).queryKey });
      onDone();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!d.decision) errs.decision = t('decisions.form.chooseDecision');
    if (d.decision === 'terminate' && !d.terminationGround) errs.terminationGround = t('errors.termination_ground_required');
    if (d.decision === 'refuse' && !d.legalGrounds.trim()) errs.legalGrounds = t('errors.legal_grounds_required');
    if (!d.decidedOn) errs.decidedOn = t('common.required');
    setErrors(errs);
    if (Object.keys(errs).length === 0) save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="decision-form-title">
      <Stack gap="sm">
        <Title order={4} size="h5" id="decision-form-title">
          {t('decisions.form.title')}
        </Title>
        <Radio.Group label={t('decisions.form.decision')} required value={d.decision} onChange={(v) => setD({ ...d, decision: v as ServiceDecisionKind })} error={errors.decision}>
          <Group gap="md" mt={6}>
            {kinds.map((k) => (
              <Radio key={k} value={k} label={t(`decisions.kind.${k}`)} />
            ))}
          </Group>
        </Radio.Group>
        {d.decision === 'terminate' && (
          <NativeSelect
            label={t('decisions.form.terminationGround')}
            description={t('decisions.form.terminationGroundHint')}
            required
            value={d.terminationGround}
            onChange={(e) => setD({ ...d, terminationGround: e.currentTarget.value as TerminationGround })}
            data={[{ value: '', label: t('common.none'), disabled: true }, ...terminationGrounds.map((g) => ({ value: g, label: t(`decisions.ground.${g}`) }))]}
            error={errors.terminationGround}
          />
        )}
        <Textarea
          label={t('decisions.form.legalGrounds')}
          description={d.decision === 'refuse' ? t('decisions.form.legalGroundsRefuse') : t('decisions.form.legalGroundsHint')}
          required={d.decision === 'refuse'}
          autosize
          minRows={2}
          value={d.legalGrounds}
          onChange={(e) => setD({ ...d, legalGrounds: e.currentTarget.value })}
          error={errors.legalGrounds}
        />
        <ServicesPicker label={t('decisions.form.services')} value={d.serviceCodes} onChange={(codes) => setD({ ...d, serviceCodes: codes })} />
        <DateField label={t('decisions.form.decidedOn')} value={d.decidedOn} onChange={(v) => setD({ ...d, decidedOn: v })} required maxDate={todayInKyiv()} error={errors.decidedOn} />
        {save.isError && <ErrorAlert error={save.error} />}
        <Group gap="sm">
          <Button type="submit" loading={save.isPending}>
            {t('decisions.form.submit')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Decisions to provide, refuse or terminate services with their grounds (Law "On Social Services" art. 21, 24; SPEC §2.9). */
export function DecisionsSection({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const labels = usePlanLabels(c);
  const list = useQuery(decisionsQuery(c.id));
  const [open, setOpen] = useState(false);
  const data = list.data;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="decisions-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="decisions-title">
          {t('decisions.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('decisions.legal')}
        </Text>
        {list.isError && <ErrorAlert error={list.error} />}
        {data?.threatRecorded && (
          <Alert color="orange" variant="light" title={t('decisions.threatTitle')}>
            {t('decisions.threatBody')}
          </Alert>
        )}
        {data && data.items.length === 0 && <Text size="sm">{t('decisions.none')}</Text>}
        {data && data.items.length > 0 && (
          <Table.ScrollContainer minWidth={560}>
            <Table striped withTableBorder verticalSpacing="xs">
              <Table.Caption>{t('decisions.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('decisions.col.date')}</Table.Th>
                  <Table.Th scope="col">{t('decisions.col.decision')}</Table.Th>
                  <Table.Th scope="col">{t('decisions.col.grounds')}</Table.Th>
                  <Table.Th scope="col">{t('decisions.col.services')}</Table.Th>
                  <Table.Th scope="col">{t('decisions.col.by')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td>{formatDate(d.decidedOn)}</Table.Td>
                    <Table.Td>{t(`decisions.kind.${d.decision}`)}</Table.Td>
                    <Table.Td className="wrap-anywhere">
                      {[d.terminationGround ? t(`decisions.ground.${d.terminationGround}`) : '', d.legalGrounds].filter(Boolean).join('. ') || t('common.none')}
                    </Table.Td>
                    <Table.Td>{d.serviceCodes.length > 0 ? d.serviceCodes.map((s) => labels.serviceName(s)).join('; ') : t('common.none')}</Table.Td>
                    <Table.Td>{d.decidedBy.name}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {data?.allowedActions.includes('record') &&
          (open ? (
            <DecisionForm c={c} threat={data.threatRecorded} onDone={() => setOpen(false)} />
          ) : (
            <div>
              <Button variant="default" onClick={() => setOpen(true)}>
                {t('decisions.record')}
              </Button>
            </div>
          ))}
      </Stack>
    </Paper>
  );
}
