import { Alert, Badge, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../ui/api-client.ts';
import { formatDate } from '../../ui/format.ts';
import { fetchPersonMatches, type PersonMatch } from '../persons/persons.api.ts';
import { formatFullName } from '../persons/person-name.ts';

type PersonMatchesProps = {
  hromadaId: string;
  surname: string;
  givenName: string;
  birthDate: string | null;
  onUse: (match: PersonMatch) => void;
};

// Some roles (e.g. reporters from schools) may not search the register; after the server says so once, stop asking.
let searchForbidden = false;

/** Live search for persons already on record as the user types a name and birth date (SPEC §2.3). */
export function PersonMatches({ hromadaId, surname, givenName, birthDate, onUse }: PersonMatchesProps) {
  const { t } = useTranslation();
  const [params] = useDebouncedValue({ hromadaId, surname: surname.trim(), givenName: givenName.trim(), birthDate }, 400);
  const enabled = !searchForbidden && params.hromadaId !== '' && params.surname.length >= 2;
  const query = useQuery({
    queryKey: ['persons', 'matches', params],
    queryFn: async ({ signal }) => {
      try {
        return await fetchPersonMatches(params, signal);
      } catch (e) {
        if (isApiError(e, 403)) searchForbidden = true;
        throw e;
      }
    },
    enabled,
    staleTime: 60_000,
    retry: false,
  });
  if (!enabled || query.isError) return null;
  if (query.isFetching && !query.data) {
    return (
      <Group gap="xs" role="status">
        <Loader size="xs" />
        <Text size="sm">{t('intake.matches.searching')}</Text>
      </Group>
    );
  }
  const items = query.data ?? [];
  if (items.length === 0) return null;
  return (
    <Alert color="blue" variant="light" title={t('intake.matches.title')} aria-live="polite">
      <Stack gap="xs">
        <Text size="sm">{t('intake.matches.hint')}</Text>
        {items.map((m) => {
          const name = formatFullName(m);
          return (
            <Group key={m.id} justify="space-between" wrap="wrap" gap="xs">
              <div>
                <Text size="sm" fw={600}>
                  {name}, {formatDate(m.birthDate)}
                </Text>
                <Group gap={6}>
                  {m.sameBirthDate && (
                    <Badge variant="light" color="green">
                      {t('intake.matches.sameBirthDate')}
                    </Badge>
                  )}
                  {m.openCaseNumbers.length > 0 && (
                    <Text size="xs">{t('intake.matches.openCases', { numbers: m.openCaseNumbers.join(', ') })}</Text>
                  )}
                </Group>
              </div>
              <Button size="xs" variant="filled" onClick={() => onUse(m)} aria-label={t('intake.matches.useLabel', { name, date: formatDate(m.birthDate) })}>
                {t('intake.matches.use')}
              </Button>
            </Group>
          );
        })}
      </Stack>
    </Alert>
  );
}
