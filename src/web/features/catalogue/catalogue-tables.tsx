import { Badge, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { servicePackages, type ServicePackage } from '#domain/services/service-catalogue.ts';
import type { CatalogueService } from './catalogue.api.ts';
import { formatHryvnias } from './money.ts';

function PackageTable({ pkg, services, onEdit }: { pkg: ServicePackage; services: CatalogueService[]; onEdit: (s: CatalogueService) => void }) {
  const { t, i18n } = useTranslation();
  const title = t(`catalogue.package.${pkg}`);
  const headingId = `package-${pkg}`;
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId}>
        {title}
      </Title>
      {services.length === 0 ? (
        <Text size="sm">{t('catalogue.empty')}</Text>
      ) : (
        <div className="table-scroll">
          <Table verticalSpacing="xs" striped>
            <Table.Caption className="visually-hidden">{title}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('catalogue.columns.nameUk')}</Table.Th>
                <Table.Th scope="col">{t('catalogue.columns.nameEn')}</Table.Th>
                <Table.Th scope="col">{t('catalogue.columns.code')}</Table.Th>
                <Table.Th scope="col">{t('catalogue.columns.ministry')}</Table.Th>
                <Table.Th scope="col">{t('catalogue.columns.unit')}</Table.Th>
                <Table.Th scope="col" style={{ textAlign: 'right' }}>
                  {t('catalogue.columns.cost')}
                </Table.Th>
                <Table.Th scope="col">{t('catalogue.columns.active')}</Table.Th>
                <Table.Th scope="col">{t('catalogue.columns.action')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {services.map((s) => (
                <Table.Tr key={s.code}>
                  <Table.Th scope="row" fw={500}>
                    {s.nameUk}
                  </Table.Th>
                  <Table.Td>{s.nameEn}</Table.Td>
                  <Table.Td>
                    <code className="wrap-anywhere" style={{ fontSize: '0.75rem' }}>
                      {s.code}
                    </code>
                  </Table.Td>
                  <Table.Td>{t(`catalogue.ministry.${s.ministry}`)}</Table.Td>
                  <Table.Td>{s.unitOfMeasure || t('common.none')}</Table.Td>
                  <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                    {s.standardUnitCost === null ? (
                      <Text span size="sm" c="dimmed">
                        {t('catalogue.notCosted')}
                      </Text>
                    ) : (
                      formatHryvnias(s.standardUnitCost, i18n.language === 'en' ? 'UAH' : 'грн')
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={s.isActive ? 'green' : 'gray'} variant="light">
                      {s.isActive ? t('catalogue.active') : t('catalogue.inactive')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Button size="compact-sm" variant="light" onClick={() => onEdit(s)} aria-label={t('catalogue.editFor', { name: i18n.language === 'en' ? s.nameEn : s.nameUk })}>
                      {t('catalogue.edit')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Stack>
  );
}

/** The catalogue by package, in catalogue order, with uk/en names, ministry, unit, unit cost and whether active. */
export function CatalogueTables({ services, onEdit }: { services: CatalogueService[]; onEdit: (s: CatalogueService) => void }) {
  return (
    <Stack gap="xl">
      {servicePackages.map((pkg) => (
        <PackageTable key={pkg} pkg={pkg} services={services.filter((s) => s.package === pkg)} onEdit={onEdit} />
      ))}
    </Stack>
  );
}
