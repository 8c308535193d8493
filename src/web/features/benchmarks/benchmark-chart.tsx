import { Box, SimpleGrid, Table, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../ui/format.ts';
import type { BenchmarkConfig, BenchmarksList } from './benchmarks.api.ts';
import { useDomainName } from './score-fields.tsx';

type ChildSeries = BenchmarksList['series'][number];
type Point = ChildSeries['domains'][number]['points'][number];

const W = 260;
const H = 140;
const PAD = { left: 26, right: 14, top: 16, bottom: 30 };

/** dd.mm of an ISO date, for the axis under a small chart. */
function shortDate(iso: string): string {
  return formatDate(iso).slice(0, 5);
}

/** One domain over time: a line through the scores, the closure threshold dashed, each point labelled with its score. */
function DomainChart({ title, points, config }: { title: string; points: Point[]; config: BenchmarkConfig }) {
  const { t } = useTranslation();
  const id = useId();
  const { min, max, closureThreshold } = config.scale;
  const y = (score: number) => PAD.top + ((max - score) / Math.max(1, max - min)) * (H - PAD.top - PAD.bottom);
  const x = (i: number) => (points.length <= 1 ? (PAD.left + W - PAD.right) / 2 : PAD.left + (i * (W - PAD.left - PAD.right)) / (points.length - 1));
  const levels = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  const summary =
    points.length === 0
      ? t('benchmarks.chart.noPoints')
      : t('benchmarks.chart.summary', {
          points: points.map((p) => `${formatDate(p.date)} (${t(`benchmarks.occasion.${p.occasion}`)}): ${p.score}`).join('; '),
          threshold: closureThreshold,
        });
  return (
    <Box>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-labelledby={`${id}-t ${id}-d`} style={{ maxWidth: 360, display: 'block' }}>
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{summary}</desc>
        {levels.map((l) => (
          <g key={l}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(l)} y2={y(l)} stroke="#dee2e6" strokeWidth={1} />
            <text x={PAD.left - 8} y={y(l) + 4} fontSize={11} textAnchor="end" fill="#495057">
              {l}
            </text>
          </g>
        ))}
        <line x1={PAD.left} x2={W - PAD.right} y1={y(closureThreshold)} y2={y(closureThreshold)} stroke="#c92a2a" strokeWidth={1.5} strokeDasharray="5 4" />
        {points.length > 1 && <polyline fill="none" stroke="#1864ab" strokeWidth={2.5} points={points.map((p, i) => `${x(i)},${y(p.score)}`).join(' ')} />}
        {points.map((p, i) => (
          <g key={`${p.date}-${i}`}>
            <circle cx={x(i)} cy={y(p.score)} r={4.5} fill={p.score < closureThreshold ? '#ffffff' : '#1864ab'} stroke="#1864ab" strokeWidth={2} />
            <text x={x(i)} y={y(p.score) - 8} fontSize={11} fontWeight={700} textAnchor="middle" fill="#212529">
              {p.score}
            </text>
            <text x={x(i)} y={H - 10} fontSize={10} textAnchor="middle" fill="#495057">
              {shortDate(p.date)}
            </text>
          </g>
        ))}
      </svg>
      <Text size="sm" fw={600} ta="center" aria-hidden>
        {title}
      </Text>
    </Box>
  );
}

/** One child's domains as small multiples (one chart per domain), with the threshold legend. */
export function BenchmarkCharts({ series, config }: { series: ChildSeries; config: BenchmarkConfig }) {
  const { t } = useTranslation();
  const domainName = useDomainName(config);
  return (
    <Box>
      <Text size="xs" c="dimmed" mb="xs">
        {t('benchmarks.chart.legend', { threshold: config.scale.closureThreshold })}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 3 }} spacing="md" data-testid="benchmark-charts">
        {config.domains.map((d) => (
          <DomainChart key={d.code} title={domainName(d.code)} points={series.domains.find((x) => x.domain === d.code)?.points ?? []} config={config} />
        ))}
      </SimpleGrid>
    </Box>
  );
}

/** The same data as a table: a row per domain, a column per date the scores were taken. */
export function BenchmarkTable({ series, config }: { series: ChildSeries; config: BenchmarkConfig }) {
  const { t } = useTranslation();
  const domainName = useDomainName(config);
  const columns = [...new Map(series.domains.flatMap((d) => d.points).map((p) => [`${p.date}|${p.occasion}`, p])).values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return (
    <Box className="table-scroll">
      <Table verticalSpacing="xs" withTableBorder>
        <Table.Caption style={{ textAlign: 'left', captionSide: 'top' }}>{t('benchmarks.table.caption', { name: series.child.name, threshold: config.scale.closureThreshold })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('benchmarks.table.domain')}</Table.Th>
            {columns.map((c) => (
              <Table.Th scope="col" key={`${c.date}|${c.occasion}`}>
                {formatDate(c.date)}
                <Text size="xs" c="dimmed" component="span" display="block">
                  {t(`benchmarks.occasion.${c.occasion}`)}
                </Text>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {config.domains.map((d) => {
            const points = series.domains.find((x) => x.domain === d.code)?.points ?? [];
            return (
              <Table.Tr key={d.code}>
                <Table.Th scope="row" fw={500}>
                  {domainName(d.code)}
                </Table.Th>
                {columns.map((c) => {
                  const p = points.find((x) => x.date === c.date && x.occasion === c.occasion);
                  return (
                    <Table.Td key={`${c.date}|${c.occasion}`}>
                      {p ? (
                        <>
                          <Text component="span" fw={700} size="sm">
                            {p.score}
                          </Text>
                          {p.score < config.scale.closureThreshold && (
                            <Text component="span" size="xs" c="red.9">
                              {' '}
                              {t('benchmarks.table.below')}
                            </Text>
                          )}
                        </>
                      ) : (
                        t('common.none')
                      )}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Box>
  );
}

/** CSV of one child's series (the table behind the picture, downloadable — UX principle 7). */
export function seriesCsv(series: ChildSeries, config: BenchmarkConfig, domainName: (code: string) => string): string {
  const dates = [...new Set(series.domains.flatMap((d) => d.points.map((p) => `${p.date}|${p.occasion}`)))].sort();
  const esc = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const header = ['domain', ...dates.map((k) => k.replace('|', ' '))].map(esc).join(';');
  const rows = config.domains.map((d) => {
    const points = series.domains.find((x) => x.domain === d.code)?.points ?? [];
    return [esc(domainName(d.code)), ...dates.map((k) => String(points.find((p) => `${p.date}|${p.occasion}` === k)?.score ?? ''))].join(';');
  });
  return [header, ...rows].join('\r\n');
}
