import { Alert, Button, Group, NativeSelect, Radio, Stack, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { serviceDecisionKinds, terminationGrounds, type ServiceDecisionKind, type TerminationGround } from '#domain/cases/service-decision.ts';
import { CaseSection } from '../cases/case-sections.tsx';
import { RecordsTable } from '../../ui/records-table.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { formatDate, todayInKyiv } from '../../ui/format.ts';
import type { CaseDetail } from '../cases/cases.api.ts';
import { caseQuery } from '../cases/cases.queries.ts';
import { usePlanLabels } from '../plans/plan-labels.ts';
import { DateField, ServicesPicker } from '../plans/service-picker.tsx';
import { decisionsQuery, postDecision } from './decisions.api.ts';
import { InlineFormActions } from '../../ui/form-actions.tsx';

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
        <InlineFormActions onCancel={onDone} pending={save.isPending} submitLabel={t('decisions.form.submit')} />
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
    <CaseSection id="decisions-title" title={t('decisions.title')} intro={t('decisions.legal')} level={3}>
      {list.isError && <ErrorAlert error={list.error} />}
      {data?.threatRecorded && (
        <Alert color="orange" variant="light" title={t('decisions.threatTitle')}>
          {t('decisions.threatBody')}
        </Alert>
      )}
      <RecordsTable
        caption={t('decisions.caption')}
        showCaption
        minWidth={560}
        tableProps={{ striped: true, withTableBorder: true }}
        rows={data?.items}
        rowKey={(d) => d.id}
        empty={t('decisions.none')}
        columns={[
          { key: 'date', header: t('decisions.col.date'), cell: (d) => formatDate(d.decidedOn) },
          { key: 'decision', header: t('decisions.col.decision'), cell: (d) => t(`decisions.kind.${d.decision}`) },
          {
            key: 'grounds',
            header: t('decisions.col.grounds'),
            className: 'wrap-anywhere',
            cell: (d) => [d.terminationGround ? t(`decisions.ground.${d.terminationGround}`) : '', d.legalGrounds].filter(Boolean).join('. ') || t('common.none'),
          },
          { key: 'services', header: t('decisions.col.services'), cell: (d) => (d.serviceCodes.length > 0 ? d.serviceCodes.map((s) => labels.serviceName(s)).join('; ') : t('common.none')) },
          { key: 'by', header: t('decisions.col.by'), cell: (d) => d.decidedBy.name },
        ]}
      />
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
    </CaseSection>
  );
}
