import { Alert, Badge, Button, Checkbox, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StaffRowActions } from '../features/workforce/staff-dialogs.tsx';
import { createStaff, fetchStaffRegister, type StaffBody, type StaffRegister } from '../features/workforce/workforce.api.ts';
import { DateField } from '../ui/date-field.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { InlineFormActions } from '../ui/form-actions.tsx';
import { formatDate, todayInKyiv } from '../ui/format.ts';
import { PageLoader } from '../ui/page-loader.tsx';
import { usePageTitle } from '../ui/page-title.ts';
import { RecordsTable } from '../ui/records-table.tsx';

type Person = StaffRegister['staff'][number];

function AddPerson({ organisationId, onDone }: { organisationId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [v, setV] = useState({ surname: '', givenName: '', patronymic: '', position: '', qualification: '', employment: 'full_time', fte: 1 as number | string, staffKind: 'professional', isHead: false, startedOn: todayInKyiv() as string | null, interval: '' as number | string });
  const set = <K extends keyof typeof v>(k: K, x: (typeof v)[K]) => setV((o) => ({ ...o, [k]: x }));
  const save = useMutation({
    mutationFn: (body: StaffBody) => createStaff(body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['workforce', 'staff'] });
      onDone();
    },
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="add-staff-heading">
      <Title order={2} size="h3" id="add-staff-heading" mb="sm">
        {t('workforce.staff.addTitle')}
      </Title>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({
            organisationId,
            surname: v.surname,
            givenName: v.givenName,
            patronymic: v.patronymic,
            position: v.position,
            qualification: v.qualification,
            employment: v.employment as StaffBody['employment'],
            fte: Number(v.fte),
            staffKind: v.staffKind as NonNullable<StaffBody['staffKind']>,
            isHead: v.isHead,
            startedOn: v.startedOn ?? '',
            supervisionIntervalDays: v.interval === '' ? null : Number(v.interval),
          });
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('workforce.staff.surname')} required value={v.surname} onChange={(e) => set('surname', e.currentTarget.value)} />
            <TextInput label={t('workforce.staff.givenName')} required value={v.givenName} onChange={(e) => set('givenName', e.currentTarget.value)} />
            <TextInput label={t('workforce.staff.patronymic')} value={v.patronymic} onChange={(e) => set('patronymic', e.currentTarget.value)} />
            <TextInput label={t('workforce.staff.position')} required value={v.position} onChange={(e) => set('position', e.currentTarget.value)} />
            <TextInput label={t('workforce.staff.qualification')} value={v.qualification} onChange={(e) => set('qualification', e.currentTarget.value)} />
            <Select label={t('workforce.staff.kindLabel')} data={(['professional', 'paraprofessional', 'volunteer'] as const).map((k) => ({ value: k, label: t(`workforce.staff.kind.${k}`) }))} value={v.staffKind} onChange={(x) => x && set('staffKind', x)} allowDeselect={false} />
            <Select label={t('workforce.staff.employmentLabel')} data={(['full_time', 'part_time'] as const).map((k) => ({ value: k, label: t(`workforce.staff.employment.${k}`) }))} value={v.employment} onChange={(x) => x && set('employment', x)} allowDeselect={false} />
            <NumberInput label={t('workforce.staff.fte')} min={0.05} max={1.5} step={0.25} decimalScale={2} value={v.fte} onChange={(x) => set('fte', x)} />
            <DateField label={t('workforce.staff.startedOn')} required value={v.startedOn} onChange={(x) => set('startedOn', x)} />
            <NumberInput label={t('workforce.staff.interval')} min={7} max={366} value={v.interval} onChange={(x) => set('interval', x)} />
          </SimpleGrid>
          <Checkbox label={t('workforce.staff.isHead')} checked={v.isHead} onChange={(e) => set('isHead', e.currentTarget.checked)} />
          {save.error ? <ErrorAlert error={save.error} /> : null}
          <InlineFormActions onCancel={onDone} pending={save.isPending} />
        </Stack>
      </form>
    </Paper>
  );
}

