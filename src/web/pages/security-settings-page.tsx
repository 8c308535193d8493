import type { RecoveryCodes } from '#contracts/second-factor.contract.ts';
import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { meQuery, useMe } from '../features/auth/auth.queries.ts';
import { EnrolmentPanel } from '../features/second-factor/enrolment-panel.tsx';
import { ProofForm } from '../features/second-factor/proof-form.tsx';
import { RecoveryCodesPanel } from '../features/second-factor/recovery-codes-panel.tsx';
import { disableSecondFactor, regenerateRecoveryCodes, secondFactorQuery, type Proof } from '../features/second-factor/second-factor.api.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { formatDate } from '../ui/format.ts';
import { PageLoader } from '../ui/page-loader.tsx';
import { usePageTitle } from '../ui/page-title.ts';

/** «Безпека входу»: the user's own second factor — enrolment with a QR code, recovery codes shown once, disabling (SPEC §11). */
export function SecuritySettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('secondFactor.title'));
  const me = useMe();
  const queryClient = useQueryClient();
  const status = useQuery(secondFactorQuery);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: secondFactorQuery.queryKey });
    await queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
  };
  const showCodes = (answer: RecoveryCodes, message: string) => {
    setCodes(answer.recoveryCodes);
    setNotice(message);
    queryClient.setQueryData(secondFactorQuery.queryKey, answer.status);
    void refresh();
  };
  const regenerate = useMutation({
    mutationFn: (proof: Proof) => regenerateRecoveryCodes(proof, status.data?.version ?? 0),
    onSuccess: (answer) => showCodes(answer, ''),
  });
  const disable = useMutation({
    mutationFn: (proof: Proof) => disableSecondFactor(proof, status.data?.version ?? 0),
    onSuccess: (answer) => {
      queryClient.setQueryData(secondFactorQuery.queryKey, answer);
      setNotice(t('secondFactor.disable.disabled'));
      void refresh();
    },
  });

  const s = status.data;
  return (
    <Stack gap="md" maw={820}>
      <div>
        <Title order={1}>{t('secondFactor.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('secondFactor.intro')}
        </Text>
      </div>
      {me.secondFactorEnrolmentRequired && (
        <Alert color="orange" variant="light">
          {t('secondFactor.requiredNotice')}
        </Alert>
      )}
      {notice && (
        <Alert color="green" variant="light" role="status">
          {notice}
        </Alert>
      )}
      {status.isPending && <PageLoader />}
      {status.isError && <ErrorAlert error={status.error} onReload={() => void status.refetch()} />}
      {codes && <RecoveryCodesPanel codes={codes} onDone={() => setCodes(null)} />}
      {s && (
        <>
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="sf-status-heading">
            <Title order={2} size="h4" id="sf-status-heading" mb="xs">
              {t('secondFactor.statusHeading')}
            </Title>
            <Text data-testid="second-factor-status">{s.status === 'enabled' ? t('secondFactor.status.enabled', { date: formatDate(s.enabledAt) }) : t(`secondFactor.status.${s.status}`)}</Text>
            {s.status === 'enabled' && <Text size="sm">{t('secondFactor.codesLeft', { count: s.recoveryCodesLeft })}</Text>}
            {s.status === 'enabled' && !s.mayDisable && (
              <Text size="sm" c="dimmed" mt="xs">
                {t('secondFactor.requiredByRole')}
              </Text>
            )}
          </Paper>
          {s.status !== 'enabled' && <EnrolmentPanel pending={s.status === 'pending'} onEnabled={(answer) => showCodes(answer, t('secondFactor.enrol.enabled'))} />}
          {s.status === 'enabled' && !codes && (
            <ProofForm
              id="sf-regenerate-heading"
              heading={t('secondFactor.recovery.regenerateHeading')}
              hint={t('secondFactor.recovery.regenerateHint')}
              submitLabel={t('secondFactor.recovery.regenerate')}
              pending={regenerate.isPending}
              error={regenerate.error}
              onSubmit={(proof) => regenerate.mutate(proof)}
            />
          )}
          {s.status === 'enabled' && s.mayDisable && !codes && (
            <ProofForm
              id="sf-disable-heading"
              heading={t('secondFactor.disable.heading')}
              hint={t('secondFactor.disable.hint')}
              submitLabel={t('secondFactor.disable.submit')}
              danger
              pending={disable.isPending}
              error={disable.error}
              onSubmit={(proof) => disable.mutate(proof)}
            />
          )}
        </>
      )}
    </Stack>
  );
}
