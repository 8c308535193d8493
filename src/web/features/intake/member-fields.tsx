import { Alert, Button, Checkbox, Group, Paper, Radio, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import type { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { formatDate, parseUserDate, todayInKyiv } from '../../ui/format.ts';
import { formatFullName } from '../persons/person-name.ts';
import type { IntakeDraft } from './intake-draft.ts';
import { PersonMatches } from './person-matches.tsx';

type MemberFieldsProps = {
  form: ReturnType<typeof useForm<IntakeDraft>>;
  index: number;
  /** Position among members of the same role, for the heading («Дитина 1»). */
  ordinal: number;
  /** Called on changes made by buttons (inputs bubble their own events to the form). */
  onChange: () => void;
};

/** Input props whose onChange also reports the change (date pickers do not bubble a DOM change event). */
function withChange<P extends { onChange: (v: never) => void }>(props: P, report: () => void): P {
  return { ...props, onChange: (v: never) => { report(); props.onChange(v); } };
}

/** One household member: names apart, birth date дд.мм.рррр, sex, disability, relationship, Latin spelling, duplicate search. */
export function MemberFields({ form, index, ordinal, onChange }: MemberFieldsProps) {
  const { t } = useTranslation();
  const member = form.values.members[index];
  if (!member) return null;
  const path = (field: string) => `members.${index}.${field}`;
  const roleLabel = t(`memberRole.${member.role}`);
  const heading = t('intake.members.memberTitle', { role: roleLabel, n: ordinal });
  const displayName = member.personId ? member.chosenLabel : formatFullName(member) || heading;
  const headingId = `member-${member.key}-title`;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={3} size="h5" id={headingId}>
            {heading}
          </Title>
          {form.values.members.length > 1 && (
            <Button variant="subtle" color="red" size="compact-sm" onClick={() => {
                onChange();
                form.removeListItem('members', index);
              }}>
              {t('intake.members.removeMember', { name: displayName })}
            </Button>
          )}
        </Group>

        {member.personId ? (
          <Alert color="green" variant="light" title={t('intake.members.existingPerson')}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm" fw={600}>
                {member.chosenLabel}
              </Text>
              <Button
                size="compact-sm"
                variant="default"
                onClick={() => {
                  onChange();
                  form.setFieldValue(path('personId'), null);
                  form.setFieldValue(path('chosenLabel'), '');
                }}
              >
                {t('intake.members.useNewPerson')}
              </Button>
            </Stack>
          </Alert>
        ) : (
          <>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <TextInput label={t('intake.members.surname')} required autoComplete="off" {...form.getInputProps(path('surname'))} />
              <TextInput label={t('intake.members.givenName')} required autoComplete="off" {...form.getInputProps(path('givenName'))} />
              <TextInput label={t('intake.members.patronymic')} autoComplete="off" {...form.getInputProps(path('patronymic'))} />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <DateInput
                label={t('intake.members.birthDate')}
                description={t('common.dateFormatHint')}
                placeholder={t('common.datePlaceholder')}
                required
                valueFormat="DD.MM.YYYY"
                dateParser={parseUserDate}
                maxDate={todayInKyiv()}
                minDate="1900-01-01"
                defaultLevel="decade"
                clearable
                {...withChange(form.getInputProps(path('birthDate')), onChange)}
              />
              <Radio.Group label={t('intake.members.sex')} required {...form.getInputProps(path('sex'))}>
                <Group gap="md" mt={6}>
                  <Radio value="female" label={t('sex.female')} />
                  <Radio value="male" label={t('sex.male')} />
                </Group>
              </Radio.Group>
              <Checkbox
                mt={{ base: 0, sm: 30 }}
                label={t('intake.members.disability')}
                {...form.getInputProps(path('disability'), { type: 'checkbox' })}
              />
            </SimpleGrid>
            <TextInput
              label={t('intake.members.latinName')}
              description={t('intake.members.latinNameHint')}
              autoComplete="off"
              lang="en"
              {...form.getInputProps(path('latinName'))}
            />
            <PersonMatches
              hromadaId={form.values.hromadaId}
              surname={member.surname}
              givenName={member.givenName}
              birthDate={member.birthDate}
              onUse={(m) => {
                onChange();
                form.setFieldValue(path('personId'), m.id);
                form.setFieldValue(path('chosenLabel'), `${formatFullName(m)}, ${formatDate(m.birthDate)}`);
              }}
            />
          </>
        )}
        <TextInput
          label={t('intake.members.relationship')}
          description={t('intake.members.relationshipHint')}
          autoComplete="off"
          {...form.getInputProps(path('relationship'))}
        />
      </Stack>
    </Paper>
  );
}
