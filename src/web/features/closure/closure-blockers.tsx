import { Alert, Anchor, List, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClosureBlocker } from '#domain/cases/closure.ts';
import type { PlanView } from '../implementation/implementation.api.ts';

/** Whether the refusal's details carry a list of closure blockers. */
export function isBlockerList(v: unknown): v is ClosureBlocker[] {
  return Array.isArray(v) && v.every((b) => typeof b === 'object' && b !== null && typeof (b as { code?: unknown }).code === 'string');
}

type Props = {
  blockers: ClosureBlocker[];
  plan: PlanView | null;
  childName: (personId: string) => string;
  domainName: (code: string) => string;
  /** Id of the form field (anchor) where a blocker is fixed. */
  anchors: { goal: (key: string) => string; domain: (childId: string, domain: string) => string; child: (childId: string) => string; criteria: string; childViews: string; familyViews: string; report: string; plan: string };
};

/** The server's refusal to close, in plain words, each reason linked to the place where it is fixed (UX principle 3). */
export function ClosureBlockers({ blockers, plan, childName, domainName, anchors }: Props) {
  const { t } = useTranslation();
  const goalText = (key: string) => plan?.goals.find((g) => g.key === key)?.text ?? key;
  const link = (href: string, label: string) => (
    <Anchor href={href.startsWith('/') ? href : `#${href}`} key={href} size="sm" underline="always">
      {label}
    </Anchor>
  );
  const joined = (nodes: ReactNode[]) => nodes.flatMap((n, i) => (i === 0 ? [n] : [', ', n]));
  const item = (b: ClosureBlocker): ReactNode => {
    switch (b.code) {
      case 'plan_goals_missing':
        return <>{t('closure.blocker.plan_goals_missing')} {link(anchors.plan, t('closure.fix.openPlan'))}</>;
      case 'goal_results_missing':
      case 'goals_not_met':
      case 'goal_comment_missing':
        return <>{t(`closure.blocker.${b.code}`)} {joined(b.goalKeys.map((k) => link(anchors.goal(k), goalText(k))))}</>;
      case 'benchmarks_missing':
        return <>{t('closure.blocker.benchmarks_missing')} {joined(b.children.map((id) => link(anchors.child(id), childName(id))))}</>;
      case 'benchmarks_below_threshold':
        return (
          <>
            {t('closure.blocker.benchmarks_below_threshold')}
            <List size="sm" withPadding>
              {b.children.map((ch) => (
                <List.Item key={ch.childPersonId}>
                  {childName(ch.childPersonId)}: {joined(ch.domains.map((d) => link(anchors.domain(ch.childPersonId, d), domainName(d))))}
                </List.Item>
              ))}
            </List>
          </>
        );
      case 'criteria_missing':
        return <>{t('closure.blocker.criteria_missing')} {joined(b.criteria.map((c) => link(anchors.criteria, t(`closure.criterion.${c}`))))}</>;
      case 'child_views_missing':
        return link(anchors.childViews, t('closure.blocker.child_views_missing'));
      case 'family_views_missing':
        return link(anchors.familyViews, t('closure.blocker.family_views_missing'));
      case 'report_incomplete':
        return <>{t('closure.blocker.report_incomplete')} {joined(b.fields.map((f) => link(anchors.report, t(`closure.reportField.${f.replace('statusByCriterion.', 'status_')}` as 'closure.reportField.recommendations', { defaultValue: f }))))}</>;
      default:
        return t('errors.closure_blocked');
    }
  };
  return (
    <Alert color="red" variant="light" role="alert" id="closure-blockers" tabIndex={-1} title={t('closure.blockersTitle')}>
      <Text size="sm" mb="xs">
        {t('closure.blockersIntro')}
      </Text>
      <List size="sm" spacing={4}>
        {blockers.map((b, i) => (
          <List.Item key={`${b.code}-${i}`}>{item(b)}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
