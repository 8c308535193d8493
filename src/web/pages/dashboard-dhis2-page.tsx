import { Alert, Badge, Box, Button, Checkbox, Code, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { importStrategies, type ImportStrategy } from '#domain/dhis2/data-value-sets.ts';
import { useMe } from '../features/auth/auth.queries.ts';
import { mayUseDhis2 } from '../features/dashboards/access.ts';
import { addElementMapping, deleteMapping, fetchDhis2Mappings, fetchMappableTerritories, pushDhis2, putOrgUnit, type Dhis2MappingsData, type Dhis2PushResultData } from '../features/dashboards/dashboards.api.ts';
import { dhis2MappingsQuery, dhis2PushesQuery } from '../features/dashboards/dashboards.queries.ts';
import { isApiError } from '../ui/api-client.ts';
import { ConflictChoice } from '../ui/conflict-merge.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDateTime } from '../ui/format.ts';
import { NotFound } from '../ui/not-found.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { usePageTitle } from '../ui/page-title.ts';
import { useConflictMerge } from '../ui/use-conflict-merge.ts';

function quarterChoices(today = new Date()): string[] {
  const out: string[] = [];
  let y = today.getUTCFullYear();
  let q = Math.floor(today.getUTCMonth() / 3) + 1;
  for (let i = 0; i < 8; i++) {
    out.push(`${y}Q${q}`);
    q -= 1;
    if (q === 0) {
      q = 4;
      y -= 1;
    }
  }
  return out;
}

function ElementMappings({ data, canEdit }: { data: Dhis2MappingsData; canEdit: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [form, setForm] = useState({ indicatorCode: '', disaggregation: 'total', dataElement: '', categoryOptionCombo: '' });
  const save = (next: Dhis2MappingsData) => qc.setQueryData(dhis2MappingsQuery.queryKey, next);
  const add = useMutation({ mutationFn: () => addElementMapping({ ...form, categoryOptionCombo: form.categoryOptionCombo.trim() || null }), onSuccess: (d) => { save(d); setForm({ indicatorCode: '', disaggregation: 'total', dataElement: '', categoryOptionCombo: '' }); } });
  const remove = useMutation({ mutationFn: (row: { id: string; version: number }) => deleteMapping('elements', row.id, row.version), onSuccess: save });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="dhis2-elements">
      <Title order={2} size="h4" id="dhis2-elements" mb="xs">
        {t('dashboards.dhis2.elementsHeading')}
      </Title>
      <Box className="table-scroll">
        <Table withTableBorder verticalSpacing={4}>
          <Table.Caption style={{ textAlign: 'left', captionSide: 'top' }}>{t('dashboards.dhis2.elementsCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('dashboards.dhis2.indicatorCode')}</Table.Th>
              <Table.Th scope="col">{t('dashboards.dhis2.disaggregation')}</Table.Th>
              <Table.Th scope="col">{t('dashboards.dhis2.dataElement')}</Table.Th>
              <Table.Th scope="col">{t('dashboards.dhis2.coc')}</Table.Th>
              {canEdit && <Table.Th scope="col">{t('dashboards.dhis2.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.elements.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={canEdit ? 5 : 4}>{t('dashboards.dhis2.noMappings')}</Table.Td>
              </Table.Tr>
            )}
            {data.elements.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{e.indicatorCode}</Table.Td>
                <Table.Td>{e.disaggregation}</Table.Td>
                <Table.Td>
                  <Code>{e.dataElement}</Code>
                </Table.Td>
                <Table.Td>{e.categoryOptionCombo ? <Code>{e.categoryOptionCombo}</Code> : t('dashboards.dhis2.defaultCoc')}</Table.Td>
                {canEdit && (
                  <Table.Td>
                    <Button size="compact-xs" variant="subtle" color="red.9" onClick={() => remove.mutate(e)} aria-label={t('dashboards.dhis2.removeLabel', { code: e.indicatorCode, cell: e.disaggregation })}>
                      {t('dashboards.dhis2.remove')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
      {remove.isError && <ErrorAlert error={remove.error} />}
      {canEdit && (
        <Box
          component="form"
          mt="sm"
          onSubmit={(ev: FormEvent) => {
            ev.preventDefault();
            add.mutate();
          }}
        >
          <Group align="flex-end" wrap="wrap" gap="sm">
            <TextInput label={t('dashboards.dhis2.indicatorCode')} value={form.indicatorCode} onChange={(e) => setForm({ ...form, indicatorCode: e.currentTarget.value })} required w={120} />
            <TextInput label={t('dashboards.dhis2.disaggregation')} description={t('dashboards.dhis2.disaggregationHint')} value={form.disaggregation} onChange={(e) => setForm({ ...form, disaggregation: e.currentTarget.value })} required w={200} />
            <TextInput label={t('dashboards.dhis2.dataElement')} value={form.dataElement} onChange={(e) => setForm({ ...form, dataElement: e.currentTarget.value })} required w={160} />
            <TextInput label={t('dashboards.dhis2.coc')} value={form.categoryOptionCombo} onChange={(e) => setForm({ ...form, categoryOptionCombo: e.currentTarget.value })} w={160} />
            <Button type="submit" loading={add.isPending}>
              {t('dashboards.dhis2.add')}
            </Button>
          </Group>
          {add.isError && <ErrorAlert error={add.error} />}
        </Box>
      )}
    </Paper>
  );
}

function OrgUnitMappings({ data, canEdit }: { data: Dhis2MappingsData; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const territories = useQuery({ queryKey: ['dhis2', 'territories'], queryFn: fetchMappableTerritories, enabled: canEdit, staleTime: 10 * 60_000 });
  const [territoryId, setTerritoryId] = useState<string | null>(null);
  const [orgUnit, setOrgUnit] = useState('');
  const save = (next: Dhis2MappingsData) => qc.setQueryData(dhis2MappingsQuery.queryKey, next);
  const existing = data.orgUnits.find((o) => o.territoryId === territoryId);
  // No lost updates (SPEC §11): a territory's code changed meanwhile is shown next to this one — keep mine or take theirs.
  type OrgUnitValue = { orgUnit: string };
  const conflictOn = useRef<{ territoryId: string; base: OrgUnitValue } | null>(null);
  const conflict = useConflictMerge<OrgUnitValue>(
    async () => {
      const fresh = await fetchDhis2Mappings();
      const row = fresh.orgUnits.find((o) => o.territoryId === conflictOn.current?.territoryId);
      return row ? { value: { orgUnit: row.orgUnit }, version: row.version } : null;
    },
    (value, version, how) => {
      setOrgUnit(value.orgUnit);
      if (how.save && conflictOn.current) put.mutate({ territoryId: conflictOn.current.territoryId, orgUnit: value.orgUnit, version, base: value });
      else {
        put.reset();
        void qc.invalidateQueries({ queryKey: dhis2MappingsQuery.queryKey });
      }
    },
  );
  const put = useMutation({
    mutationFn: (v: { territoryId: string; orgUnit: string; version: number | null; base: OrgUnitValue }) => {
      conflictOn.current = { territoryId: v.territoryId, base: v.base };
      return putOrgUnit({ territoryId: v.territoryId, orgUnit: v.orgUnit, ...(v.version !== null ? { version: v.version } : {}) });
    },
    onSuccess: (d) => {
      save(d);
      setOrgUnit('');
    },
    onError: (e, v) => void conflict.onConflict(e, v.base, { orgUnit: v.orgUnit }),
  });
  const remove = useMutation({ mutationFn: (row: { id: string; version: number }) => deleteMapping('org-units', row.id, row.version), onSuccess: save });
  const en = i18n.language === 'en';
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="dhis2-orgunits">
      <Title order={2} size="h4" id="dhis2-orgunits" mb="xs">
        {t('dashboards.dhis2.orgUnitsHeading')}
      </Title>
      <Box className="table-scroll">
        <Table withTableBorder verticalSpacing={4}>
          <Table.Caption style={{ textAlign: 'left', captionSide: 'top' }}>{t('dashboards.dhis2.orgUnitsCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('dashboards.dhis2.territory')}</Table.Th>
              <Table.Th scope="col">{t('dashboards.dhis2.orgUnit')}</Table.Th>
              {canEdit && <Table.Th scope="col">{t('dashboards.dhis2.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.orgUnits.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={canEdit ? 3 : 2}>{t('dashboards.dhis2.noMappings')}</Table.Td>
              </Table.Tr>
            )}
            {data.orgUnits.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td>{en ? o.territoryNameEn : o.territoryNameUk}</Table.Td>
                <Table.Td>
                  <Code>{o.orgUnit}</Code>
                </Table.Td>
                {canEdit && (
                  <Table.Td>
                    <Button size="compact-xs" variant="subtle" color="red.9" onClick={() => remove.mutate(o)} aria-label={t('dashboards.dhis2.removeOrgUnitLabel', { name: en ? o.territoryNameEn : o.territoryNameUk })}>
                      {t('dashboards.dhis2.remove')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
      {remove.isError && <ErrorAlert error={remove.error} />}
      {canEdit && (
        <Box
          component="form"
          mt="sm"
          onSubmit={(ev: FormEvent) => {
            ev.preventDefault();
            put.mutate({ territoryId: territoryId ?? '', orgUnit, version: existing?.version ?? null, base: { orgUnit: existing?.orgUnit ?? '' } });
          }}
        >
          <Group align="flex-end" wrap="wrap" gap="sm">
            <Select label={t('dashboards.dhis2.territory')} data={(territories.data ?? []).map((x) => ({ value: x.id, label: `${en ? x.nameEn : x.nameUk}` }))} value={territoryId} onChange={setTerritoryId} searchable required w={320} />
            <TextInput label={t('dashboards.dhis2.orgUnit')} value={orgUnit} onChange={(e) => setOrgUnit(e.currentTarget.value)} required w={160} />
            <Button type="submit" loading={put.isPending}>
              {existing ? t('dashboards.dhis2.change') : t('dashboards.dhis2.add')}
            </Button>
          </Group>
          <ConflictChoice conflict={conflict} labels={{ orgUnit: t('dashboards.dhis2.orgUnit') }} onReload={() => void qc.invalidateQueries({ queryKey: dhis2MappingsQuery.queryKey })} />
          {put.isError && !(isApiError(put.error, 'version_conflict') && (conflict.active || conflict.settled)) && <ErrorAlert error={put.error} />}
        </Box>
      )}
    </Paper>
  );
}

function PushPanel() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const choices = quarterChoices();
  const [quarter, setQuarter] = useState(choices[1] ?? choices[0] ?? '');
  const [dryRun, setDryRun] = useState(true);
  const [remoteDryRun, setRemoteDryRun] = useState(false);
  const [strategy, setStrategy] = useState<ImportStrategy>('CREATE_AND_UPDATE');
  const [result, setResult] = useState<Dhis2PushResultData | null>(null);
  const pushes = useQuery(dhis2PushesQuery);
  const push = useMutation({
    mutationFn: () => pushDhis2({ quarter, dryRun, remoteDryRun, importStrategy: strategy }),
    onSuccess: (r) => {
      setResult(r);
      void qc.invalidateQueries({ queryKey: dhis2PushesQuery.queryKey });
    },
  });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="dhis2-push">
      <Title order={2} size="h4" id="dhis2-push" mb="xs">
        {t('dashboards.dhis2.pushHeading')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('dashboards.dhis2.pushHint')}
      </Text>
      <Box
        component="form"
        onSubmit={(ev: FormEvent) => {
          ev.preventDefault();
          push.mutate();
        }}
      >
        <Group align="flex-end" wrap="wrap" gap="sm">
          <Select label={t('dashboards.dhis2.quarter')} data={choices} value={quarter} onChange={(v) => v && setQuarter(v)} allowDeselect={false} w={140} />
          <Select label={t('dashboards.dhis2.strategy')} data={importStrategies.map((s) => ({ value: s, label: s }))} value={strategy} onChange={(v) => v && setStrategy(v as ImportStrategy)} allowDeselect={false} w={220} />
          <Checkbox label={t('dashboards.dhis2.dryRun')} checked={dryRun} onChange={(e) => setDryRun(e.currentTarget.checked)} />
          {!dryRun && <Checkbox label={t('dashboards.dhis2.remoteDryRun')} checked={remoteDryRun} onChange={(e) => setRemoteDryRun(e.currentTarget.checked)} />}
          <Button type="submit" loading={push.isPending}>
            {dryRun ? t('dashboards.dhis2.validate') : t('dashboards.dhis2.send')}
          </Button>
        </Group>
      </Box>
      {push.isError && <ErrorAlert error={push.error} />}
      {result && (
        <Alert mt="sm" color={result.status === 'validated' || result.status === 'success' ? 'green' : 'orange'} title={t(`dashboards.dhis2.status.${result.status}`)} role="status">
          <Text size="sm">{t('dashboards.dhis2.counts', result.counts)}</Text>
          {result.errors.length > 0 && <Text size="sm">{result.errors.join('; ')}</Text>}
          <Code block mt="xs" style={{ maxHeight: 220, overflow: 'auto' }} tabIndex={0} aria-label={t('dashboards.dhis2.payload')}>
            {JSON.stringify(result.payload, null, 2)}
          </Code>
        </Alert>
      )}
      <Title order={3} size="h5" mt="md" mb="xs">
        {t('dashboards.dhis2.historyHeading')}
      </Title>
      {pushes.isError && <ErrorAlert error={pushes.error} />}
      <Box className="table-scroll">
        <Table withTableBorder verticalSpacing={4}>
          <Table.Caption style={{ textAlign: 'left', captionSide: 'top' }}>{t('dashboards.dhis2.historyCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('dashboards.dhis2.when')}</Table.Th>
              <Table.Th scope="col">{t('dashboards.dhis2.quarter')}</Table.Th>
              <Table.Th scope="col">{t('dashboards.dhis2.mode')}</Table.Th>
              <Table.Th scope="col">{t('dashboards.dhis2.result')}</Table.Th>
              <Table.Th scope="col">{t('dashboards.dhis2.values')}</Table.Th>
              <Table.Th scope="col">{t('dashboards.dhis2.imported')}</Table.Th>
              <Table.Th scope="col">{t('dashboards.dhis2.who')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(pushes.data?.items ?? []).map((p) => {
              const ic = (p.importSummary?.importCount ?? null) as Record<string, number> | null;
              return (
                <Table.Tr key={p.id}>
                  <Table.Td>{formatDateTime(p.createdAt)}</Table.Td>
                  <Table.Td>{p.period}</Table.Td>
                  <Table.Td>{p.dryRun ? t('dashboards.dhis2.modeLocal') : p.remoteDryRun ? t('dashboards.dhis2.modeRemoteDry') : t('dashboards.dhis2.modeSend')}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={p.status === 'validated' || p.status === 'success' ? 'green.9' : 'orange.9'}>
                      {t(`dashboards.dhis2.status.${p.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{p.counts.values}</Table.Td>
                  <Table.Td>{ic ? t('dashboards.dhis2.importCount', { imported: ic.imported ?? 0, updated: ic.updated ?? 0, ignored: ic.ignored ?? 0 }) : '—'}</Table.Td>
                  <Table.Td>{p.createdBy}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Box>
      <Text size="xs" c="dimmed" mt="xs">
        {t('dashboards.dhis2.suppressedNote')}
      </Text>
    </Paper>
  );
}

/** «DHIS2» — the mapping tables (edited by the administrator), dry runs, pushes and the kept import summaries (SPEC §10.4). */
export function DashboardDhis2Page() {
  const { t } = useTranslation();
  const me = useMe();
  const allowed = mayUseDhis2(me);
  usePageTitle(allowed ? t('dashboards.dhis2.title') : t('common.notFoundTitle'));
  const mappings = useQuery({ ...dhis2MappingsQuery, enabled: allowed });
  if (!allowed) return <NotFound />;
  if (mappings.isPending) return <PageLoader />;
  if (mappings.isError) return <ErrorAlert error={mappings.error} onReload={() => void mappings.refetch()} />;
  const canEdit = mappings.data.allowedActions.includes('edit');
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('dashboards.dhis2.title')}</Title>
        <Text c="dimmed" size="sm" maw={820}>
          {t('dashboards.dhis2.intro')}
        </Text>
      </div>
      {mappings.data.allowedActions.includes('push') && <PushPanel />}
      <ElementMappings data={mappings.data} canEdit={canEdit} />
      <OrgUnitMappings data={mappings.data} canEdit={canEdit} />
    </Stack>
  );
}
