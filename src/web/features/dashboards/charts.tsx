import { Box, Button, Group, Stack, Table, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorTableData, IndicatorTrendData } from './dashboards.api.ts';
import { formatFigure, quarterLabel, type Unit } from './figures.ts';

type Bar = { key: string; label: string; value: number | null; suppressed: boolean };

/** A small chart with its text alternative and a "show as table" switch (UX principle 7). */
function ChartFrame({ title, bars, unit, kind, testId }: { title: string; bars: Bar[]; unit: Unit; kind: 'bars' | 'columns'; testId: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [asTable, setAsTable] = useState(false);
  const fig = (b: Bar) => formatFigure(b, unit, i18n.language);
  const summary = bars.length === 0 ? t('dashboards.chart.empty') : bars.map((b) => `${b.label}: ${fig(b)}`).join('; ');
  return (
    <Stack gap="xs" component="section" aria-labelledby={`${id}-h`} data-testid={testId}>
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h4" id={`${id}-h`}>
          {title}
        </Title>
        <Button variant="subtle" size="compact-sm" onClick={() => setAsTable((v) => !v)} aria-pressed={asTable}>
          {asTable ? t('dashboards.showAsPicture') : t('dashboards.showAsTable')}
        </Button>
      </Group>
      {asTable ? (
        <Box className="table-scroll">
          <Table withTableBorder verticalSpacing={4}>
            <Table.Caption style={{ textAlign: 'left', captionSide: 'top' }}>{title}</Table.Caption>
            <Table.Tbody>
              {bars.map((b) => (
                <Table.Tr key={b.key}>
                  <Table.Th scope="row" fw={500}>
                    {b.label}
                  </Table.Th>
                  <Table.Td>{fig(b)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Box>
      ) : kind === 'bars' ? (
        <HorizontalBars bars={bars} fig={fig} title={title} summary={summary} />
      ) : (
        <Columns bars={bars} fig={fig} title={title} summary={summary} />
      )}
    </Stack>
  );
}

function HorizontalBars({ bars, fig, title, summary }: { bars: Bar[]; fig: (b: Bar) => string; title: string; summary: string }) {
  const id = useId();
  const W = 520;
  const ROW = 24;
  const LABEL = 190;
  const H = Math.max(ROW, bars.length * ROW) + 8;
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0));
  const width = (v: number) => ((W - LABEL - 60) * v) / max;
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-labelledby={`${id}-t ${id}-d`} style={{ maxWidth: 640, display: 'block' }}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{summary}</desc>
      {bars.map((b, i) => (
        <g key={b.key} transform={`translate(0 ${i * ROW + 4})`}>
          <text x={LABEL - 6} y={15} fontSize={11} textAnchor="end" fill="#212529">
            {b.label.length > 30 ? `${b.label.slice(0, 29)}…` : b.label}
          </text>
          {b.value !== null && <rect x={LABEL} y={3} width={width(b.value)} height={ROW - 8} fill="#1864ab" />}
          {b.value === null && <rect x={LABEL} y={3} width={18} height={ROW - 8} fill="#f1f3f5" stroke="#868e96" strokeDasharray="3 2" />}
          <text x={LABEL + (b.value !== null ? width(b.value) : 18) + 6} y={15} fontSize={11} fontWeight={700} fill="#212529">
            {fig(b)}
          </text>
        </g>
      ))}
    </svg>
  );
}

function Columns({ bars, fig, title, summary }: { bars: Bar[]; fig: (b: Bar) => string; title: string; summary: string }) {
  const id = useId();
  const W = 520;
  const H = 170;
  const PAD = { top: 18, bottom: 26, left: 8, right: 8 };
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0));
  const slot = (W - PAD.left - PAD.right) / Math.max(1, bars.length);
  const h = (v: number) => ((H - PAD.top - PAD.bottom) * v) / max;
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-labelledby={`${id}-t ${id}-d`} style={{ maxWidth: 640, display: 'block' }}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{summary}</desc>
      <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} stroke="#868e96" />
      {bars.map((b, i) => {
        const x = PAD.left + i * slot + slot * 0.15;
        const w = slot * 0.7;
        const top = H - PAD.bottom - (b.value !== null ? h(b.value) : 0);
        return (
          <g key={b.key}>
            {b.value !== null && <rect x={x} y={top} width={w} height={h(b.value)} fill={i === bars.length - 1 ? '#0c3f7a' : '#4a86c5'} />}
            <text x={x + w / 2} y={top - 4} fontSize={11} fontWeight={700} textAnchor="middle" fill="#212529">
              {fig(b)}
            </text>
            <text x={x + w / 2} y={H - 8} fontSize={10} textAnchor="middle" fill="#495057">
              {b.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Child units of the territory compared on the chosen indicator (bars, largest scale = largest value). */
export function UnitsChart({ table }: { table: IndicatorTableData }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const bars = table.units.map((u) => ({ key: u.territoryId ?? u.nameUk, label: en ? u.nameEn : u.nameUk, value: u.total.value, suppressed: u.total.suppressed }));
  if (bars.length === 0) return null;
  return <ChartFrame title={t('dashboards.chart.unitsTitle', { code: table.indicator.code })} bars={bars} unit={table.indicator.unit} kind="bars" testId="units-chart" />;
}

/** The trend over the last quarters. */
export function TrendChart({ trend }: { trend: IndicatorTrendData }) {
  const { t, i18n } = useTranslation();
  const bars = trend.points.map((p) => ({ key: p.period, label: quarterLabel(p.period, i18n.language), value: p.cell.value, suppressed: p.cell.suppressed }));
  return <ChartFrame title={t('dashboards.chart.trendTitle', { code: trend.indicator.code, count: trend.points.length })} bars={bars} unit={trend.indicator.unit} kind="columns" testId="trend-chart" />;
}
