import { Alert, Anchor, Badge, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deliveryOptions, overheadKinds, type DeliveryOption, type OverheadKind } from '#domain/planning/costing.ts';
import { indicatorTypes, type IndicatorType } from '#domain/planning/programme.ts';
import { activeServicesQuery } from '../features/catalogue/catalogue.queries.ts';
import { fetchProgramme, newKey, programmeBody, saveProgramme, type Programme, type ProgrammeBody } from '../features/community-planning/community-planning.api.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { usePageTitle } from '../ui/page-title.ts';
import { RecordsTable } from '../ui/records-table.tsx';

const money = (n: number | null) => (n === null ? '—' : n.toLocaleString('uk-UA', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));

type GoalDraft = { title: string; targetGroup: string; rationale: string; dueYear: number | ''; indicatorType: IndicatorType; indicatorName: string; unit: string; baseline: number | ''; target: number | '' };
type CostingDraft = { serviceCode: string | null; position: string; monthlyPay: number | ''; monthlyHours: number | ''; hoursPerUnit: number | ''; payroll: number | ''; materials: number | ''; overheadKind: OverheadKind; overheadValue: number | ''; recipients: number | ''; units: number | ''; delivery: DeliveryOption; quote: number | ''; supplier: string };
const num = (v: number | '') => (v === '' ? 0 : v);

