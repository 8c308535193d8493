import { Alert, Anchor, Button, Fieldset, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useRef, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { sourceKinds, type SourceKind } from '#domain/planning/needs.ts';
import { groupLabel } from '../features/community-planning/group-label.ts';
import { fetchNeedsAssessment, publishNeedsAssessment, saveNeedsAssessment, type NeedsAssessment, type NeedsAssessmentBody } from '../features/community-planning/community-planning.api.ts';
import { isApiError } from '../ui/api-client.ts';
import { ConflictMerge, type FieldLabels } from '../ui/conflict-merge.tsx';
import { DateField } from '../ui/date-field.tsx';
import { ErrorAlert, fieldErrorsOf } from '../ui/error-alert.tsx';
import { formatDate } from '../ui/format.ts';
import { AnchorLink } from '../ui/links.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { usePageTitle } from '../ui/page-title.ts';
import { RecordsTable } from '../ui/records-table.tsx';
import { useConflictMerge } from '../ui/use-conflict-merge.ts';



type FigureDraft = { groupKey: string | null; label: string; value: number | ''; sourceKind: SourceKind; sourceName: string; sourceDate: string | null; note: string };
type FindingDraft = { sourceKind: SourceKind; sourceName: string; sourceDate: string | null; finding: string };
type Draft = { title: string; horizonYear: number | ''; population: number | ''; childPopulation: number | ''; figures: FigureDraft[]; findings: FindingDraft[]; conclusions: string };

const blank = (v: number | null): number | '' => (v === null ? '' : v);
const orNull = (v: number | ''): number | null => (v === '' ? null : v);

function draftOf(a: NeedsAssessment): Draft {
  return { title: a.title, horizonYear: a.horizonYear, population: blank(a.population), childPopulation: blank(a.childPopulation), figures: a.figures.map((f) => ({ ...f })), findings: a.findings.map((f) => ({ ...f })), conclusions: a.conclusions };
}

function bodyOf(d: Draft, version: number): NeedsAssessmentBody {
  return {
    version,
    title: d.title,
    horizonYear: d.horizonYear === '' ? 0 : d.horizonYear,
    population: orNull(d.population),
    childPopulation: orNull(d.childPopulation),
    figures: d.figures.map((f) => ({ groupKey: f.groupKey, label: f.label, value: f.value === '' ? -1 : f.value, sourceKind: f.sourceKind, sourceName: f.sourceName, sourceDate: f.sourceDate ?? '', note: f.note })),
    findings: d.findings.map((f) => ({ sourceKind: f.sourceKind, sourceName: f.sourceName, sourceDate: f.sourceDate ?? '', finding: f.finding })),
    conclusions: d.conclusions,
  };
}

/** The labels of the draft's fields, for the merge view. */
function needsLabels(t: TFunction): FieldLabels {
  return {
    title: t('communityPlanning.titleField'),
    horizonYear: t('communityPlanning.needs.horizonYear'),
    population: t('communityPlanning.population'),
    childPopulation: t('communityPlanning.needs.childPopulation'),
    figures: t('communityPlanning.needs.entered'),
    findings: t('communityPlanning.needs.findings'),
    conclusions: t('communityPlanning.needs.conclusions'),
  };
}

/** Entering and editing the figures and findings, each with its source (SPEC §8); a 409 shows both versions to merge (SPEC §11). */
function EditAssessment({ a, onDone }: { a: NeedsAssessment; onDone: (saved: NeedsAssessment | null) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [d, setD] = useState<Draft>(() => draftOf(a));
  // No lost updates (SPEC §11): after a 409 the fields both people changed are shown side by side to choose from.
  const baseRef = useRef<Draft>(draftOf(a));
  const versionRef = useRef(a.version);
  const conflict = useConflictMerge<Draft>(
    async () => {
      const current = await fetchNeedsAssessment(a.id);
      return { value: draftOf(current), version: current.version };
    },
    (value, version, how) => {
      versionRef.current = version;
      baseRef.current = value;
      setD(value);
      if (how.save) save.mutate(value);
      else save.reset();
    },
  );
  const save = useMutation({
    mutationFn: (draft: Draft) => saveNeedsAssessment(a.id, bodyOf(draft, versionRef.current)),
    onSuccess: (saved) => {
      qc.setQueryData(['community-planning', 'assessment', a.id], saved);
      void qc.invalidateQueries({ queryKey: ['community-planning', 'assessments'] });
      onDone(saved);
    },
    onError: (e, draft) => void conflict.onConflict(e, baseRef.current, draft),
  });
  const errors = fieldErrorsOf(t, save.error);
  const setFigure = (i: number, patch: Partial<FigureDraft>) => setD((o) => ({ ...o, figures: o.figures.map((f, j) => (j === i ? { ...f, ...patch } : f)) }));
  const setFinding = (i: number, patch: Partial<FindingDraft>) => setD((o) => ({ ...o, findings: o.findings.map((f, j) => (j === i ? { ...f, ...patch } : f)) }));
  const kinds = sourceKinds.map((k) => ({ value: k, label: t(`communityPlanning.needs.sourceKinds.${k}`) }));
  const groups = [{ value: '', label: t('communityPlanning.needs.noGroup') }, ...a.systemCounts.map((c) => ({ value: c.groupKey, label: groupLabel(t, c.groupKey) }))];
  const num = (v: string | number): number | '' => (v === '' ? '' : Number(v));
  const reload = async () => {
    const fresh = await fetchNeedsAssessment(a.id);
    qc.setQueryData(['community-planning', 'assessment', a.id], fresh);
    onDone(null);
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="na-edit">
      <Title order={2} size="h3" id="na-edit" mb="xs">
        {t('communityPlanning.needs.editTitle')}
      </Title>
      {a.publishedOn && (
        <Text size="sm" c="dimmed" mb="xs">
          {t('communityPlanning.needs.editUnpublishes')}
        </Text>
      )}
      <form
        noValidate
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          save.mutate(d);
        }}
      >
        <Stack gap="sm">
          <TextInput label={t('communityPlanning.titleField')} value={d.title} onChange={(e) => setD({ ...d, title: e.currentTarget.value })} maxLength={200} error={errors.title} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput label={t('communityPlanning.needs.horizonYear')} required value={d.horizonYear} onChange={(v) => setD({ ...d, horizonYear: num(v) })} min={2000} max={2100} error={errors.horizonYear} />
            <NumberInput label={t('communityPlanning.population')} value={d.population} onChange={(v) => setD({ ...d, population: num(v) })} min={0} error={errors.population} />
            <NumberInput label={t('communityPlanning.needs.childPopulation')} value={d.childPopulation} onChange={(v) => setD({ ...d, childPopulation: num(v) })} min={0} error={errors.childPopulation} />
          </SimpleGrid>
          <Title order={3} size="h4">
            {t('communityPlanning.needs.entered')}
          </Title>
          {d.figures.map((f, i) => (
            <Fieldset key={i} legend={t('communityPlanning.needs.figureN', { n: i + 1 })}>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TextInput label={t('communityPlanning.needs.figureLabel')} required value={f.label} onChange={(e) => setFigure(i, { label: e.currentTarget.value })} maxLength={200} error={errors[`figures.${i}.label`]} />
                <NumberInput label={t('communityPlanning.needs.count')} required value={f.value} onChange={(v) => setFigure(i, { value: num(v) })} min={0} allowDecimal={false} error={errors[`figures.${i}.value`]} />
                <Select label={t('communityPlanning.needs.systemGroup')} data={groups} value={f.groupKey ?? ''} onChange={(v) => setFigure(i, { groupKey: v ? v : null })} allowDeselect={false} searchable />
                <Select label={t('communityPlanning.needs.sourceKind')} data={kinds} value={f.sourceKind} onChange={(v) => v && setFigure(i, { sourceKind: v as SourceKind })} allowDeselect={false} />
                <TextInput label={t('communityPlanning.needs.source')} required value={f.sourceName} onChange={(e) => setFigure(i, { sourceName: e.currentTarget.value })} maxLength={200} error={errors[`figures.${i}.sourceName`]} />
                <DateField label={t('communityPlanning.needs.sourceDate')} required value={f.sourceDate} onChange={(v) => setFigure(i, { sourceDate: v })} error={errors[`figures.${i}.sourceDate`]} />
              </SimpleGrid>
              <Group align="flex-end" mt="xs">
                <TextInput label={t('communityPlanning.needs.note')} value={f.note} onChange={(e) => setFigure(i, { note: e.currentTarget.value })} maxLength={1000} style={{ flex: 1 }} />
                <Button variant="subtle" color="red.8" onClick={() => setD({ ...d, figures: d.figures.filter((_, j) => j !== i) })}>
                  {t('communityPlanning.needs.removeFigure', { n: i + 1 })}
                </Button>
              </Group>
            </Fieldset>
          ))}
          <div>
            <Button variant="light" onClick={() => setD({ ...d, figures: [...d.figures, { groupKey: null, label: '', value: '', sourceKind: 'administrative', sourceName: '', sourceDate: null, note: '' }] })}>
              {t('communityPlanning.needs.addFigure')}
            </Button>
          </div>
          <Title order={3} size="h4">
            {t('communityPlanning.needs.findings')}
          </Title>
          {d.findings.map((f, i) => (
            <Fieldset key={i} legend={t('communityPlanning.needs.findingN', { n: i + 1 })}>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Select label={t('communityPlanning.needs.sourceKind')} data={kinds} value={f.sourceKind} onChange={(v) => v && setFinding(i, { sourceKind: v as SourceKind })} allowDeselect={false} />
                <TextInput label={t('communityPlanning.needs.source')} required value={f.sourceName} onChange={(e) => setFinding(i, { sourceName: e.currentTarget.value })} maxLength={200} error={errors[`findings.${i}.sourceName`]} />
                <DateField label={t('communityPlanning.needs.sourceDate')} required value={f.sourceDate} onChange={(v) => setFinding(i, { sourceDate: v })} error={errors[`findings.${i}.sourceDate`]} />
              </SimpleGrid>
              <Textarea label={t('communityPlanning.needs.finding')} required mt="xs" autosize minRows={2} value={f.finding} onChange={(e) => setFinding(i, { finding: e.currentTarget.value })} maxLength={4000} error={errors[`findings.${i}.finding`]} />
              <Button mt="xs" variant="subtle" color="red.8" onClick={() => setD({ ...d, findings: d.findings.filter((_, j) => j !== i) })}>
                {t('communityPlanning.needs.removeFinding', { n: i + 1 })}
              </Button>
            </Fieldset>
          ))}
          <div>
            <Button variant="light" onClick={() => setD({ ...d, findings: [...d.findings, { sourceKind: 'survey', sourceName: '', sourceDate: null, finding: '' }] })}>
              {t('communityPlanning.needs.addFinding')}
            </Button>
          </div>
          <Textarea label={t('communityPlanning.needs.conclusions')} autosize minRows={2} value={d.conclusions} onChange={(e) => setD({ ...d, conclusions: e.currentTarget.value })} maxLength={8000} error={errors.conclusions} />
          <ConflictMerge conflict={conflict} labels={needsLabels(t)} onReload={() => void reload()} />
          {save.error && !(isApiError(save.error, 'version_conflict') && (conflict.active || conflict.settled)) && <ErrorAlert error={save.error} />}
          <Group>
            <Button type="submit" loading={save.isPending} disabled={conflict.active}>
              {t('communityPlanning.save')}
            </Button>
            <Button variant="default" onClick={() => onDone(null)}>
              {t('communityPlanning.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The hromada's needs assessment: system counts, entered data with sources, differences, providers and gaps (SPEC §8). */
export function CommunityNeedsPage() {
  const { t, i18n } = useTranslation();
  const { assessmentId } = useParams({ from: '/app/community-planning/needs/$assessmentId' });
  const q = useQuery({ queryKey: ['community-planning', 'assessment', assessmentId], queryFn: () => fetchNeedsAssessment(assessmentId) });
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<'saved' | 'published' | null>(null);
  const publish = useMutation({
    mutationFn: (version: number) => publishNeedsAssessment(assessmentId, version),
    onSuccess: (a) => {
      qc.setQueryData(['community-planning', 'assessment', assessmentId], a);
      void qc.invalidateQueries({ queryKey: ['community-planning', 'summaries'] });
      setNotice('published');
    },
  });
  usePageTitle(q.data?.title || t('communityPlanning.needs.heading'));
  if (q.isPending) return <PageLoader />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const a = q.data;
  const en = i18n.language === 'en';
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/community-planning" size="sm">
        {t('communityPlanning.back')}
      </Anchor>
      <div>
        <Title order={1}>{a.title || t('communityPlanning.needs.heading')}</Title>
        <Text c="dimmed" size="sm">
          {en ? a.hromada.nameEn : a.hromada.nameUk} · {a.year} · {t('communityPlanning.needs.horizon', { year: a.horizonYear })} · {a.publishedOn ? t('communityPlanning.needs.publishedOn', { date: formatDate(a.publishedOn) }) : t('communityPlanning.needs.notPublished')}
        </Text>
      </div>
      {notice && (
        <Alert color="green" role="status">
          <Stack gap={4}>
            <Text size="sm">{notice === 'saved' ? t('communityPlanning.saved') : t('communityPlanning.needs.publishedNotice')}</Text>
            {notice === 'published' && a.publishedOn && (
              <AnchorLink to="/community-planning/summaries/$summaryId" params={{ summaryId: a.id }}>
                {t('communityPlanning.summaries.open')}
              </AnchorLink>
            )}
          </Stack>
        </Alert>
      )}
      {!editing && (a.allowedActions.includes('publish') || a.allowedActions.includes('edit')) && (
        <Group>
          {a.allowedActions.includes('edit') && (
            <Button
              variant="light"
              onClick={() => {
                setNotice(null);
                setEditing(true);
              }}
            >
              {t('communityPlanning.needs.edit')}
            </Button>
          )}
          {a.allowedActions.includes('publish') && (
            <Button onClick={() => publish.mutate(a.version)} loading={publish.isPending}>
              {t('communityPlanning.needs.publish')}
            </Button>
          )}
        </Group>
      )}
      {publish.error && <ErrorAlert error={publish.error} onReload={() => void q.refetch()} />}
      {editing && (
        <EditAssessment
          a={a}
          onDone={(saved) => {
            setEditing(false);
            if (saved) setNotice('saved');
          }}
        />
      )}
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="na-system">
        <Title order={2} size="h3" id="na-system">
          {t('communityPlanning.needs.system')}
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          {t('communityPlanning.needs.systemHint')}
        </Text>
        <RecordsTable caption={t('communityPlanning.needs.system')} rows={a.systemCounts} rowKey={(c) => c.groupKey} empty={t('communityPlanning.none')} columns={[{ key: 'g', header: t('communityPlanning.needs.group'), rowHeader: true, cell: (c) => groupLabel(t, c.groupKey) }, { key: 'n', header: t('communityPlanning.needs.count'), nowrap: true, cell: (c) => c.count }]} />
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="na-compare">
        <Title order={2} size="h3" id="na-compare" mb="xs">
          {t('communityPlanning.needs.comparison')}
        </Title>
        <RecordsTable
          caption={t('communityPlanning.needs.comparisonCaption')}
          rows={a.comparisons}
          rowKey={(c) => `${c.groupKey}-${c.sourceName}`}
          empty={t('communityPlanning.none')}
          columns={[
            { key: 'g', header: t('communityPlanning.needs.group'), rowHeader: true, cell: (c) => c.label },
            { key: 's', header: t('communityPlanning.needs.systemCount'), nowrap: true, cell: (c) => c.systemCount },
            { key: 'e', header: t('communityPlanning.needs.enteredValue'), nowrap: true, cell: (c) => c.entered },
            { key: 'd', header: t('communityPlanning.needs.difference'), nowrap: true, cell: (c) => (c.difference > 0 ? `+${c.difference}` : c.difference) },
            { key: 'src', header: t('communityPlanning.needs.source'), cell: (c) => c.sourceName },
          ]}
        />
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="na-entered">
        <Title order={2} size="h3" id="na-entered" mb="xs">
          {t('communityPlanning.needs.entered')}
        </Title>
        <RecordsTable
          caption={t('communityPlanning.needs.entered')}
          rows={a.figures}
          rowKey={(f) => `${f.label}-${f.sourceName}`}
          empty={t('communityPlanning.none')}
          columns={[
            { key: 'l', header: t('communityPlanning.needs.group'), rowHeader: true, cell: (f) => f.label },
            { key: 'v', header: t('communityPlanning.needs.count'), nowrap: true, cell: (f) => f.value },
            { key: 's', header: t('communityPlanning.needs.source'), cell: (f) => `${f.sourceName} (${t(`communityPlanning.needs.sourceKinds.${f.sourceKind}`)})` },
            { key: 'd', header: t('communityPlanning.needs.sourceDate'), nowrap: true, cell: (f) => formatDate(f.sourceDate) },
          ]}
        />
        {a.findings.length > 0 && (
          <>
            <Title order={3} size="h4" mt="md">
              {t('communityPlanning.needs.findings')}
            </Title>
            {a.findings.map((f) => (
              <Text key={`${f.sourceName}-${f.sourceDate}`} size="sm">
                {f.finding} — {f.sourceName} ({t(`communityPlanning.needs.sourceKinds.${f.sourceKind}`)}), {formatDate(f.sourceDate)}
              </Text>
            ))}
          </>
        )}
        {a.conclusions && (
          <>
            <Title order={3} size="h4" mt="md">
              {t('communityPlanning.needs.conclusions')}
            </Title>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {a.conclusions}
            </Text>
          </>
        )}
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="na-gaps">
        <Title order={2} size="h3" id="na-gaps" mb="xs">
          {t('communityPlanning.needs.gaps')}
        </Title>
        <RecordsTable
          caption={t('communityPlanning.needs.gaps')}
          rows={a.gaps}
          rowKey={(g) => g.serviceCode}
          empty={t('communityPlanning.none')}
          columns={[
            { key: 's', header: t('communityPlanning.costing.service'), rowHeader: true, cell: (g) => (en ? g.nameEn : g.nameUk) },
            { key: 'd', header: t('communityPlanning.needs.demand'), nowrap: true, cell: (g) => g.demand },
            { key: 'c', header: t('communityPlanning.needs.capacity'), nowrap: true, cell: (g) => g.capacity ?? '—' },
            { key: 'r', header: t('communityPlanning.needs.gaps'), cell: (g) => g.reasons.map((r) => t(`communityPlanning.needs.gapReasons.${r}`)).join(', ') },
          ]}
        />
        <Title order={3} size="h4" mt="md" mb="xs">
          {t('communityPlanning.needs.providers')}
        </Title>
        <RecordsTable
          caption={t('communityPlanning.needs.providers')}
          rows={a.providerMap}
          rowKey={(m) => m.serviceCode}
          empty={t('communityPlanning.none')}
          columns={[
            { key: 's', header: t('communityPlanning.costing.service'), rowHeader: true, cell: (m) => (en ? m.nameEn : m.nameUk) },
            { key: 'p', header: t('providers.nav'), cell: (m) => m.providers.map((x) => (en ? x.nameEn : x.nameUk)).join('; ') },
            { key: 'c', header: t('communityPlanning.needs.capacity'), nowrap: true, cell: (m) => m.capacity ?? '—' },
          ]}
        />
      </Paper>
    </Stack>
  );
}
