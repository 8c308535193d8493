import { Alert, Button, Group, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayListOblastPlans, planningScopeOf } from '#domain/access/planning-policy.ts';
import { actorOf, useMe } from '../features/auth/auth.queries.ts';
import { createNeedsAssessment, createProgramme, fetchNeedsAssessments, fetchOblastPlans, fetchProgrammes } from '../features/community-planning/community-planning.api.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDate } from '../ui/format.ts';
import { NotFound } from '../ui/not-found.tsx';
import { usePageTitle } from '../ui/page-title.ts';
import { RecordsTable } from '../ui/records-table.tsx';
import { AnchorLink } from '../ui/links.tsx';

const money = (n: number | null) => (n === null ? '—' : n.toLocaleString('uk-UA', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));

/** «Планування громади» — programmes, needs assessments and oblast plans the user may read (SPEC §8, §9). */
export function CommunityPlanningPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const actor = actorOf(me);
  const scope = planningScopeOf(actor);
  const oblastAllowed = mayListOblastPlans(actor);
  const plannerHromada = actor.grants.find((g) => g.role === 'community_planner')?.hromadaId ?? null;
  usePageTitle(scope || oblastAllowed ? t('communityPlanning.title') : t('common.notFoundTitle'));
  const programmes = useQuery({ queryKey: ['community-planning', 'programmes'], queryFn: fetchProgrammes, enabled: !!scope });
  const assessments = useQuery({ queryKey: ['community-planning', 'assessments'], queryFn: fetchNeedsAssessments, enabled: !!scope });
  const plans = useQuery({ queryKey: ['community-planning', 'oblast-plans'], queryFn: fetchOblastPlans, enabled: oblastAllowed });
  const navigate = useNavigate();
  const qc = useQueryClient();
  const year = new Date().getFullYear();
  const [form, setForm] = useState<{ title: string; fromYear: number; toYear: number; population: number | '' } | null>(null);
  const create = useMutation({
    mutationFn: () => createProgramme({ hromadaId: plannerHromada as string, title: form?.title ?? '', fromYear: form?.fromYear ?? year, toYear: form?.toYear ?? year, population: form?.population === '' || form?.population === undefined ? null : form.population }),
    onSuccess: async (p) => {
      await qc.invalidateQueries({ queryKey: ['community-planning'] });
      await navigate({ to: '/community-planning/programmes/$programmeId', params: { programmeId: p.id } });
    },
  });
  const [naForm, setNaForm] = useState<{ title: string; year: number } | null>(null);
  const createNa = useMutation({
    mutationFn: () => createNeedsAssessment({ hromadaId: plannerHromada as string, year: naForm?.year ?? year, title: naForm?.title ?? '' }),
    onSuccess: async (a) => {
      await qc.invalidateQueries({ queryKey: ['community-planning'] });
      await navigate({ to: '/community-planning/needs/$assessmentId', params: { assessmentId: a.id } });
    },
  });
  if (!scope && !oblastAllowed) return <NotFound />;
  const place = (h: { nameUk: string; nameEn: string }) => (i18n.language === 'en' ? h.nameEn : h.nameUk);
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('communityPlanning.title')}</Title>
        <Text c="dimmed" size="sm" maw={820}>
          {t('communityPlanning.intro')}
        </Text>
      </div>
      {scope && (
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="cp-programmes">
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h3" id="cp-programmes">
              {t('communityPlanning.programmes')}
            </Title>
            {plannerHromada && !form && <Button onClick={() => setForm({ title: '', fromYear: year, toYear: year + 2, population: '' })}>{t('communityPlanning.newProgramme')}</Button>}
          </Group>
          {form && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                create.mutate();
              }}
            >
              <Stack gap="xs" mb="md">
                <TextInput label={t('communityPlanning.titleField')} required value={form.title} onChange={(e) => setForm({ ...form, title: e.currentTarget.value })} maxLength={300} />
                <Group grow>
                  <NumberInput label={t('communityPlanning.fromYear')} required value={form.fromYear} onChange={(v) => setForm({ ...form, fromYear: Number(v) })} min={2000} max={2100} />
                  <NumberInput label={t('communityPlanning.toYear')} required value={form.toYear} onChange={(v) => setForm({ ...form, toYear: Number(v) })} min={2000} max={2100} />
                  <NumberInput label={t('communityPlanning.population')} value={form.population} onChange={(v) => setForm({ ...form, population: v === '' ? '' : Number(v) })} min={0} />
                </Group>
                {create.error && <ErrorAlert error={create.error} />}
                <Group>
                  <Button type="submit" loading={create.isPending}>
                    {t('communityPlanning.create')}
                  </Button>
                  <Button variant="default" onClick={() => setForm(null)}>
                    {t('communityPlanning.cancel')}
                  </Button>
                </Group>
              </Stack>
            </form>
          )}
          {programmes.error ? (
            <ErrorAlert error={programmes.error} />
          ) : (
            <RecordsTable
              caption={t('communityPlanning.programmes')}
              rows={programmes.data?.items ?? []}
              rowKey={(p) => p.id}
              empty={t('communityPlanning.none')}
              columns={[
                { key: 'title', header: t('communityPlanning.columns.title'), rowHeader: true, cell: (p) => <AnchorLink to="/community-planning/programmes/$programmeId" params={{ programmeId: p.id }}>{p.title}</AnchorLink> },
                { key: 'hromada', header: t('communityPlanning.columns.hromada'), cell: (p) => place(p.hromada) },
                { key: 'period', header: t('communityPlanning.columns.period'), nowrap: true, cell: (p) => `${p.fromYear}–${p.toYear}` },
                { key: 'status', header: t('communityPlanning.columns.status'), cell: (p) => t(`communityPlanning.status.${p.status}`) },
                { key: 'budget', header: t('communityPlanning.columns.budget'), nowrap: true, cell: (p) => money(p.budgetTotal) },
                { key: 'pp', header: t('communityPlanning.columns.perPerson'), nowrap: true, cell: (p) => money(p.perPerson) },
              ]}
            />
          )}
        </Paper>
      )}
      {scope && (
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="cp-assessments">
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h3" id="cp-assessments">
              {t('communityPlanning.assessments')}
            </Title>
            <Group gap="sm">
              <AnchorLink to="/community-planning/summaries">{t('communityPlanning.summaries.title')}</AnchorLink>
              {plannerHromada && !naForm && <Button variant="light" onClick={() => setNaForm({ title: '', year })}>{t('communityPlanning.needs.new')}</Button>}
            </Group>
          </Group>
          {naForm && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                createNa.mutate();
              }}
            >
              <Stack gap="xs" mb="md">
                <Group grow>
                  <TextInput label={t('communityPlanning.titleField')} value={naForm.title} onChange={(e) => setNaForm({ ...naForm, title: e.currentTarget.value })} maxLength={200} />
                  <NumberInput label={t('communityPlanning.year')} required value={naForm.year} onChange={(v) => setNaForm({ ...naForm, year: Number(v) })} min={2000} max={2100} />
                </Group>
                {createNa.error && <ErrorAlert error={createNa.error} />}
                <Group>
                  <Button type="submit" loading={createNa.isPending}>
                    {t('communityPlanning.create')}
                  </Button>
                  <Button variant="default" onClick={() => setNaForm(null)}>
                    {t('communityPlanning.cancel')}
                  </Button>
                </Group>
              </Stack>
            </form>
          )}
          <RecordsTable
            caption={t('communityPlanning.assessments')}
            rows={assessments.data?.items ?? []}
            rowKey={(a) => a.id}
            empty={t('communityPlanning.none')}
            columns={[
              { key: 'title', header: t('communityPlanning.columns.title'), rowHeader: true, cell: (a) => <AnchorLink to="/community-planning/needs/$assessmentId" params={{ assessmentId: a.id }}>{a.title || String(a.year)}</AnchorLink> },
              { key: 'hromada', header: t('communityPlanning.columns.hromada'), cell: (a) => place(a.hromada) },
              { key: 'year', header: t('communityPlanning.columns.year'), nowrap: true, cell: (a) => `${a.year}–${a.horizonYear}` },
              { key: 'pub', header: t('communityPlanning.columns.published'), nowrap: true, cell: (a) => (a.publishedOn ? formatDate(a.publishedOn) : t('communityPlanning.needs.notPublished')) },
            ]}
          />
        </Paper>
      )}
      {oblastAllowed && (
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="cp-oblast">
          <Title order={2} size="h3" id="cp-oblast" mb="xs">
            {t('communityPlanning.oblastPlans')}
          </Title>
          {plans.error ? <ErrorAlert error={plans.error} /> : null}
          <RecordsTable
            caption={t('communityPlanning.oblastPlans')}
            rows={plans.data?.items ?? []}
            rowKey={(p) => p.id}
            empty={t('communityPlanning.none')}
            columns={[
              { key: 'title', header: t('communityPlanning.columns.title'), rowHeader: true, cell: (p) => <AnchorLink to="/community-planning/oblast-plans/$planId" params={{ planId: p.id }}>{p.title}</AnchorLink> },
              { key: 'period', header: t('communityPlanning.columns.period'), nowrap: true, cell: (p) => `${p.fromYear}–${p.toYear}` },
              { key: 'cost', header: t('communityPlanning.oblast.cost'), nowrap: true, cell: (p) => money(p.total.cost) },
              { key: 'gap', header: t('communityPlanning.oblast.gap'), nowrap: true, cell: (p) => money(p.total.gap) },
            ]}
          />
        </Paper>
      )}
      {!scope && !oblastAllowed && <Alert>{t('communityPlanning.none')}</Alert>}
    </Stack>
  );
}