/** One targeted social programme: goals with indicators, costed services, budget, neighbours, exports (SPEC §8). */
export function CommunityProgrammePage() {
  const { t, i18n } = useTranslation();
  const { programmeId } = useParams({ from: '/app/community-planning/programmes/$programmeId' });
  const q = useQuery({ queryKey: ['community-planning', 'programme', programmeId], queryFn: () => fetchProgramme(programmeId) });
  const services = useQuery(activeServicesQuery);
  const qc = useQueryClient();
  const [goal, setGoal] = useState<GoalDraft | null>(null);
  const [costing, setCosting] = useState<CostingDraft | null>(null);
  const [saved, setSaved] = useState(false);
  usePageTitle(q.data?.title ?? t('communityPlanning.title'));
  const save = useMutation({
    mutationFn: (body: ProgrammeBody) => saveProgramme(programmeId, body),
    onSuccess: (p) => {
      qc.setQueryData(['community-planning', 'programme', programmeId], p);
      void qc.invalidateQueries({ queryKey: ['community-planning', 'programmes'] });
      setGoal(null);
      setCosting(null);
      setSaved(true);
    },
  });
  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const p: Programme = q.data;
  const edit = p.allowedActions.includes('edit');
  const en = i18n.language === 'en';
  const serviceOptions = (services.data ?? []).map((s) => ({ value: s.code, label: en ? s.nameEn : s.nameUk }));
  const addGoal = (g: GoalDraft) => {
    const body = programmeBody(p);
    body.goals = [
      ...(body.goals ?? []),
      { key: newKey(), title: g.title, targetGroup: g.targetGroup, rationale: g.rationale, dueYear: g.dueYear === '' ? null : g.dueYear, measures: [], indicators: g.indicatorName ? [{ key: newKey(), type: g.indicatorType, name: g.indicatorName, unit: g.unit, baseline: num(g.baseline), target: num(g.target), values: [] }] : [] },
    ];
    save.mutate(body);
  };
  const addCosting = (c: CostingDraft) => {
    const body = programmeBody(p);
    body.costings = [
      ...(body.costings ?? []),
      {
        key: newKey(),
        serviceCode: c.serviceCode ?? '',
        staff: c.position ? [{ position: c.position, monthlyPay: num(c.monthlyPay), monthlyHours: num(c.monthlyHours) || 166, hoursPerUnit: num(c.hoursPerUnit) }] : [],
        payrollChargePercent: num(c.payroll),
        materialsPerUnit: num(c.materials),
        overheadKind: c.overheadKind,
        overheadValue: num(c.overheadValue),
        expectedRecipients: num(c.recipients),
        unitsPerRecipient: num(c.units),
        deliveryOption: c.delivery,
        quotes: c.quote === '' || c.delivery === 'own_provision' ? [] : [{ option: c.delivery, supplier: c.supplier, unitPrice: c.quote }],
        note: '',
      },
    ];
    save.mutate(body);
  };
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/community-planning" size="sm">
        {t('communityPlanning.back')}
      </Anchor>
      <div>
        <Title order={1}>{p.title}</Title>
        <Text c="dimmed" size="sm">
          {en ? p.hromada.nameEn : p.hromada.nameUk} · {p.fromYear}–{p.toYear} · {t(`communityPlanning.status.${p.status}`)}
        </Text>
      </div>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="prog-budget">
        <Title order={2} size="h3" id="prog-budget" mb="xs">
          {t('communityPlanning.budget')}
        </Title>
        <Group gap="xl">
          <Text data-testid="programme-budget">
            {t('communityPlanning.budget')}: <strong>{t('communityPlanning.money', { value: money(p.budgetTotal) })}</strong>
          </Text>
          <Text>
            {t('communityPlanning.perPerson')}: <strong>{p.perPerson === null ? '—' : t('communityPlanning.money', { value: money(p.perPerson) })}</strong>
          </Text>
        </Group>
        <Group mt="sm">
          <Button component="a" href={`/api/v1/community-programmes/${p.id}/export.xlsx`} variant="light" download>
            {t('communityPlanning.export.xlsx')}
          </Button>
          <Button component="a" href={`/api/v1/community-programmes/${p.id}/export.csv`} variant="default" download>
            {t('communityPlanning.export.csv')}
          </Button>
        </Group>
      </Paper>
      {saved && !save.error && <Alert color="green">{t('communityPlanning.saved')}</Alert>}
      {save.error && <ErrorAlert error={save.error} />}

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="prog-goals">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h3" id="prog-goals">
            {t('communityPlanning.goals.heading')}
          </Title>
          {edit && !goal && (
            <Button variant="light" onClick={() => setGoal({ title: '', targetGroup: '', rationale: '', dueYear: p.toYear, indicatorType: 'output', indicatorName: '', unit: '', baseline: '', target: '' })}>
              {t('communityPlanning.goals.add')}
            </Button>
          )}
        </Group>
        {goal && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              addGoal(goal);
            }}
          >
            <Stack gap="xs" mb="md">
              <TextInput label={t('communityPlanning.goals.title')} required value={goal.title} onChange={(e) => setGoal({ ...goal, title: e.currentTarget.value })} maxLength={500} />
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TextInput label={t('communityPlanning.goals.targetGroup')} value={goal.targetGroup} onChange={(e) => setGoal({ ...goal, targetGroup: e.currentTarget.value })} maxLength={300} />
                <TextInput label={t('communityPlanning.goals.rationale')} value={goal.rationale} onChange={(e) => setGoal({ ...goal, rationale: e.currentTarget.value })} maxLength={2000} />
                <NumberInput label={t('communityPlanning.goals.dueYear')} value={goal.dueYear} onChange={(v) => setGoal({ ...goal, dueYear: v === '' ? '' : Number(v) })} min={2000} max={2100} />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 5 }}>
                <Select label={t('communityPlanning.indicators.type')} data={indicatorTypes.map((x) => ({ value: x, label: t(`communityPlanning.indicators.types.${x}`) }))} value={goal.indicatorType} onChange={(v) => setGoal({ ...goal, indicatorType: (v as IndicatorType) ?? 'output' })} allowDeselect={false} />
                <TextInput label={t('communityPlanning.indicators.name')} value={goal.indicatorName} onChange={(e) => setGoal({ ...goal, indicatorName: e.currentTarget.value })} maxLength={300} />
                <TextInput label={t('communityPlanning.indicators.unit')} value={goal.unit} onChange={(e) => setGoal({ ...goal, unit: e.currentTarget.value })} maxLength={50} />
                <NumberInput label={t('communityPlanning.indicators.baseline')} value={goal.baseline} onChange={(v) => setGoal({ ...goal, baseline: v === '' ? '' : Number(v) })} />
                <NumberInput label={t('communityPlanning.indicators.target')} value={goal.target} onChange={(v) => setGoal({ ...goal, target: v === '' ? '' : Number(v) })} />
              </SimpleGrid>
              <Group>
                <Button type="submit" loading={save.isPending}>
                  {t('communityPlanning.save')}
                </Button>
                <Button variant="default" onClick={() => setGoal(null)}>
                  {t('communityPlanning.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {p.goals.length === 0 && <Text c="dimmed">{t('communityPlanning.none')}</Text>}
        <Stack gap="sm">
          {p.goals.map((g) => (
            <Paper key={g.key} withBorder p="sm" radius="sm">
              <Title order={3} size="h4">
                {g.title}
              </Title>
              <Text size="sm" c="dimmed">
                {[g.targetGroup, g.dueYear].filter(Boolean).join(' · ')}
              </Text>
              {g.smartGaps.length === 0 ? (
                <Badge color="green" variant="light">{t('communityPlanning.goals.smartOk')}</Badge>
              ) : (
                <Text size="sm" c="orange.9">
                  {t('communityPlanning.goals.smartGaps', { list: g.smartGaps.map((s) => t(`communityPlanning.goals.smart.${s}`)).join(', ') })}
                </Text>
              )}
              {g.measures.map((m) => (
                <Text key={m.key} size="sm">
                  {t('communityPlanning.goals.measure')}: {m.title}
                </Text>
              ))}
              {g.indicators.map((i) => (
                <Text key={i.key} size="sm">
                  {t('communityPlanning.indicators.name')} ({t(`communityPlanning.indicators.types.${i.type}`)}): {i.name} — {i.baseline} → {i.target} {i.unit}
                  {i.progressPercent !== null ? ` · ${t('communityPlanning.indicators.progress', { value: i.progressPercent })}` : ` · ${t('communityPlanning.indicators.noValues')}`}
                </Text>
              ))}
            </Paper>
          ))}
        </Stack>
      </Paper>

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="prog-costing">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h3" id="prog-costing">
            {t('communityPlanning.costing.heading')}
          </Title>
          {edit && !costing && (
            <Button variant="light" onClick={() => setCosting({ serviceCode: null, position: '', monthlyPay: '', monthlyHours: 166, hoursPerUnit: '', payroll: 22, materials: 0, overheadKind: 'percent', overheadValue: 0, recipients: '', units: '', delivery: 'own_provision', quote: '', supplier: '' })}>
              {t('communityPlanning.costing.add')}
            </Button>
          )}
        </Group>
        {costing && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              addCosting(costing);
            }}
          >
            <Stack gap="xs" mb="md">
              <Select label={t('communityPlanning.costing.service')} required searchable data={serviceOptions} value={costing.serviceCode} onChange={(v) => setCosting({ ...costing, serviceCode: v })} />
              <SimpleGrid cols={{ base: 1, sm: 4 }}>
                <TextInput label={t('communityPlanning.costing.position')} required value={costing.position} onChange={(e) => setCosting({ ...costing, position: e.currentTarget.value })} maxLength={200} />
                <NumberInput label={t('communityPlanning.costing.monthlyPay')} required value={costing.monthlyPay} onChange={(v) => setCosting({ ...costing, monthlyPay: v === '' ? '' : Number(v) })} min={0} />
                <NumberInput label={t('communityPlanning.costing.monthlyHours')} required value={costing.monthlyHours} onChange={(v) => setCosting({ ...costing, monthlyHours: v === '' ? '' : Number(v) })} min={1} max={744} />
                <NumberInput label={t('communityPlanning.costing.hoursPerUnit')} required value={costing.hoursPerUnit} onChange={(v) => setCosting({ ...costing, hoursPerUnit: v === '' ? '' : Number(v) })} min={0} decimalScale={2} />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 4 }}>
                <NumberInput label={t('communityPlanning.costing.payrollCharge')} value={costing.payroll} onChange={(v) => setCosting({ ...costing, payroll: v === '' ? '' : Number(v) })} min={0} max={100} />
                <NumberInput label={t('communityPlanning.costing.materials')} value={costing.materials} onChange={(v) => setCosting({ ...costing, materials: v === '' ? '' : Number(v) })} min={0} decimalScale={2} />
                <Select label={t('communityPlanning.costing.overheadKind')} data={overheadKinds.map((k) => ({ value: k, label: t(`communityPlanning.costing.overheadKinds.${k}`) }))} value={costing.overheadKind} onChange={(v) => setCosting({ ...costing, overheadKind: (v as OverheadKind) ?? 'percent' })} allowDeselect={false} />
                <NumberInput label={t('communityPlanning.costing.overheadValue')} value={costing.overheadValue} onChange={(v) => setCosting({ ...costing, overheadValue: v === '' ? '' : Number(v) })} min={0} decimalScale={2} />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 4 }}>
                <NumberInput label={t('communityPlanning.costing.recipients')} required value={costing.recipients} onChange={(v) => setCosting({ ...costing, recipients: v === '' ? '' : Number(v) })} min={0} />
                <NumberInput label={t('communityPlanning.costing.units')} required value={costing.units} onChange={(v) => setCosting({ ...costing, units: v === '' ? '' : Number(v) })} min={0} />
                <Select label={t('communityPlanning.costing.delivery')} data={deliveryOptions.map((o) => ({ value: o, label: t(`communityPlanning.costing.options.${o}`) }))} value={costing.delivery} onChange={(v) => setCosting({ ...costing, delivery: (v as DeliveryOption) ?? 'own_provision' })} allowDeselect={false} />
                <NumberInput label={t('communityPlanning.costing.quote')} value={costing.quote} onChange={(v) => setCosting({ ...costing, quote: v === '' ? '' : Number(v) })} min={0} disabled={costing.delivery === 'own_provision'} />
              </SimpleGrid>
              <Text size="xs" c="dimmed">
                {t('communityPlanning.costing.computedAfterSave')}
              </Text>
              <Group>
                <Button type="submit" loading={save.isPending}>
                  {t('communityPlanning.save')}
                </Button>
                <Button variant="default" onClick={() => setCosting(null)}>
                  {t('communityPlanning.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {p.costings.length === 0 && <Text c="dimmed">{t('communityPlanning.none')}</Text>}
        <Stack gap="sm">
          {p.costings.map((c) => (
            <Paper key={c.key} withBorder p="sm" radius="sm" data-testid="costing">
              <Title order={3} size="h4">
                {en ? c.serviceNameEn : c.serviceNameUk}
              </Title>
              <Group gap="xl">
                <Text size="sm">
                  {t('communityPlanning.costing.staffCost')}: {money(c.result.staffCostPerUnit)}
                </Text>
                <Text size="sm">
                  {t('communityPlanning.costing.overhead')}: {money(c.result.overheadPerUnit)}
                </Text>
                <Text size="sm" data-testid="unit-cost">
                  {t('communityPlanning.costing.unitCost')}: <strong>{t('communityPlanning.money', { value: money(c.result.unitCost) })}</strong>
                </Text>
                <Text size="sm">
                  {t('communityPlanning.costing.totalUnits')}: {c.result.totalUnits}
                </Text>
                <Text size="sm" data-testid="costing-budget">
                  {t('communityPlanning.costing.budget')}: <strong>{t('communityPlanning.money', { value: money(c.result.budget) })}</strong>
                </Text>
              </Group>
              {c.options.length > 1 && (
                <RecordsTable
                  caption={t('communityPlanning.costing.caption')}
                  rows={c.options}
                  rowKey={(o) => `${o.option}-${o.supplier}`}
                  empty=""
                  columns={[
                    { key: 'o', header: t('communityPlanning.costing.delivery'), rowHeader: true, cell: (o) => `${t(`communityPlanning.costing.options.${o.option}`)}${o.supplier ? ` (${o.supplier})` : ''}${o.cheapest ? ` — ${t('communityPlanning.costing.cheapest')}` : ''}` },
                    { key: 'u', header: t('communityPlanning.costing.unitCost'), nowrap: true, cell: (o) => money(o.unitPrice) },
                    { key: 't', header: t('communityPlanning.costing.total'), nowrap: true, cell: (o) => money(o.total) },
                    { key: 'd', header: t('communityPlanning.costing.difference'), nowrap: true, cell: (o) => money(o.differenceFromOwn) },
                  ]}
                />
              )}
            </Paper>
          ))}
        </Stack>
      </Paper>

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="prog-neighbours">
        <Title order={2} size="h3" id="prog-neighbours" mb="xs">
          {t('communityPlanning.neighbours.heading')}
        </Title>
        <RecordsTable
          caption={t('communityPlanning.neighbours.caption')}
          rows={p.neighbours}
          rowKey={(n) => `${n.hromada.id}-${n.fromYear}`}
          empty={t('communityPlanning.neighbours.none')}
          columns={[
            { key: 'h', header: t('communityPlanning.columns.hromada'), rowHeader: true, cell: (n) => (en ? n.hromada.nameEn : n.hromada.nameUk) },
            { key: 'p', header: t('communityPlanning.columns.period'), nowrap: true, cell: (n) => `${n.fromYear}–${n.toYear}` },
            { key: 'b', header: t('communityPlanning.columns.budget'), nowrap: true, cell: (n) => money(n.budgetTotal) },
            { key: 'pp', header: t('communityPlanning.columns.perPerson'), nowrap: true, cell: (n) => money(n.perPerson) },
          ]}
        />
      </Paper>
    </Stack>
  );
}
