import { Button, Checkbox, Group, Input, NativeSelect, Paper, Radio, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { complexities, type Complexity } from '#domain/cases/case-types.ts';
import {
  adultIndicators,
  childIndicators,
  familyAgreements,
  familyIndicators,
  legalCapacities,
  type IndicatorEntry,
  type NeedsAssessmentContent,
} from '#domain/cases/needs-assessment.ts';
import { formatDate, parseUserDate, todayInKyiv } from '../../ui/format.ts';
import { IndicatorField } from './indicator-field.tsx';

/** Names of the household, by person id. */
export type PersonLabels = Map<string, { name: string; birthDate: string }>;

type SectionProps = {
  content: NeedsAssessmentContent;
  update: (change: (draft: NeedsAssessmentContent) => void) => void;
  people: PersonLabels;
};

/** Element id of a part of the act, used by the "missing" links. */
export function partId(section: string, personId: string | undefined, path: string): string {
  return `na-${section}-${personId ?? 'family'}-${path.replace(/\./g, '-')}`;
}

function PersonCard({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) {
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4">
            {title}
          </Title>
          {subtitle && (
            <Text size="sm" c="dimmed">
              {subtitle}
            </Text>
          )}
        </div>
        {children}
      </Stack>
    </Paper>
  );
}

function StrengthsNeeds({
  idPrefix,
  strengths,
  needs,
  onStrengths,
  onNeeds,
  children,
}: {
  idPrefix: { section: string; personId?: string };
  strengths: string;
  needs: string;
  onStrengths: (v: string) => void;
  onNeeds: (v: string) => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('needsAssessment.strengthsFirst')}
      </Text>
      <Textarea
        id={partId(idPrefix.section, idPrefix.personId, 'strengths')}
        className="section-anchor"
        label={t('needsAssessment.strengths')}
        required
        autosize
        minRows={2}
        maxRows={10}
        value={strengths}
        onChange={(e) => onStrengths(e.currentTarget.value)}
      />
      {children}
      <Textarea
        id={partId(idPrefix.section, idPrefix.personId, 'needs')}
        className="section-anchor"
        label={t('needsAssessment.needs')}
        required
        autosize
        minRows={2}
        maxRows={10}
        value={needs}
        onChange={(e) => onNeeds(e.currentTarget.value)}
      />
    </Stack>
  );
}

function labelOf(people: PersonLabels, personId: string): { name: string; subtitle: string } {
  const p = people.get(personId);
  return { name: p?.name ?? personId, subtitle: p?.birthDate ? formatDate(p.birthDate) : '' };
}

/** Section 1: every household member at the place of residence. */
export function MembersSection({ content, update, people }: SectionProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      {content.members.map((m, i) => {
        const { name, subtitle } = labelOf(people, m.personId);
        const set = (change: (x: NeedsAssessmentContent['members'][number]) => void) =>
          update((d) => {
            const x = d.members[i];
            if (x) change(x);
          });
        return (
          <PersonCard key={m.personId} title={name} subtitle={subtitle}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <NativeSelect
                id={partId('members', m.personId, 'legalCapacity')}
                className="section-anchor"
                label={t('needsAssessment.member.legalCapacity')}
                required
                value={m.legalCapacity ?? ''}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  set((x) => {
                    x.legalCapacity = v === '' ? null : (v as typeof x.legalCapacity);
                  });
                }}
                data={[
                  { value: '', label: t('needsAssessment.member.legalCapacityPlaceholder'), disabled: true },
                  ...legalCapacities.map((c) => ({ value: c, label: t(`legalCapacity.${c}`) })),
                ]}
              />
              <TextInput
                label={t('needsAssessment.member.occupation')}
                value={m.occupation}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  set((x) => {
                    x.occupation = v;
                  });
                }}
              />
              <Radio.Group
                label={t('needsAssessment.member.registeredAtResidence')}
                value={m.registeredAtResidence === null ? 'unknown' : m.registeredAtResidence ? 'yes' : 'no'}
                onChange={(v) =>
                  set((x) => {
                    x.registeredAtResidence = v === 'unknown' ? null : v === 'yes';
                  })
                }
              >
                <Group gap="md" mt={6}>
                  <Radio value="yes" label={t('common.yes')} />
                  <Radio value="no" label={t('common.no')} />
                  <Radio value="unknown" label={t('needsAssessment.member.registeredUnknown')} />
                </Group>
              </Radio.Group>
              <TextInput
                label={t('needsAssessment.member.phone')}
                description={t('needsAssessment.member.phoneHint')}
                type="tel"
                autoComplete="off"
                value={m.phone}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  set((x) => {
                    x.phone = v;
                  });
                }}
              />
            </SimpleGrid>
            <Checkbox
              label={t('needsAssessment.member.disability')}
              checked={m.disability}
              onChange={(e) => {
                const v = e.currentTarget.checked;
                set((x) => {
                  x.disability = v;
                });
              }}
            />
          </PersonCard>
        );
      })}
    </Stack>
  );
}

