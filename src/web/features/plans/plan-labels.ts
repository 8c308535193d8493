import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../cases/cases.api.ts';
import { formatFullName, sortBySurname } from '../persons/person-name.ts';
import type { PlanMeasureView } from './plans.api.ts';
import { benchmarkConfigQuery, serviceCatalogueQuery } from './plans.queries.ts';

/** Names of domains, services and responsible parties of a plan, in the interface language. */
export function usePlanLabels(c: Pick<CaseDetail, 'members'>) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const config = useQuery(benchmarkConfigQuery);
  const catalogue = useQuery(serviceCatalogueQuery);
  const domains = useMemo(() => config.data?.domains ?? [], [config.data]);
  const services = useMemo(() => catalogue.data?.items ?? [], [catalogue.data]);
  const members = useMemo(() => sortBySurname(c.members), [c.members]);

  const domainName = useCallback(
    (code: string) => {
      const d = domains.find((x) => x.code === code);
      return d ? (en ? d.nameEn : d.nameUk) : code;
    },
    [domains, en],
  );
  const serviceName = useCallback(
    (code: string) => {
      const s = services.find((x) => x.code === code);
      return s ? (en ? s.nameEn : s.nameUk) : code;
    },
    [services, en],
  );
  const memberName = useCallback(
    (personId: string | null) => {
      const m = c.members.find((x) => x.personId === personId);
      return m ? formatFullName(m) : t('plan.responsible.unknownMember');
    },
    [c.members, t],
  );
  const responsibleLabel = useCallback(
    (r: PlanMeasureView['responsible']) => {
      if (!r) return t('plan.responsible.notSet');
      const kind = t(`plan.responsibleKind.${r.kind}`);
      if (r.kind === 'family_member') return `${memberName(r.personId)} (${kind.toLowerCase()})`;
      return r.name ? `${r.name} (${kind.toLowerCase()})` : kind;
    },
    [memberName, t],
  );
  return { domains, services, members, domainName, serviceName, memberName, responsibleLabel, ready: config.isSuccess && catalogue.isSuccess };
}
