import { Badge, Button, List, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../ui/links.tsx';
import type { Matching } from './caregivers.api.ts';

type Candidate = Matching['candidates'][number];

/** The ranked candidates with score and reasons; each row offers «Обрати» when the user may record a placement. */
export function MatchingList({ m, onChoose }: { m: Matching; onChoose: (c: Candidate) => void }) {
  const { t, i18n } = useTranslation();
  const mayPlace = m.allowedActions.includes('place');
  return (
    <div className="table-scroll">
      <Table verticalSpacing="xs" striped>
        <Table.Caption>{t('caregivers.matching.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('caregivers.columns.name')}</Table.Th>
            <Table.Th scope="col">{t('caregivers.columns.type')}</Table.Th>
            <Table.Th scope="col">{t('caregivers.columns.hromada')}</Table.Th>
            <Table.Th scope="col">{t('caregivers.matching.free')}</Table.Th>
            <Table.Th scope="col">{t('caregivers.matching.score')}</Table.Th>
            <Table.Th scope="col">{t('caregivers.matching.reasons')}</Table.Th>
            {mayPlace && (
              <Table.Th scope="col">
                <span className="visually-hidden">{t('caregivers.matching.choose', { name: '' }).trim()}</span>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {m.candidates.map((c) => (
            <Table.Tr key={c.caregiver.id}>
              <Table.Th scope="row" fw={500} miw={180}>
                <AnchorLink to="/caregivers/$caregiverId" params={{ caregiverId: c.caregiver.id }}>
                  {c.caregiver.name}
                </AnchorLink>
              </Table.Th>
              <Table.Td>{t(`caregivers.type.${c.caregiver.caregiverType}`)}</Table.Td>
              <Table.Td>{i18n.language === 'en' ? c.caregiver.hromada.nameEn : c.caregiver.hromada.nameUk}</Table.Td>
              <Table.Td>{c.freePlaces}</Table.Td>
              <Table.Td>
                <Text fw={700}>{c.score}</Text>
              </Table.Td>
              <Table.Td miw={240}>
                <List size="sm" spacing={2}>
                  {c.reasons.map((r) => (
                    <List.Item key={r.code}>
                      {t(`caregivers.reason.${r.code}`)}{' '}
                      <Badge size="xs" variant="light" color={r.points > 0 ? 'green' : r.points < 0 ? 'red' : 'gray'}>
                        {r.points > 0 ? `+${r.points}` : r.points}
                      </Badge>
                    </List.Item>
                  ))}
                </List>
                {!c.mayDecideHere && (
                  <Text size="xs" c="orange.9">
                    {t('caregivers.matching.noPowerHere')}
                  </Text>
                )}
              </Table.Td>
              {mayPlace && (
                <Table.Td>
                  <Button size="xs" onClick={() => onChoose(c)} aria-label={t('caregivers.matching.choose', { name: c.caregiver.name })}>
                    {t('caregivers.matching.choose', { name: '' }).trim()}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