/** «Штатний реєстр» — the organisation's staff for its supervisor, head of service and the administrator (SPEC §7). */
export function StaffRegisterPage() {
  const { t } = useTranslation();
  usePageTitle(t('workforce.staff.title'));
  const [organisationId, setOrganisationId] = useState<string | undefined>(undefined);
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState(false);
  const [changed, setChanged] = useState<'edited' | 'training' | null>(null);
  const query = useQuery({ queryKey: ['workforce', 'staff', organisationId ?? ''], queryFn: () => fetchStaffRegister(organisationId) });
  if (query.isPending) return <PageLoader />;
  if (!query.data) return <ErrorAlert error={query.error} />;
  const reg = query.data;
  const canManage = reg.organisations.find((o) => o.id === reg.organisationId)?.canManage ?? false;
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('workforce.staff.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('workforce.staff.intro')}
        </Text>
      </div>
      {reg.organisations.length > 1 && (
        <Select label={t('workforce.staff.organisation')} data={reg.organisations.map((o) => ({ value: o.id, label: o.nameUk }))} value={reg.organisationId} onChange={(v) => v && setOrganisationId(v)} allowDeselect={false} searchable maw={560} />
      )}
      {(added || changed) && (
        <Alert color="green" role="status">
          {changed === 'edited' ? t('workforce.staff.edit.saved') : changed === 'training' ? t('workforce.staff.training.saved') : t('workforce.staff.created')}
        </Alert>
      )}
      {reg.organisationId &&
        (adding ? (
          <AddPerson
            organisationId={reg.organisationId}
            onDone={() => {
              setAdding(false);
              setChanged(null);
              setAdded(true);
            }}
          />
        ) : (
          <div>
            <Button onClick={() => setAdding(true)}>{t('workforce.staff.add')}</Button>
          </div>
        ))}
      <Text fw={600}>{t('workforce.staff.totalFte', { fte: reg.totalFte.toLocaleString('uk-UA') })}</Text>
      <RecordsTable<Person>
        caption={t('workforce.staff.caption')}
        rows={reg.staff}
        rowKey={(p) => p.id}
        empty={t('workforce.staff.empty')}
        columns={[
          {
            key: 'name',
            header: t('workforce.staff.columns.name'),
            rowHeader: true,
            cell: (p) => (
              <Stack gap={2}>
                <Text size="sm" fw={600}>
                  {p.name}
                </Text>
                {p.isHead && (
                  <Badge variant="light" color="blue.9" style={{ textTransform: 'none' }}>
                    {t('workforce.staff.head')}
                  </Badge>
                )}
                {!p.active && p.endedOn && <Text size="xs">{t('workforce.staff.ended', { date: formatDate(p.endedOn) })}</Text>}
              </Stack>
            ),
          },
          { key: 'position', header: t('workforce.staff.columns.position'), cell: (p) => `${p.position}${p.qualification ? ` (${p.qualification})` : ''}` },
          { key: 'kind', header: t('workforce.staff.columns.kind'), cell: (p) => t(`workforce.staff.kind.${p.staffKind}`) },
          { key: 'fte', header: t('workforce.staff.columns.fte'), cell: (p) => p.fte.toLocaleString('uk-UA'), nowrap: true },
          { key: 'territory', header: t('workforce.staff.columns.territory'), cell: (p) => p.territory?.nameUk ?? '—' },
          { key: 'since', header: t('workforce.staff.columns.since'), cell: (p) => formatDate(p.startedOn), nowrap: true },
          {
            key: 'supervision',
            header: t('workforce.staff.columns.supervision'),
            cell: (p) => (p.supervisionIntervalDays === null ? t('workforce.staff.noSchedule') : p.supervisionOverdue ? <Text size="sm" fw={700} c="red.8">{t('workforce.staff.overdue')}</Text> : t('workforce.staff.onSchedule')),
          },
          {
            key: 'trainings',
            header: t('workforce.staff.columns.trainings'),
            cell: (p) =>
              p.trainings.length
                ? p.trainings.map((x) => `${x.topic} (${t(`workforce.staff.training.kinds.${x.kind}`)}, ${t('workforce.staff.hours', { hours: x.hours })}, ${formatDate(x.completedOn)}${x.certificateNumber ? `, ${t('workforce.staff.training.certificateShort', { number: x.certificateNumber })}` : ''})`).join('; ')
                : '—',
          },
          ...(canManage
            ? [
                {
                  key: 'actions',
                  header: t('workforce.staff.columns.actions'),
                  cell: (p: Person) => (
                    <StaffRowActions
                      person={p}
                      onSaved={(what) => {
                        setAdded(false);
                        setChanged(what);
                      }}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
    </Stack>
  );
}
