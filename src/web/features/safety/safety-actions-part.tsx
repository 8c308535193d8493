import { Alert, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { safetyActionTypes, type SafetyActionType } from '#domain/cases/safety-assessment.ts';
import { RecordsTable } from '../../ui/records-table.tsx';
import { ErrorAlert, fieldErrorsOf } from '../../ui/error-alert.tsx';
import { formatDateTime, localDateTimeToInstant, nowLocalDateTime } from '../../ui/format.ts';
import { DateTimeField } from './date-fields.tsx';
import { ActPart } from './safety-act-fields.tsx';
import { addSafetyAction, type SafetyAct } from './safety.api.ts';
import { InlineFormActions } from '../../ui/form-actions.tsx';

type ActionDraft = { actionType: SafetyActionType | ''; description: string; takenAt: string | null; takenByName: string; takenByOrganisation: string };
const emptyAction = (): ActionDraft => ({ actionType: '', description: '', takenAt: nowLocalDateTime(), takenByName: '', takenByOrganisation: '' });

/** The form recording one immediate action; actions are appended to the act at once (never edited). */
function ActionForm({ caseId, act, onAdded, onCancel }: { caseId: string; act: SafetyAct; onAdded: (a: SafetyAct) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [d, setD] = useState<ActionDraft>(emptyAction);
  const [local, setLocal] = useState<Record<string, string>>({});
  const add = useMutation({
    mutationFn: () =>
      addSafetyAction(caseId, act.id, {
        actionType: d.actionType as SafetyActionType,
        description: d.description,
        takenAt: localDateTimeToInstant(d.takenAt ?? nowLocalDateTime()),
        takenByName: d.takenByName,
        takenByOrganisation: d.takenByOrganisation,
      }),
    onSuccess: onAdded,
  });
  const server = fieldErrorsOf(t, add.error);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!d.actionType) errors.actionType = t('common.required');
    if (!d.takenByName.trim()) errors.takenByName = t('common.required');
    if (d.actionType === 'other' && !d.description.trim()) errors.description = t('common.required');
    if (!d.takenAt) errors.takenAt = t('common.required');
    setLocal(errors);
    if (Object.keys(errors).length === 0) add.mutate();
  };
  const err = (k: string) => local[k] ?? server[k];
  return (
    <Paper withBorder p="sm" radius="sm" component="form" onSubmit={submit} aria-labelledby="sa-action-form-title" noValidate>
      <Stack gap="sm">
        <Title order={3} size="h5" id="sa-action-form-title">
          {t('safetyAct.action.formTitle')}
        </Title>
        <NativeSelect
          id="sa-action-type"
          label={t('safetyAct.action.type')}
          required
          error={err('actionType')}
          value={d.actionType}
          data={[{ value: '', label: '—', disabled: true }, ...safetyActionTypes.map((a) => ({ value: a, label: t(`safetyAct.actionType.${a}`) }))]}
          onChange={(e) => {
            const v = e.currentTarget.value as SafetyActionType;
            setD((x) => ({ ...x, actionType: v }));
          }}
        />
        <Textarea
          label={t('safetyAct.action.description')}
          description={t('safetyAct.action.descriptionHint')}
          autosize
          minRows={2}
          required={d.actionType === 'other'}
          error={err('description')}
          value={d.description}
          onChange={(e) => {
            const v = e.currentTarget.value;
            setD((x) => ({ ...x, description: v }));
          }}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <DateTimeField label={t('safetyAct.action.takenAt')} required error={err('takenAt')} value={d.takenAt} onChange={(v) => setD((x) => ({ ...x, takenAt: v }))} />
          <TextInput
            label={t('safetyAct.action.takenByName')}
            required
            error={err('takenByName')}
            value={d.takenByName}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setD((x) => ({ ...x, takenByName: v }));
            }}
          />
          <TextInput
            label={t('safetyAct.action.takenByOrganisation')}
            value={d.takenByOrganisation}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setD((x) => ({ ...x, takenByOrganisation: v }));
            }}
          />
        </SimpleGrid>
        {add.error && <ErrorAlert error={add.error} />}
        <InlineFormActions onCancel={onCancel} pending={add.isPending} />
      </Stack>
    </Paper>
  );
}

/** 4. Immediate actions taken and by whom (Resolution 585 §9–11), with the form to record one. */
export function ActionsPart({ caseId, act, unsafe, editable, onChanged }: { caseId: string; act: SafetyAct; unsafe: boolean; editable: boolean; onChanged: (a: SafetyAct) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState(false);
  const mayAdd = editable && act.allowedActions.includes('add_action');
  return (
    <ActPart id="sa-actions" title={t('safetyAct.sections.actions')}>
      {unsafe && act.actions.length === 0 && (
        <Alert color="red" variant="light">
          {t('safetyAct.action.unsafeHint')}
        </Alert>
      )}
      <RecordsTable
        caption={t('safetyAct.action.caption')}
        rows={act.actions}
        rowKey={(a) => a.id}
        empty={t('safetyAct.noActions')}
        columns={[
          {
            key: 'type',
            header: t('safetyAct.action.columns.type'),
            cell: (a) => (
              <>
                <Text size="sm" fw={600}>{t(`safetyAct.actionType.${a.actionType}`)}</Text>
                {a.description && <Text size="sm" className="prewrap">{a.description}</Text>}
              </>
            ),
          },
          { key: 'when', header: t('safetyAct.action.columns.when'), nowrap: true, cell: (a) => formatDateTime(a.takenAt) },
          {
            key: 'who',
            header: t('safetyAct.action.columns.who'),
            cell: (a) => (
              <>
                <Text size="sm">{a.takenByName}</Text>
                {a.takenByOrganisation && <Text size="xs" c="dimmed">{a.takenByOrganisation}</Text>}
                <Text size="xs" c="dimmed">{t('safetyAct.action.recordedBy', { name: a.recordedBy.name })}</Text>
              </>
            ),
          },
        ]}
      />
      {notice && (
        <Text size="sm" c="green.9" role="status">
          {t('safetyAct.action.saved')}
        </Text>
      )}
      {mayAdd &&
        (open ? (
          <ActionForm
            caseId={caseId}
            act={act}
            onCancel={() => setOpen(false)}
            onAdded={(a) => {
              setOpen(false);
              setNotice(true);
              onChanged(a);
            }}
          />
        ) : (
          <Group>
            <Button
              id="sa-add-action"
              variant="default"
              onClick={() => {
                setNotice(false);
                setOpen(true);
              }}
            >
              {t('safetyAct.action.add')}
            </Button>
          </Group>
        ))}
    </ActPart>
  );
}
