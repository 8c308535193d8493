import { Alert, Button, Group, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { differingFields, pathId, type MergeConflict, type MergePath } from '#domain/merge/three-way-merge.ts';
import { formatDate, formatDateTime } from './format.ts';
import { MergeView } from './merge-view.tsx';
import type { ConflictMergeHandle } from './use-conflict-merge.ts';

/** A field of the record as the user knows it: the labels of its path's named steps (`caregivers.[id=…].name` → label of `name`). */
export type FieldLabels = Readonly<Record<string, string>>;

/** The label of a path: the label of its last named step, or the step itself when none is given. */
export function labelOfPath(path: MergePath, labels: FieldLabels): string {
  const names = path.filter((s): s is string => typeof s === 'string');
  const full = names.join('.');
  if (labels[full]) return labels[full];
  for (let i = names.length - 1; i >= 0; i -= 1) {
    const name = names[i] as string;
    if (labels[name]) return labels[name];
  }
  return full || pathId(path);
}

/** A value as text: yes/no, dates as дд.мм.рррр, lists and small objects joined. */
export function plainText(value: unknown, t: TFunction): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? t('merge.yes') : t('merge.no');
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
    if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(value)) return formatDateTime(value.replace(' ', 'T'));
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => plainText(v, t)).filter((s) => s !== '').join('; ');
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).map((v) => plainText(v, t)).filter((s) => s !== '').join(', ');
  return String(value);
}

type Common<T> = {
  conflict: ConflictMergeHandle<T>;
  /** Labels of the record's fields by name (or dotted path). */
  labels: FieldLabels;
  /** A value as text; `plainText` unless given (e.g. to translate codes). */
  textOf?: (c: MergeConflict, value: unknown) => string;
  /** Reloads the page's record (offered when the record can no longer be edited). */
  onReload?: () => void;
};

function Status<T>({ conflict, onReload }: Pick<Common<T>, 'conflict' | 'onReload'>) {
  const { t } = useTranslation();
  const s = conflict.state;
  if (s?.kind === 'loading') {
    return (
      <Group gap="xs" role="status">
        <Loader size="xs" />
        <Text size="sm">{t('conflict.loading')}</Text>
      </Group>
    );
  }
  if (s?.kind === 'failed') {
    return (
      <Alert color="red" variant="light" role="alert" title={t('merge.title')}>
        <Stack gap="xs">
          <Text size="sm">{t('merge.loadFailed')}</Text>
          <div>
            <Button size="xs" onClick={conflict.retry}>
              {t('merge.retry')}
            </Button>
          </div>
        </Stack>
      </Alert>
    );
  }
  if (s?.kind === 'gone') {
    return (
      <Alert color="red" variant="light" role="alert" title={t('merge.title')}>
        <Stack gap="xs">
          <Text size="sm">{t('conflict.gone')}</Text>
          {onReload && (
            <div>
              <Button size="xs" onClick={onReload}>
                {t('conflict.reload')}
              </Button>
            </div>
          )}
        </Stack>
      </Alert>
    );
  }
  if (!s && conflict.mergedNotice) {
    return (
      <Alert color="green" variant="light" role="status">
        {t('merge.merged')}
      </Alert>
    );
  }
  if (!s && conflict.tookTheirs) {
    return (
      <Alert color="blue" variant="light" role="status">
        {t('conflict.tookTheirs')}
      </Alert>
    );
  }
  return null;
}

/**
 * The merge view for a big document (safety act, family assessment, plan, caregiver, provider, institution) after a
 * 409: every field both people changed side by side with a choice; the rest merged. Render it where the form's
 * error would be.
 */
export function ConflictMerge<T>({ conflict, labels, textOf, onReload }: Common<T>) {
  const { t } = useTranslation();
  const s = conflict.state;
  if (s?.kind !== 'choose') return <Status conflict={conflict} onReload={onReload} />;
  return (
    <MergeView
      conflicts={s.result.conflicts}
      labelOf={(c) => labelOfPath(c.path, labels)}
      textOf={textOf ?? ((_c, v) => plainText(v, t))}
      savedBy={s.updatedAt ? { name: t('conflict.someone'), at: formatDateTime(s.updatedAt) } : null}
      autoMerged={{ mine: s.result.takenFromMine, theirs: s.result.takenFromTheirs }}
      onResolve={conflict.resolve}
    />
  );
}

/**
 * The conflict dialog of a small form, where a merge makes no sense: "changed by someone else — here is their
 * version"; every field that differs with both values; keep mine (save over theirs) or take theirs.
 */
export function ConflictChoice<T>({ conflict, labels, textOf, onReload }: Common<T>) {
  const { t } = useTranslation();
  const s = conflict.state;
  if (s?.kind !== 'choose') return <Status conflict={conflict} onReload={onReload} />;
  // Every field where the two versions differ (not only those both changed): the user sees both.
  const rows = differingFields(s.mine, s.theirs);
  const show = (c: MergeConflict, v: unknown) => {
    const text = textOf ? textOf(c, v) : plainText(v, t);
    return text.trim() === '' ? t('merge.empty') : text;
  };
  return (
    <Alert color="orange" variant="light" role="alert" title={t('merge.title')} data-testid="conflict-choice">
      <Stack gap="sm">
        <Text size="sm">{s.updatedAt ? t('conflict.intro', { time: formatDateTime(s.updatedAt) }) : t('merge.introUnknown')}</Text>
        {rows.length > 0 && (
          <Paper withBorder bg="var(--mantine-color-body)">
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('conflict.field')}</Table.Th>
                  <Table.Th scope="col">{t('merge.mine')}</Table.Th>
                  <Table.Th scope="col">{t('merge.theirs')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Th scope="row">{labelOfPath(c.path, labels)}</Table.Th>
                    <Table.Td>{show(c, c.mine)}</Table.Td>
                    <Table.Td>{show(c, c.theirs)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        )}
        <Group gap="sm" wrap="wrap">
          <Button onClick={conflict.keepMine}>{t('conflict.keepMine')}</Button>
          <Button variant="default" onClick={conflict.takeTheirs}>
            {t('conflict.takeTheirs')}
          </Button>
          {onReload && (
            <Button variant="subtle" onClick={onReload}>
              {t('conflict.reload')}
            </Button>
          )}
        </Group>
      </Stack>
    </Alert>
  );
}