function setIndicator<K extends string>(target: { indicators: Partial<Record<K, IndicatorEntry>> }, key: K, entry: IndicatorEntry) {
  target.indicators[key] = entry;
}

/** Section 2: each child — the child's views first and prominently, then strengths, indicators, needs. */
export function ChildrenSection({ content, update, people }: SectionProps) {
  const { t } = useTranslation();
  if (content.children.length === 0) return <Text>{t('needsAssessment.noMembers')}</Text>;
  return (
    <Stack gap="md">
      {content.children.map((c, i) => {
        const { name, subtitle } = labelOf(people, c.personId);
        const set = (change: (x: NeedsAssessmentContent['children'][number]) => void) =>
          update((d) => {
            const x = d.children[i];
            if (x) change(x);
          });
        const viewsMissing = !c.childViews.trim();
        return (
          <PersonCard key={c.personId} title={name} subtitle={subtitle}>
            <Paper p="md" radius="md" bg="blue.0" withBorder style={{ borderColor: 'var(--mantine-color-blue-3)' }}>
              <Stack gap="sm">
                <Textarea
                  id={partId('children', c.personId, 'childViews')}
                  className="section-anchor"
                  label={t('needsAssessment.child.views')}
                  description={t('needsAssessment.child.viewsHint')}
                  size="md"
                  autosize
                  minRows={3}
                  maxRows={12}
                  value={c.childViews}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    set((x) => {
                      x.childViews = v;
                    });
                  }}
                  styles={{ label: { fontWeight: 700 } }}
                />
                {viewsMissing && (
                  <>
                    <Text size="sm" fw={600} c="orange.9">
                      {t('needsAssessment.child.viewsRequired')}
                    </Text>
                    <Textarea
                      label={t('needsAssessment.child.notHeardReason')}
                      description={t('needsAssessment.child.notHeardReasonHint')}
                      autosize
                      minRows={2}
                      maxRows={6}
                      value={c.childViewsNotHeardReason}
                      onChange={(e) => {
                        const v = e.currentTarget.value;
                        set((x) => {
                          x.childViewsNotHeardReason = v;
                        });
                      }}
                    />
                  </>
                )}
              </Stack>
            </Paper>
            <StrengthsNeeds
              idPrefix={{ section: 'children', personId: c.personId }}
              strengths={c.strengths}
              needs={c.needs}
              onStrengths={(v) => set((x) => void (x.strengths = v))}
              onNeeds={(v) => set((x) => void (x.needs = v))}
            >
              <Title order={4} size="h5" mt="xs">
                {t('needsAssessment.indicatorsTitle')}
              </Title>
              <div>
                {childIndicators.map((k) => (
                  <IndicatorField
                    key={k}
                    id={partId('children', c.personId, `indicators.${k}`)}
                    label={t(`indicator.child.${k}`)}
                    entry={c.indicators[k]}
                    onChange={(entry) => set((x) => setIndicator(x, k, entry))}
                  />
                ))}
              </div>
            </StrengthsNeeds>
          </PersonCard>
        );
      })}
    </Stack>
  );
}

/** Section 3: each adult member — strengths, indicators, needs. */
export function AdultsSection({ content, update, people }: SectionProps) {
  const { t } = useTranslation();
  if (content.adults.length === 0) return <Text>{t('needsAssessment.noMembers')}</Text>;
  return (
    <Stack gap="md">
      {content.adults.map((a, i) => {
        const { name, subtitle } = labelOf(people, a.personId);
        const set = (change: (x: NeedsAssessmentContent['adults'][number]) => void) =>
          update((d) => {
            const x = d.adults[i];
            if (x) change(x);
          });
        return (
          <PersonCard key={a.personId} title={name} subtitle={subtitle}>
            <StrengthsNeeds
              idPrefix={{ section: 'adults', personId: a.personId }}
              strengths={a.strengths}
              needs={a.needs}
              onStrengths={(v) => set((x) => void (x.strengths = v))}
              onNeeds={(v) => set((x) => void (x.needs = v))}
            >
              <Title order={4} size="h5" mt="xs">
                {t('needsAssessment.indicatorsTitle')}
              </Title>
              <div>
                {adultIndicators.map((k) => (
                  <IndicatorField
                    key={k}
                    id={partId('adults', a.personId, `indicators.${k}`)}
                    label={t(`indicator.adult.${k}`)}
                    entry={a.indicators[k]}
                    onChange={(entry) => set((x) => setIndicator(x, k, entry))}
                  />
                ))}
              </div>
            </StrengthsNeeds>
          </PersonCard>
        );
      })}
    </Stack>
  );
}

