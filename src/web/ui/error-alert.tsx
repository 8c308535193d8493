import { Alert, Button, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api-client.ts';
import { formatDateTime } from './format.ts';

/** Translates an error from the API (or anything thrown) into a message that says what happened and what to do. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.unknown');
  const { code, details } = error.problem;
  if (code === 'account_locked' && typeof details?.lockedUntil === 'string') {
    return t('errors.account_locked_until', { time: formatDateTime(details.lockedUntil) });
  }
  if (code === 'transition_guard_failed' && typeof details?.guard === 'string') {
    const guard = t(`guard.${details.guard}` as 'guard.plan_not_agreed', { defaultValue: '' });
    if (guard) return `${t('errors.transition_guard_failed')} ${guard}`;
  }
  // Sharing refused for want of consent (SPEC §11): name who has none.
  if (code === 'consent_required' && typeof details?.names === 'string' && details.names !== '') return t('errors.consent_required_named', { names: details.names });
  // A refusal names its reason (e.g. `case_closed`): say why, in plain words (UX principle 3).
  if (code === 'forbidden' && typeof details?.reason === 'string') {
    const why = t(`errors.${details.reason}` as 'errors.forbidden', { defaultValue: '' });
    if (why) return why;
  }
  const key = `errors.${code}` as 'errors.unknown';
  const translated = t(key, { defaultValue: '' });
  if (translated) return translated;
  if (error.status === 0) return t('errors.network_error');
  if (error.status >= 500) return t('errors.internal_error');
  if (error.status === 401) return t('errors.unauthorized');
  if (error.status === 403) return t('errors.forbidden');
  if (error.status === 404) return t('errors.not_found');
  if (error.status === 409) return t('errors.version_conflict');
  if (error.status === 400 || error.status === 422) return t('errors.validation_error');
  return t('errors.unknown');
}

/** Translates a validation message from the server (a code such as `birth_date_too_early`, or zod's English text). */
export function validationMessage(t: TFunction, message: string): string {
  if (/^[a-z_]+$/.test(message)) {
    const translated = t(`validation.${message}` as 'validation.invalid', { defaultValue: '' });
    if (translated) return translated;
  }
  return t('validation.invalid');
}

/**
 * Field errors of a validation problem, keyed by the dotted path the server reports
 * (`members.0.person.surname`; a leading `body.` or `/` is dropped).
 */
export function fieldErrorsOf(t: TFunction, error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !error.problem.errors) return {};
  const out: Record<string, string> = {};
  for (const e of error.problem.errors) {
    const path = e.path.replace(/^\/?body[./]?/, '').replace(/^\//, '').replace(/\//g, '.').replace(/\[(\d+)\]/g, '.$1');
    out[path] ??= validationMessage(t, e.message);
  }
  return out;
}

type ErrorAlertProps = {
  error: unknown;
  /** Shown for a version conflict: reload the record. */
  onReload?: (() => void) | undefined;
  title?: string;
};

/** A translated error box; offers "load the current version" on a version conflict. */
export function ErrorAlert({ error, onReload, title }: ErrorAlertProps) {
  const { t } = useTranslation();
  if (!error) return null;
  const isConflict = error instanceof ApiError && error.code === 'version_conflict';
  return (
    <Alert color="red" variant="light" title={title ?? t('errors.title')} role="alert">
      <Stack gap="xs">
        <Text size="sm">{errorMessage(t, error)}</Text>
        {isConflict && onReload && (
          <div>
            <Button size="xs" variant="filled" color="red" onClick={onReload}>
              {t('casePage.reloadCase')}
            </Button>
          </div>
        )}
      </Stack>
    </Alert>
  );
}
