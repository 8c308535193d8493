import { Button, Fieldset, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { householdRoles, type HouseholdRole } from '#domain/caregivers/caregivers.ts';
import { DateField } from '../safety/date-fields.tsx';

/** A household member as typed. */
export type MemberDraft = { role: HouseholdRole; surname: string; givenName: string; patronymic: string; birthDate: string | null };
/** An empty member. */
export const emptyMember = (role: HouseholdRole = 'other_member'): MemberDraft => ({ role, surname: '', givenName: '', patronymic: '', birthDate: null });

/** The household: each member's role, name (surname first) and date of birth. */
export function HouseholdFields({ members, onChange, errors }: { members: MemberDraft[]; onChange: (m: MemberDraft[]) => void; errors: Record<string, string> }) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<MemberDraft>) => onChange(members.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  return (
    <Fieldset legend={t('caregivers.member.legend')}>
      <Stack gap="sm">
        {members.map((m, i) => (
          <Group key={i} align="flex-end" wrap="wrap" gap="xs">
            <SimpleGrid cols={{ base: 1, sm: 5 }} spacing="xs" style={{ flex: 1 }}>
              <NativeSelect label={t('caregivers.member.role')} value={m.role} data={householdRoles.map((r) => ({ value: r, label: t(`caregivers.memberRole.${r}`) }))} onChange={(e) => set(i, { role: e.currentTarget.value as HouseholdRole })} />
              <TextInput label={t('caregivers.member.surname')} required error={errors[`m${i}.surname`]} value={m.surname} maxLength={100} onChange={(e) => set(i, { surname: e.currentTarget.value })} />
              <TextInput label={t('caregivers.member.givenName')} required error={errors[`m${i}.givenName`]} value={m.givenName} maxLength={100} onChange={(e) => set(i, { givenName: e.currentTarget.value })} />
              <TextInput label={t('caregivers.member.patronymic')} value={m.patronymic} maxLength={100} onChange={(e) => set(i, { patronymic: e.currentTarget.value })} />
              <DateField label={t('caregivers.member.birthDate')} required error={errors[`m${i}.birthDate`]} value={m.birthDate} onChange={(v) => set(i, { birthDate: v })} />
            </SimpleGrid>
            {members.length > 1 && (
              <Button variant="subtle" color="red" onClick={() => onChange(members.filter((_, j) => j !== i))}>
                {t('caregivers.member.remove', { name: `${m.surname} ${m.givenName}`.trim() || String(i + 1) })}
              </Button>
            )}
          </Group>
        ))}
        <Group>
          <Button variant="default" onClick={() => onChange([...members, emptyMember()])}>
            {t('caregivers.member.add')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