/** Section 4: family and environment. */
export function FamilySection({ content, update }: SectionProps) {
  const { t } = useTranslation();
  const f = content.family;
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
      <StrengthsNeeds
        idPrefix={{ section: 'family' }}
        strengths={f.strengths}
        needs={f.needs}
        onStrengths={(v) => update((d) => void (d.family.strengths = v))}
        onNeeds={(v) => update((d) => void (d.family.needs = v))}
      >
        <Title order={3} size="h5" mt="xs">
          {t('needsAssessment.indicatorsTitle')}
        </Title>
        <div>
          {familyIndicators.map((k) => (
            <IndicatorField
              key={k}
              id={partId('family', undefined, `indicators.${k}`)}
              label={t(`indicator.family.${k}`)}
              entry={f.indicators[k]}
              onChange={(entry) => update((d) => setIndicator(d.family, k, entry))}
            />
          ))}
        </div>
      </StrengthsNeeds>
    </Paper>
  );
}

/** Section 5: conclusion — complexity, summary, other specialists, the family's agreement. */
export function ConclusionSection({ content, update }: SectionProps) {
  const { t } = useTranslation();
  const c = content.conclusion;
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
      <Stack gap="md">
        <Radio.Group
          id={partId('conclusion', undefined, 'complexity')}
          className="section-anchor"
          label={t('needsAssessment.conclusion.complexity')}
          required
          value={c.complexity ?? ''}
          onChange={(v) => update((d) => void (d.conclusion.complexity = v as Complexity))}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={8} mt={6}>
            {complexities.map((k) => (
              <Radio key={k} value={k} label={t(`complexity.${k}`)} />
            ))}
          </SimpleGrid>
        </Radio.Group>
        <Textarea
          id={partId('conclusion', undefined, 'summary')}
          className="section-anchor"
          label={t('needsAssessment.conclusion.summary')}
          description={t('needsAssessment.conclusion.summaryHint')}
          required
          autosize
          minRows={4}
          maxRows={14}
          value={c.summary}
          onChange={(e) => {
            const v = e.currentTarget.value;
            update((d) => void (d.conclusion.summary = v));
          }}
        />
        <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
          <Input.Label component="legend" mb={4}>
            {t('needsAssessment.conclusion.otherSpecialists')}
          </Input.Label>
          {c.otherSpecialists.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('needsAssessment.conclusion.noSpecialists')}
            </Text>
          )}
          {c.otherSpecialists.map((s, i) => (
            <Group key={i} align="flex-end" gap="sm" wrap="wrap" aria-label={t('needsAssessment.conclusion.specialistN', { n: i + 1 })} role="group">
              <TextInput
                style={{ flex: '1 1 12rem' }}
                label={t('needsAssessment.conclusion.specialistName')}
                value={s.name}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  update((d) => {
                    const x = d.conclusion.otherSpecialists[i];
                    if (x) x.name = v;
                  });
                }}
              />
              <TextInput
                style={{ flex: '1 1 12rem' }}
                label={t('needsAssessment.conclusion.specialistPosition')}
                value={s.position}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  update((d) => {
                    const x = d.conclusion.otherSpecialists[i];
                    if (x) x.position = v;
                  });
                }}
              />
              <Button variant="subtle" color="red" onClick={() => update((d) => void d.conclusion.otherSpecialists.splice(i, 1))}>
                {t('needsAssessment.conclusion.removeSpecialist', { n: i + 1 })}
              </Button>
            </Group>
          ))}
          <div>
            <Button variant="light" size="sm" onClick={() => update((d) => void d.conclusion.otherSpecialists.push({ name: '', position: '' }))}>
              {t('needsAssessment.conclusion.addSpecialist')}
            </Button>
          </div>
        </Stack>
        <Radio.Group
          id={partId('conclusion', undefined, 'familyAgreement')}
          className="section-anchor"
          label={t('needsAssessment.conclusion.familyAgreement')}
          required
          value={c.familyAgreement ?? ''}
          onChange={(v) => update((d) => void (d.conclusion.familyAgreement = v as (typeof familyAgreements)[number]))}
        >
          <Group gap="md" mt={6} wrap="wrap">
            {familyAgreements.map((k) => (
              <Radio key={k} value={k} label={t(`familyAgreement.${k}`)} />
            ))}
          </Group>
        </Radio.Group>
        <DateInput
          id={partId('conclusion', undefined, 'agreementDate')}
          className="section-anchor"
          label={t('needsAssessment.conclusion.agreementDate')}
          description={t('common.dateFormatHint')}
          placeholder={t('common.datePlaceholder')}
          required
          valueFormat="DD.MM.YYYY"
          dateParser={parseUserDate}
          maxDate={todayInKyiv()}
          clearable
          maw={260}
          value={c.agreementDate}
          onChange={(v) => update((d) => void (d.conclusion.agreementDate = v))}
        />
        <Textarea
          label={t('needsAssessment.conclusion.familyComment')}
          autosize
          minRows={2}
          maxRows={8}
          value={c.familyComment}
          onChange={(e) => {
            const v = e.currentTarget.value;
            update((d) => void (d.conclusion.familyComment = v));
          }}
        />
      </Stack>
    </Paper>
  );
}
