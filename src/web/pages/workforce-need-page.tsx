import { Alert, Anchor, Button, Group, NumberInput, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseloadComplexities } from '#domain/workforce/caseload.ts';
import { useMe } from '../features/auth/auth.queries.ts';
import { hromadasQuery } from '../features/territories/territories.queries.ts';
import { fetchWorkforceNeed, needXlsxUrl, saveNeedInputs, type WorkforceNeed } from '../features/workforce/workforce.api.ts';
import { isApiError } from '../ui/api-client.ts';
import { ConflictChoice } from '../ui/conflict-merge.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { usePageTitle } from '../ui/page-title.ts';
import { useConflictMerge } from '../ui/use-conflict-merge.ts';

/** The hromada's inputs as the form edits them. */
type NeedInputs = { otherServicesFte: number | string; travel: Record<string, number | string> };
const inputsOf = (n: WorkforceNeed): NeedInputs => ({ otherServicesFte: n.result.otherServicesFte, travel: Object.fromEntries(n.starostats.map((s) => [s.id, s.travelMinutes ?? ''])) });

const num = (n: number) => n.toLocaleString('uk-UA');

function Inputs({ need }: { need: WorkforceNeed }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [other, setOther] = useState<number | string>(need.result.otherServicesFte);
  const [travel, setTravel] = useState<Record<string, number | string>>(() => inputsOf(need).travel);
  // No lost updates (SPEC §11): after a 409 both versions are shown — keep mine (saved over theirs) or take theirs.
  const baseRef = useRef<NeedInputs>(inputsOf(need));
  const versionRef = useRef(need.version);
  const conflict = useConflictMerge<NeedInputs>(
    async () => {
      const fresh = await fetchWorkforceNeed(need.hromada.id);
      return { value: inputsOf(fresh), version: fresh.version };
    },
    (value, version, how) => {
      versionRef.current = version;
      setOther(value.otherServicesFte);
      setTravel(value.travel);
      if (how.save) save.mutate(value);
      else {
        baseRef.current = value;
        save.reset();
      }
    },
  );
  const save = useMutation({
    mutationFn: (v: NeedInputs) =>
      saveNeedInputs(need.hromada.id, {
        otherServicesFte: Number(v.otherServicesFte) || 0,
        travelMinutes: Object.fromEntries(Object.entries(v.travel).filter(([, m]) => m !== '').map(([id, m]) => [id, Number(m)])),
        version: versionRef.current,
      }),
    onSuccess: (d) => queryClient.setQueryData(['workforce', 'need', need.hromada.id], d),
    onError: (e, v) => void conflict.onConflict(e, baseRef.current, v),
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="need-inputs-heading">
      <Title order={2} size="h3" id="need-inputs-heading" mb="sm">
        {t('workforce.need.inputsHeading')}
      </Title>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ otherServicesFte: other, travel });
        }}
      >
        <Stack gap="sm" maw={520}>
          <NumberInput label={t('workforce.need.otherServicesLabel')} min={0} max={500} step={0.5} decimalScale={2} value={other} onChange={setOther} />
          {need.starostats.map((s) => (
            <NumberInput key={s.id} label={t('workforce.need.travelLabel', { name: s.nameUk })} min={0} max={600} value={travel[s.id] ?? ''} onChange={(v) => setTravel((o) => ({ ...o, [s.id]: v }))} />
          ))}
          <ConflictChoice
            conflict={conflict}
            labels={{ otherServicesFte: t('workforce.need.otherServicesLabel'), ...Object.fromEntries(need.starostats.map((s) => [`travel.${s.id}`, t('workforce.need.travelLabel', { name: s.nameUk })])) }}
            onReload={() => void queryClient.invalidateQueries({ queryKey: ['workforce', 'need', need.hromada.id] })}
          />
          {save.error && !(isApiError(save.error, 'version_conflict') && (conflict.active || conflict.settled)) ? <ErrorAlert error={save.error} /> : null}
          {save.isSuccess && (
            <Alert color="green" role="status">
              {t('workforce.need.saved')}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('workforce.need.saveInputs')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function NeedView({ need }: { need: WorkforceNeed }) {
  const { t } = useTranslation();
  const r = need.result;
  const rows: Array<[string, number, boolean?]> = [
    [t('workforce.need.complex'), r.complexFte],
    [t('workforce.need.otherCases'), r.otherCasesFte],
    [t('workforce.need.otherServices'), r.otherServicesFte],
    [t('workforce.need.travel', { count: r.remoteStarostats, minutes: need.travelRule.remoteThresholdMinutes, fte: num(need.travelRule.remoteExtraFte) }), r.travelFte],
    [t('workforce.need.needed'), r.neededFte, true],
    [t('workforce.need.specialists'), r.specialistsNeeded],
    [t('workforce.need.available'), r.availableFte],
    [t('workforce.need.gap'), r.gapFte, true],
  ];
  return (
    <Stack gap="md">
      <Stack gap="xs" component="section" aria-labelledby="need-result-heading">
        <Title order={2} size="h3" id="need-result-heading">
          {t('workforce.need.resultHeading')}
        </Title>
        <div className="table-scroll">
          <Table captionSide="top" maw={720} striped>
            <Table.Caption style={{ textAlign: 'left' }}>{t('workforce.need.caption')}</Table.Caption>
            <Table.Tbody>
              {rows.map(([label, value, strong]) => (
                <Table.Tr key={label}>
                  <Table.Th scope="row" fw={strong ? 700 : 400}>
                    {label}
                  </Table.Th>
                  <Table.Td fw={strong ? 700 : 400} ta="right">
                    {num(value)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
        <div>
          <Anchor href={needXlsxUrl(need.hromada.id)} download>
            {t('workforce.need.export')}
          </Anchor>
        </div>
      </Stack>
      <div className="table-scroll">
        <Table captionSide="top" maw={720} striped>
          <Table.Caption style={{ textAlign: 'left' }}>{t('workforce.need.casesCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('workforce.need.casesCaption')}</Table.Th>
              <Table.Th scope="col">{t('workforce.need.count')}</Table.Th>
              <Table.Th scope="col">{t('workforce.need.weight')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {caseloadComplexities.map((c) => (
              <Table.Tr key={c}>
                <Table.Th scope="row" fw={400}>
                  {t(`workforce.complexity.${c}`)}
                </Table.Th>
                <Table.Td>{need.openCases[c]}</Table.Td>
                <Table.Td>{num(need.weights[c])}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <Stack gap={4} component="section" aria-labelledby="need-ratios-heading">
        <Title order={2} size="h3" id="need-ratios-heading">
          {t('workforce.need.ratiosHeading')}
        </Title>
        <Text size="sm">{t('workforce.need.staffLine', { people: need.staff.people, pro: need.staff.professionals, para: need.staff.paraprofessionals, vol: need.staff.volunteers, fte: num(need.staff.fte) })}</Text>
        {need.ratios.peoplePerStaff === null ? (
          <Text size="sm">{t('workforce.need.noPopulation')}</Text>
        ) : (
          <>
            <Text size="sm">{t('workforce.need.peoplePerStaff', { n: num(need.ratios.peoplePerStaff) })}</Text>
            {need.ratios.childrenPerStaff !== null && <Text size="sm">{t('workforce.need.childrenPerStaff', { n: num(need.ratios.childrenPerStaff) })}</Text>}
          </>
        )}
      </Stack>
      {need.canEdit && <Inputs key={need.version} need={need} />}
    </Stack>
  );
}

/** «Потреба в кадрах» — workforce need per hromada for its planner and the oblast coordinator (SPEC §8), aggregates only. */
export function WorkforceNeedPage() {
  const { t } = useTranslation();
  usePageTitle(t('workforce.need.title'));
  const me = useMe();
  const hromadas = useQuery(hromadasQuery);
  const own = me.grants.find((g) => g.role === 'community_planner')?.hromadaId ?? null;
  const [chosen, setChosen] = useState<string | null>(null);
  const hromadaId = chosen ?? own ?? hromadas.data?.[0]?.id ?? null;
  const need = useQuery({ queryKey: ['workforce', 'need', hromadaId], queryFn: () => fetchWorkforceNeed(hromadaId as string), enabled: hromadaId !== null });
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('workforce.need.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('workforce.need.intro')}
        </Text>
      </div>
      <Select label={t('workforce.need.hromada')} data={(hromadas.data ?? []).map((h) => ({ value: h.id, label: h.nameUk }))} value={hromadaId} onChange={(v) => v && setChosen(v)} allowDeselect={false} searchable maw={520} />
      {need.isPending && hromadaId ? <PageLoader /> : need.data ? <NeedView need={need.data} /> : need.error ? <ErrorAlert error={need.error} /> : null}
    </Stack>
  );
}
