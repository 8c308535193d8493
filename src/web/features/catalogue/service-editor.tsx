import { Checkbox, Group, Modal, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ministries, servicePackages, type Ministry, type ServicePackage } from '#domain/services/service-catalogue.ts';
import { isApiError } from '../../ui/api-client.ts';
import { ConflictChoice, plainText } from '../../ui/conflict-merge.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useConflictMerge } from '../../ui/use-conflict-merge.ts';
import { fetchCatalogue, updateService, type CatalogueService } from './catalogue.api.ts';
import { ModalFormActions } from '../../ui/form-actions.tsx';

type Props = { service: CatalogueService; onClose: () => void; onSaved: (s: CatalogueService) => void };
/** The service as this form edits it. */
type ServiceValues = { nameUk: string; nameEn: string; ministry: Ministry; package: ServicePackage; targetGroup: string; unitOfMeasure: string; standardUnitCost: number | null; isActive: boolean };
const valuesOf = (s: CatalogueService): ServiceValues => ({ nameUk: s.nameUk, nameEn: s.nameEn, ministry: s.ministry, package: s.package, targetGroup: s.targetGroup, unitOfMeasure: s.unitOfMeasure, standardUnitCost: s.standardUnitCost ?? null, isActive: s.isActive });

/**
 * The administrator's edit of one service (SPEC §4.1): names, ministry, package, target group, unit and the standard
 * unit cost in hryvnias. The version comes from the row as last loaded; on a conflict the row is reloaded and what
 * was typed here stays.
 */
export function ServiceEditor({ service, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [nameUk, setNameUk] = useState(service.nameUk);
  const [nameEn, setNameEn] = useState(service.nameEn);
  const [ministry, setMinistry] = useState<Ministry>(service.ministry);
  const [pkg, setPkg] = useState<ServicePackage>(service.package);
  const [targetGroup, setTargetGroup] = useState(service.targetGroup);
  const [unit, setUnit] = useState(service.unitOfMeasure);
  const [cost, setCost] = useState<number | string>(service.standardUnitCost ?? '');
  const [isActive, setIsActive] = useState(service.isActive);
  const [errors, setErrors] = useState<{ nameUk?: string; nameEn?: string }>({});
  const nowValues = (): ServiceValues => ({ nameUk: nameUk.trim(), nameEn: nameEn.trim(), ministry, package: pkg, targetGroup: targetGroup.trim(), unitOfMeasure: unit.trim(), standardUnitCost: cost === '' ? null : Math.round(Number(cost) * 100) / 100, isActive });
  // No lost updates (SPEC §11): after a 409 both versions are shown — keep mine (saved over theirs) or take theirs.
  const baseRef = useRef(valuesOf(service));
  const versionRef = useRef(service.version);
  const conflict = useConflictMerge<ServiceValues>(
    async () => {
      const current = (await fetchCatalogue(true)).find((s) => s.code === service.code);
      return current ? { value: valuesOf(current), version: current.version } : null;
    },
    (v, version, how) => {
      versionRef.current = version;
      setNameUk(v.nameUk);
      setNameEn(v.nameEn);
      setMinistry(v.ministry);
      setPkg(v.package);
      setTargetGroup(v.targetGroup);
      setUnit(v.unitOfMeasure);
      setCost(v.standardUnitCost ?? '');
      setIsActive(v.isActive);
      if (how.save) mutation.mutate(v);
      else {
        baseRef.current = v;
        mutation.reset();
      }
    },
  );
  const mutation = useMutation({
    mutationFn: (over?: ServiceValues) => updateService(service.code, { version: versionRef.current, ...(over ?? nowValues()) }),
    onError: (e, over) => void conflict.onConflict(e, baseRef.current, over ?? nowValues()),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['service-catalogue'] });
      onSaved(saved);
    },
  });
  const submit = () => {
    const next: typeof errors = {};
    if (!nameUk.trim()) next.nameUk = t('catalogue.required');
    if (!nameEn.trim()) next.nameEn = t('catalogue.required');
    setErrors(next);
    if (Object.keys(next).length === 0) mutation.mutate(undefined);
  };
  return (
    <Modal opened onClose={onClose} title={t('catalogue.editTitle', { code: service.code })} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        noValidate
      >
        <Stack gap="sm">
          <TextInput label={t('catalogue.nameUk')} value={nameUk} onChange={(e) => setNameUk(e.currentTarget.value)} error={errors.nameUk} maxLength={300} required />
          <TextInput label={t('catalogue.nameEn')} value={nameEn} onChange={(e) => setNameEn(e.currentTarget.value)} error={errors.nameEn} maxLength={300} required />
          <Group grow align="flex-start" wrap="wrap">
            <Select
              label={t('catalogue.ministryLabel')}
              data={ministries.map((m) => ({ value: m, label: t(`catalogue.ministry.${m}`) }))}
              value={ministry}
              onChange={(v) => v && setMinistry(v as Ministry)}
              allowDeselect={false}
              required
              miw={200}
            />
            <Select
              label={t('catalogue.packageLabel')}
              data={servicePackages.map((p) => ({ value: p, label: t(`catalogue.package.${p}`) }))}
              value={pkg}
              onChange={(v) => v && setPkg(v as ServicePackage)}
              allowDeselect={false}
              required
              miw={200}
            />
          </Group>
          <Textarea label={t('catalogue.targetGroup')} value={targetGroup} onChange={(e) => setTargetGroup(e.currentTarget.value)} autosize minRows={2} maxLength={1000} />
          <Group grow align="flex-start" wrap="wrap">
            <TextInput label={t('catalogue.unit')} value={unit} onChange={(e) => setUnit(e.currentTarget.value)} maxLength={100} miw={200} />
            <NumberInput
              label={t('catalogue.cost')}
              description={t('catalogue.costHint')}
              value={cost}
              onChange={setCost}
              min={0}
              max={9_999_999_999.99}
              decimalScale={2}
              decimalSeparator=","
              thousandSeparator=" "
              allowNegative={false}
              miw={200}
            />
          </Group>
          <Checkbox label={t('catalogue.isActive')} checked={isActive} onChange={(e) => setIsActive(e.currentTarget.checked)} />
          <ConflictChoice
            conflict={conflict}
            labels={{ nameUk: t('catalogue.nameUk'), nameEn: t('catalogue.nameEn'), ministry: t('catalogue.ministryLabel'), package: t('catalogue.packageLabel'), targetGroup: t('catalogue.targetGroup'), unitOfMeasure: t('catalogue.unit'), standardUnitCost: t('catalogue.cost'), isActive: t('catalogue.isActive') }}
            textOf={(c, v) => {
              const field = c.path[c.path.length - 1];
              if (field === 'ministry' && typeof v === 'string') return t(`catalogue.ministry.${v as Ministry}`);
              if (field === 'package' && typeof v === 'string') return t(`catalogue.package.${v as ServicePackage}`);
              return plainText(v, t);
            }}
          />
          <ErrorAlert
            error={isApiError(mutation.error, 'version_conflict') && (conflict.active || conflict.settled) ? null : mutation.error}
            onReload={() => {
              mutation.reset();
              void queryClient.invalidateQueries({ queryKey: ['service-catalogue'] });
            }}
          />
          <ModalFormActions gap="sm" onCancel={onClose} pending={mutation.isPending} submitLabel={t('catalogue.save')} />
        </Stack>
      </form>
    </Modal>
  );
}
