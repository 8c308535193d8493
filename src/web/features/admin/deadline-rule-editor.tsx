import { Group, Modal, NumberInput, Select, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deadlineUnits } from '#contracts/deadline-rules.contract.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { putDeadlineRule, type DeadlineRule } from './deadline-rules.api.ts';
import { deadlineRulesQuery } from './deadline-rules.queries.ts';
import { ModalFormActions } from '../../ui/form-actions.tsx';

type Unit = (typeof deadlineUnits)[number];
/** The amounts each unit allows (the server checks the same). */
export const amountRange: Record<Unit, { min: number; max: number }> = {
  same_day: { min: 0, max: 0 },
  working_days: { min: 1, max: 366 },
  calendar_days: { min: 1, max: 366 },
  months: { min: 1, max: 120 },
};

type Props = { rule: DeadlineRule; name: string; onClose: () => void; onSaved: (r: DeadlineRule) => void };

/** Edits the period, unit and legal source of one rule; keeps what was typed when the server refuses. */
export function DeadlineRuleEditor({ rule, name, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [amount, setAmount] = useState<number | string>(rule.amount);
  const [unit, setUnit] = useState<Unit>(rule.unit);
  const [sourceUk, setSourceUk] = useState(rule.sourceUk);
  const [sourceEn, setSourceEn] = useState(rule.sourceEn);
  const [errors, setErrors] = useState<{ amount?: string; sourceUk?: string; sourceEn?: string }>({});
  const mutation = useMutation({
    mutationFn: () => putDeadlineRule(rule.id, { amount: Number(amount), unit, sourceUk: sourceUk.trim(), sourceEn: sourceEn.trim(), updatedAt: rule.updatedAt }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: deadlineRulesQuery.queryKey });
      onSaved(saved);
    },
  });
  const submit = () => {
    const range = amountRange[unit];
    const n = typeof amount === 'number' ? amount : Number.NaN;
    const next: typeof errors = {};
    if (!Number.isInteger(n) || n < range.min || n > range.max) next.amount = t('deadlineRules.amountInvalid', range);
    if (!sourceUk.trim()) next.sourceUk = t('deadlineRules.sourceRequired');
    if (!sourceEn.trim()) next.sourceEn = t('deadlineRules.sourceRequired');
    setErrors(next);
    if (Object.keys(next).length === 0) mutation.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={t('deadlineRules.editTitle', { name })} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        noValidate
      >
        <Stack gap="sm">
          <Group grow align="flex-start" wrap="wrap">
            <NumberInput
              label={t('deadlineRules.amount')}
              description={t('deadlineRules.amountHint')}
              value={amount}
              onChange={setAmount}
              min={0}
              max={366}
              allowDecimal={false}
              allowNegative={false}
              error={errors.amount}
              required
              miw={180}
            />
            <Select
              label={t('deadlineRules.unitLabel')}
              data={deadlineUnits.map((u) => ({ value: u, label: t(`deadlineRules.unit.${u}`) }))}
              value={unit}
              onChange={(v) => {
                if (!v) return;
                setUnit(v as Unit);
                if (v === 'same_day') setAmount(0);
              }}
              allowDeselect={false}
              required
              miw={180}
            />
          </Group>
          <Textarea label={t('deadlineRules.sourceUk')} value={sourceUk} onChange={(e) => setSourceUk(e.currentTarget.value)} error={errors.sourceUk} autosize minRows={2} maxLength={1000} required />
          <Textarea label={t('deadlineRules.sourceEn')} value={sourceEn} onChange={(e) => setSourceEn(e.currentTarget.value)} error={errors.sourceEn} autosize minRows={2} maxLength={1000} required />
          <ErrorAlert
            error={mutation.error}
            onReload={() => {
              // The page passes the row as reloaded; what was typed here stays.
              mutation.reset();
              void queryClient.invalidateQueries({ queryKey: deadlineRulesQuery.queryKey });
            }}
          />
          <ModalFormActions gap="sm" onCancel={onClose} pending={mutation.isPending} submitLabel={t('deadlineRules.save')} />
        </Stack>
      </form>
    </Modal>
  );
}
