import { Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BodyKind } from '#domain/panels/panels.ts';
import { isApiError } from '../../ui/api-client.ts';
import { ConflictChoice, plainText } from '../../ui/conflict-merge.tsx';
import { ErrorAlert, fieldErrorsOf } from '../../ui/error-alert.tsx';
import { useConflictMerge } from '../../ui/use-conflict-merge.ts';
import { createBody, fetchBody, panelKeys, updateBody, type Body, type BodyPlace } from './panels.api.ts';

/** A body as this form edits it. */
type BodyValues = { kind: BodyKind; nameUk: string; nameEn: string; territoryId: string; organisationId: string };
const valuesOf = (b: Body): BodyValues => ({ kind: b.kind, nameUk: b.nameUk, nameEn: b.nameEn, territoryId: b.territory.id, organisationId: b.organisation?.id ?? '' });

/**
 * Setting a body up (no `body`) or changing its kind, names, territory and organisation (SPEC §3, §9). The places and
 * kinds offered are those the server allows the user (`places` of the body list); the server checks again.
 */
export function BodyForm({ places, body, onDone }: { places: readonly BodyPlace[]; body?: Body; onDone?: () => void }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const en = i18n.language === 'en';
  const [territoryId, setTerritoryId] = useState(body?.territory.id ?? places[0]?.id ?? '');
  const place = places.find((p) => p.id === territoryId);
  const [kind, setKind] = useState<BodyKind>(body?.kind ?? place?.kinds[0] ?? 'community_taskforce');
  const [nameUk, setNameUk] = useState(body?.nameUk ?? '');
  const [nameEn, setNameEn] = useState(body?.nameEn ?? '');
  const [organisationId, setOrganisationId] = useState(body?.organisation?.id ?? '');
  const kinds = place?.kinds ?? [];
  const organisations = (place?.organisations ?? []).filter((o) => o.kind === kind);
  // No lost updates (SPEC §11): after a 409 both versions are shown — keep mine (saved over theirs) or take theirs.
  const baseRef = useRef<BodyValues | null>(body ? valuesOf(body) : null);
  const versionRef = useRef(body?.version ?? 0);
  const [theirs, setTheirs] = useState<Body | null>(null);
  const conflict = useConflictMerge<BodyValues>(
    async () => {
      const fresh = await fetchBody(body?.id ?? '');
      setTheirs(fresh);
      return { value: valuesOf(fresh), version: fresh.version };
    },
    (value, version, how) => {
      versionRef.current = version;
      setTerritoryId(value.territoryId);
      setKind(value.kind);
      setNameUk(value.nameUk);
      setNameEn(value.nameEn);
      setOrganisationId(value.organisationId);
      if (how.save) save.mutate(value);
      else {
        baseRef.current = value;
        save.reset();
      }
    },
  );
  const save = useMutation({
    mutationFn: (v: BodyValues) => {
      const input = { ...v, organisationId: v.organisationId || null };
      return body ? updateBody(body.id, { ...input, version: versionRef.current }) : createBody(input);
    },
    onSuccess: async (saved) => {
      qc.setQueryData(panelKeys.body(saved.id), saved);
      await qc.invalidateQueries({ queryKey: panelKeys.bodies });
      if (body) onDone?.();
      else await navigate({ to: '/panels/$bodyId', params: { bodyId: saved.id } });
    },
    onError: (e, v) => {
      if (baseRef.current) conflict.onConflict(e, baseRef.current, v);
    },
  });
  const errors = fieldErrorsOf(t, save.error);
  const pickPlace = (id: string) => {
    setTerritoryId(id);
    const next = places.find((p) => p.id === id);
    if (next && !next.kinds.includes(kind) && next.kinds[0]) setKind(next.kinds[0]);
    setOrganisationId('');
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ kind, nameUk, nameEn, territoryId, organisationId });
  };
  const titleId = body ? 'edit-body-title' : 'new-body-title';
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId}>
      <form onSubmit={onSubmit}>
        <Stack gap="xs">
          <Title order={2} size="h4" id={titleId}>
            {body ? t('panelKeeping.editBody') : t('panelKeeping.newBody')}
          </Title>
          {!body && (
            <Text size="sm" c="dimmed">
              {t('panelKeeping.newBodyIntro')}
            </Text>
          )}
          <Group align="flex-start" wrap="wrap">
            <NativeSelect label={t('panelKeeping.territory')} value={territoryId} onChange={(e) => pickPlace(e.currentTarget.value)} data={places.map((p) => ({ value: p.id, label: en ? p.nameEn : p.nameUk }))} error={errors.territoryId} required />
            <NativeSelect
              label={t('panelKeeping.kind')}
              value={kind}
              onChange={(e) => {
                setKind(e.currentTarget.value as BodyKind);
                setOrganisationId('');
              }}
              data={kinds.map((k) => ({ value: k, label: t(`panels.kind.${k}`) }))}
              error={errors.kind}
              required
            />
          </Group>
          <TextInput label={t('panelKeeping.nameUk')} value={nameUk} onChange={(e) => setNameUk(e.currentTarget.value)} error={errors.nameUk} required maxLength={300} />
          <TextInput label={t('panelKeeping.nameEn')} value={nameEn} onChange={(e) => setNameEn(e.currentTarget.value)} error={errors.nameEn} maxLength={300} />
          <NativeSelect
            label={t('panelKeeping.organisation')}
            value={organisationId}
            onChange={(e) => setOrganisationId(e.currentTarget.value)}
            data={[{ value: '', label: t('panelKeeping.organisationNone') }, ...organisations.map((o) => ({ value: o.id, label: en ? o.nameEn : o.nameUk }))]}
            error={errors.organisationId}
          />
          <ConflictChoice
            conflict={conflict}
            labels={{ kind: t('panelKeeping.kind'), nameUk: t('panelKeeping.nameUk'), nameEn: t('panelKeeping.nameEn'), territoryId: t('panelKeeping.territory'), organisationId: t('panelKeeping.organisation') }}
            textOf={(c, v) => {
              const field = c.path[c.path.length - 1];
              if (field === 'kind' && typeof v === 'string') return t(`panels.kind.${v as BodyKind}`);
              if (field === 'territoryId' && typeof v === 'string') {
                const p = places.find((x) => x.id === v);
                const stored = theirs?.territory.id === v ? theirs.territory : body?.territory.id === v ? body.territory : null;
                return p ? (en ? p.nameEn : p.nameUk) : stored ? (en ? stored.nameEn : stored.nameUk) : v;
              }
              if (field === 'organisationId' && typeof v === 'string') {
                if (v === '') return t('panelKeeping.organisationNone');
                const o = places.flatMap((x) => x.organisations).find((x) => x.id === v) ?? (theirs?.organisation?.id === v ? theirs.organisation : body?.organisation?.id === v ? body.organisation : null);
                return o ? (en ? o.nameEn : o.nameUk) : v;
              }
              return plainText(v, t);
            }}
            onReload={() => void qc.invalidateQueries({ queryKey: panelKeys.body(body?.id ?? '') }).then(() => onDone?.())}
          />
          {save.error && !(isApiError(save.error, 'version_conflict') && (conflict.active || conflict.settled)) && (
            <ErrorAlert error={save.error} onReload={() => void qc.invalidateQueries({ queryKey: panelKeys.body(body?.id ?? '') }).then(() => save.reset())} />
          )}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {body ? t('panelKeeping.save') : t('panelKeeping.create')}
            </Button>
            {body && onDone && (
              <Button variant="default" onClick={onDone}>
                {t('panelKeeping.cancel')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
