import { Box, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from './cases.api.ts';


/** Where the case stands: the global steps of its type and the legal step(s) of the Law "On Social Services" art. 18. */
export function StepTracker({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const legal = c.legalSteps.filter((n) => n >= 1 && n <= 7);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="steps-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="steps-title">
          {t('casePage.stepsTitle')}
        </Title>
        <Box>
          {legal.map((n) => (
            <Text key={n} fw={600}>
              {t('casePage.legalStepOf', { n, name: t(`legalStep.${n}` as 'legalStep.1') })}
            </Text>
          ))}
          <Text size="xs" c="dimmed">
            {t('casePage.legalStepSource')}
          </Text>
        </Box>
        <List listStyleType="none" spacing={4} p={0} m={0} aria-label={t('casePage.stepsNav')}>
          {c.steps.map((s, i) => {
            const color = s.state === 'done' ? 'green' : s.state === 'current' ? 'blue' : 'gray';
            const stateText = s.state === 'done' ? t('casePage.stepDone') : s.state === 'current' ? t('casePage.stepCurrent') : t('casePage.stepTodo');
            return (
              <List.Item key={s.step} aria-current={s.state === 'current' ? 'step' : undefined}>
                <Group gap="xs" wrap="wrap" align="center" style={{ rowGap: 0 }}>
                  <ThemeIcon size="sm" radius="xl" color={color} variant={s.state === 'todo' ? 'light' : 'filled'} aria-hidden>
                    <Text size="xs" fw={700} c="inherit">
                      {s.state === 'done' ? '✓' : i + 1}
                    </Text>
                  </ThemeIcon>
                  <Text size="sm" fw={s.state === 'current' ? 700 : 400}>
                    {t(`caseStep.${s.step}`)}
                  </Text>
                  <Text size="xs" c={s.state === 'current' ? 'blue.8' : 'dimmed'} fw={s.state === 'current' ? 700 : 400}>
                    ({stateText})
                  </Text>
                </Group>
              </List.Item>
            );
          })}
        </List>
      </Stack>
    </Paper>
  );
}
