import { Badge, Button, Group, Modal, NativeSelect, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { noteKinds, type NoteKind } from '#domain/cases/case-notes.ts';
import { isApiError } from '../../ui/api-client.ts';
import { ConflictChoice, plainText } from '../../ui/conflict-merge.tsx';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { useConflictMerge } from '../../ui/use-conflict-merge.ts';
import { formatDate, formatDateTime, todayInKyiv } from '../../ui/format.ts';
import { CaseSection } from '../cases/case-sections.tsx';
import type { CaseDetail } from '../cases/cases.api.ts';
import { caseQuery } from '../cases/cases.queries.ts';
import { DateField } from './case-form-page.tsx';
import { createNote, updateNote, type CaseNote } from './implementation.api.ts';
import { notesQuery } from './implementation.queries.ts';
import { ModalFormActions } from '../../ui/form-actions.tsx';

/** Add a note, or correct one (author, within 24 hours): typed text stays in the dialog whatever the server answers. */
function NoteModal({ c, opened, editing, onClose }: { c: CaseDetail; opened: boolean; editing: CaseNote | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<NoteKind>(editing?.kind ?? 'note');
  const [noteDate, setNoteDate] = useState(editing?.noteDate ?? todayInKyiv());
  const [text, setText] = useState(editing?.text ?? '');
  const [version, setVersion] = useState(editing?.version ?? 0);
  const [tried, setTried] = useState(false);
  // No lost updates (SPEC §11): a correction that meets someone else's shows both texts — keep mine or take theirs.
  type NoteValues = { kind: NoteKind; noteDate: string; text: string };
  const baseRef = useRef<NoteValues | null>(editing ? { kind: editing.kind, noteDate: editing.noteDate, text: editing.text } : null);
  const pending = useRef<{ values: NoteValues; version: number } | null>(null);
  const conflict = useConflictMerge<NoteValues>(
    async () => {
      const page = await queryClient.fetchQuery({ ...notesQuery(c.id), staleTime: 0 });
      const fresh = page.items.find((n) => n.id === editing?.id);
      return fresh ? { value: { kind: fresh.kind, noteDate: fresh.noteDate, text: fresh.text }, version: fresh.version, updatedAt: fresh.updatedAt ?? null } : null;
    },
    (v, ver, how) => {
      setVersion(ver);
      setKind(v.kind);
      setNoteDate(v.noteDate);
      setText(v.text);
      if (how.save) {
        pending.current = { values: v, version: ver };
        save.mutate();
      } else {
        baseRef.current = v;
        save.reset();
      }
    },
  );
  const save = useMutation({
    mutationFn: () => {
      const p = pending.current;
      pending.current = null;
      if (p && editing) return updateNote(c.id, editing.id, { ...p.values, version: p.version });
      return editing ? updateNote(c.id, editing.id, { kind, noteDate, text, version }) : createNote(c.id, { kind, noteDate, text });
    },
    onError: (e) => {
      if (baseRef.current) conflict.onConflict(e, baseRef.current, { kind, noteDate, text });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: caseQuery(c.id).queryKey });
      onClose();
    },
  });
  const reload = async () => {
    const page = await queryClient.fetchQuery({ ...notesQuery(c.id), staleTime: 0 });
    const fresh = page.items.find((n) => n.id === editing?.id);
    if (fresh) setVersion(fresh.version);
    save.reset();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={editing ? t('work.notes.editTitle') : t('work.notes.addTitle')} closeButtonProps={{ 'aria-label': t('common.close') }} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (text.trim() && noteDate) save.mutate();
        }}
        noValidate
      >
        <Stack gap="sm">
          <NativeSelect label={t('work.notes.kind')} value={kind} onChange={(e) => setKind(e.currentTarget.value as NoteKind)} data={noteKinds.map((k) => ({ value: k, label: t(`work.noteKind.${k}`) }))} />
          <DateField label={t('work.notes.date')} value={noteDate} onChange={setNoteDate} maxDate={todayInKyiv()} required maw={240} />
          <Textarea label={t('work.notes.text')} required autosize minRows={4} value={text} onChange={(e) => setText(e.currentTarget.value)} error={tried && !text.trim() ? t('common.required') : undefined} />
          <ConflictChoice
            conflict={conflict}
            labels={{ kind: t('work.notes.kind'), noteDate: t('work.notes.date'), text: t('work.notes.text') }}
            textOf={(cf, v) => (cf.path[cf.path.length - 1] === 'kind' && typeof v === 'string' ? t(`work.noteKind.${v as NoteKind}`) : plainText(v, t))}
          />
          <ErrorAlert error={isApiError(save.error, 'version_conflict') && (conflict.active || conflict.settled) ? null : save.error} onReload={() => void reload()} />
          <ModalFormActions onCancel={onClose} pending={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Case notes, newest first (SPEC §2.10). */
export function NotesSection({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const notes = useQuery(notesQuery(c.id));
  const [modal, setModal] = useState<{ editing: CaseNote | null } | null>(null);
  const items = notes.data?.items ?? [];
  const canCreate = notes.data?.allowedActions.includes('create') ?? false;
  return (
    <CaseSection id="notes-title" title={t('work.notes.title')}>
      <ErrorAlert error={notes.error} />
      {notes.data && items.length === 0 && <Text size="sm">{canCreate ? t('work.notes.emptyCanAdd') : t('work.notes.empty')}</Text>}
      {canCreate && (
        <Group>
          <Button variant="light" onClick={() => setModal({ editing: null })}>
            {t('work.notes.add')}
          </Button>
        </Group>
      )}
      {items.length > 0 && (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('work.notes.title')}>
          {items.map((n) => (
            <Paper key={n.id} component="li" withBorder p="sm" radius="sm">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Group gap="xs">
                  <Text size="sm" fw={600}>
                    {formatDate(n.noteDate)}
                  </Text>
                  <Badge variant="light">{t(`work.noteKind.${n.kind}`)}</Badge>
                  <Text size="xs" c="dimmed">
                    {n.author.name}
                  </Text>
                </Group>
                {n.allowedActions.includes('edit') && (
                  <Button size="xs" variant="subtle" onClick={() => setModal({ editing: n })} aria-label={t('work.notes.editFor', { date: formatDate(n.noteDate) })}>
                    {t('work.notes.edit')}
                  </Button>
                )}
              </Group>
              <Text size="sm" className="prewrap" mt={4}>
                {n.text}
              </Text>
              {n.allowedActions.includes('edit') && (
                <Text size="xs" c="dimmed" mt={2}>
                  {t('work.notes.editableUntil', { time: formatDateTime(n.editableUntil) })}
                </Text>
              )}
            </Paper>
          ))}
        </Stack>
      )}
      {modal && <NoteModal c={c} opened editing={modal.editing} onClose={() => setModal(null)} />}
    </CaseSection>
  );
}
