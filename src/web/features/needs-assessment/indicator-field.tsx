import { Box, Group, Radio, TextInput } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { indicatorRatings, type IndicatorEntry, type IndicatorRating } from '#domain/cases/needs-assessment.ts';

type IndicatorFieldProps = {
  id: string;
  label: string;
  entry: IndicatorEntry | undefined;
  onChange: (entry: IndicatorEntry) => void;
};

/** One indicator of the act: a rating (no concern / some / serious / not applicable) and an observation. */
export const IndicatorField = memo(function IndicatorField({ id, label, entry, onChange }: IndicatorFieldProps) {
  const { t } = useTranslation();
  const rating = entry?.rating ?? null;
  const note = entry?.note ?? '';
  return (
    <Box id={id} tabIndex={-1} className="section-anchor" py="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
      <Radio.Group
        label={label}
        value={rating ?? ''}
        onChange={(v) => onChange({ rating: v as IndicatorRating, note })}
        name={`${id}-rating`}
      >
        <Group gap="md" mt={6} wrap="wrap">
          {indicatorRatings.map((r) => (
            <Radio key={r} value={r} label={t(`rating.${r}`)} />
          ))}
        </Group>
      </Radio.Group>
      <TextInput
        mt={6}
        size="sm"
        label={t('needsAssessment.noteShort')}
        styles={{ label: { fontWeight: 400 } }}
        aria-label={t('needsAssessment.note', { indicator: label })}
        value={note}
        onChange={(e) => onChange({ rating, note: e.currentTarget.value })}
      />
    </Box>
  );
});
