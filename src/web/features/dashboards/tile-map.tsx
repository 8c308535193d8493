import { Box, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useId, useState } from 'react';
import './dashboards.css';
import { useTranslation } from 'react-i18next';
import type { DashboardMapData } from './dashboards.api.ts';
import { formatFigure } from './figures.ts';
import { colourClass, gridSize, placeOnGrid, scaleBreaks, scaleColours } from './oblast-grid.ts';

type Tile = DashboardMapData['groups'][number]['tiles'][number];

const TILE = 64;

function useScale(tiles: Tile[]) {
  const values = tiles.map((t) => t.cell.value).filter((v): v is number => v !== null && Number.isFinite(v));
  const min = values.length ? Math.min(...values) : 0;
  const max = values.length ? Math.max(...values) : 0;
  return { min, max, classOf: (t: Tile) => colourClass(t.cell.suppressed ? null : t.cell.value, min, max), hasValues: values.length > 0 };
}

const hatched = 'repeating-linear-gradient(45deg, #f1f3f5, #f1f3f5 6px, #dee2e6 6px, #dee2e6 12px)';

/** One clickable tile: colour by class, short label and value; its accessible name says the whole name and the value. */
function TileLink({ tile, short, classIndex, unit, period, code, testId, width = TILE }: { tile: Tile; short: string; classIndex: number | null; unit: DashboardMapData['unit']; period: string; code: string; testId: string; width?: number }) {
  const { t, i18n } = useTranslation();
  const name = i18n.language === 'en' ? tile.nameEn : tile.nameUk;
  const figure = formatFigure(tile.cell, unit, i18n.language);
  const colour = classIndex === null ? null : scaleColours[classIndex];
  return (
    <Link
      to="/dashboards"
      search={{ territoryId: tile.territoryId, period, code }}
      className="map-tile"
      data-testid={testId}
      aria-label={t('dashboards.map.tileLabel', { name, value: figure })}
      title={`${name}: ${figure}`}
      style={{
        width,
        height: TILE,
        background: colour ? colour.fill : hatched,
        color: colour ? colour.text : '#212529',
      }}
    >
      <span aria-hidden style={{ fontSize: 11, lineHeight: 1.1, overflow: 'hidden', maxWidth: width - 6, textAlign: 'center', overflowWrap: 'anywhere' }}>{short}</span>
      <span aria-hidden style={{ fontSize: 14, fontWeight: 700 }}>{figure}</span>
    </Link>
  );
}

function Legend({ min, max, unit, hasValues }: { min: number; max: number; unit: DashboardMapData['unit']; hasValues: boolean }) {
  const { t, i18n } = useTranslation();
  const fmt = (v: number) => formatFigure({ value: Math.round(v * 10) / 10, suppressed: false }, unit, i18n.language);
  return (
    <Group gap="xs" wrap="wrap" aria-label={t('dashboards.map.legend')} role="group">
      <Text size="xs" fw={600}>
        {t('dashboards.map.legend')}:
      </Text>
      {hasValues &&
        scaleBreaks(min, max).map((b, i) => (
          <Group key={i} gap={4} wrap="nowrap">
            <Box w={16} h={16} style={{ background: scaleColours[i]?.fill, border: '1px solid #868e96' }} aria-hidden />
            <Text size="xs">
              {fmt(b.from)}–{fmt(b.to)}
            </Text>
          </Group>
        ))}
      <Group gap={4} wrap="nowrap">
        <Box w={16} h={16} style={{ background: hatched, border: '1px solid #868e96' }} aria-hidden />
        <Text size="xs">{t('dashboards.map.noFigure')}</Text>
      </Group>
    </Group>
  );
}

function MapTable({ map }: { map: DashboardMapData }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <Box className="table-scroll">
      <Table withTableBorder verticalSpacing={4}>
        <Table.Caption style={{ textAlign: 'left', captionSide: 'top' }}>{t('dashboards.map.tableCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {map.level === 'hromada' && <Table.Th scope="col">{t('dashboards.map.rayon')}</Table.Th>}
            <Table.Th scope="col">{map.level === 'oblast' ? t('dashboards.map.oblast') : t('dashboards.map.hromada')}</Table.Th>
            <Table.Th scope="col">{t('dashboards.table.value')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {map.groups.flatMap((g) =>
            g.tiles.map((tile) => (
              <Table.Tr key={tile.territoryId}>
                {map.level === 'hromada' && <Table.Td>{en ? g.nameEn : g.nameUk}</Table.Td>}
                <Table.Th scope="row" fw={500}>
                  {en ? tile.nameEn : tile.nameUk}
                </Table.Th>
                <Table.Td>{formatFigure(tile.cell, map.unit, i18n.language)}</Table.Td>
              </Table.Tr>
            )),
          )}
        </Table.Tbody>
      </Table>
    </Box>
  );
}

/** The schematic map: oblast tiles at their approximate places, or the hromadas of an oblast grouped by rayon; "show as table" beside it. */
export function TileMap({ map, period }: { map: DashboardMapData; period: string }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const [asTable, setAsTable] = useState(false);
  const en = i18n.language === 'en';
  const allTiles = map.groups.flatMap((g) => g.tiles);
  const scale = useScale(allTiles);
  if (map.level === 'none') return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h4" id={headingId}>
          {map.level === 'oblast' ? t('dashboards.map.oblastsHeading') : t('dashboards.map.hromadasHeading')}
        </Title>
        <Button variant="subtle" size="compact-sm" onClick={() => setAsTable((v) => !v)} aria-pressed={asTable}>
          {asTable ? t('dashboards.showAsPicture') : t('dashboards.showAsTable')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {map.level === 'oblast' ? t('dashboards.map.schematic') : t('dashboards.map.schematicHromadas')}
      </Text>
      {asTable ? (
        <MapTable map={map} />
      ) : map.level === 'oblast' ? (
        <OblastGrid map={map} period={period} scale={scale} />
      ) : (
        <Stack gap="sm" data-testid="hromada-map">
          {map.groups.map((g) => (
            <Box key={g.id ?? 'all'}>
              <Text size="sm" fw={600} mb={4}>
                {en ? g.nameEn : g.nameUk}
              </Text>
              {g.restricted ? (
                <Text size="xs" c="dimmed">
                  {t('dashboards.map.restricted')}
                </Text>
              ) : g.tiles.length === 0 ? (
                <Text size="xs" c="dimmed">
                  {t('dashboards.map.empty')}
                </Text>
              ) : (
                <Group gap={4} wrap="wrap">
                  {g.tiles.map((tile) => (
                    <TileLink key={tile.territoryId} tile={tile} short={shortHromada(en ? tile.nameEn : tile.nameUk)} classIndex={scale.classOf(tile)} unit={map.unit} period={period} code={map.code} testId={`map-tile-${tile.territoryId}`} width={TILE * 1.75} />
                  ))}
                </Group>
              )}
            </Box>
          ))}
        </Stack>
      )}
      {!asTable && <Legend min={scale.min} max={scale.max} unit={map.unit} hasValues={scale.hasValues} />}
    </Stack>
  );
}

/** "Бучанська міська територіальна громада" → "Бучанська". */
function shortHromada(name: string): string {
  return name.split(/\s+/)[0] ?? name;
}

function OblastGrid({ map, period, scale }: { map: DashboardMapData; period: string; scale: ReturnType<typeof useScale> }) {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  const tiles = map.groups.flatMap((g) => g.tiles);
  const { placed, unplaced } = placeOnGrid(tiles);
  return (
    <Box data-testid="oblast-map" style={{ overflowX: 'auto' }}>
      <Box style={{ display: 'grid', gridTemplateColumns: `repeat(${gridSize.cols}, ${TILE}px)`, gridTemplateRows: `repeat(${gridSize.rows}, ${TILE}px)`, gap: 4, width: 'max-content' }}>
        {placed.map(({ cell, item }) => (
          <Box key={cell.key} style={{ gridColumn: cell.col + 1, gridRow: cell.row + 1 }}>
            {item ? (
              <TileLink tile={item} short={en ? cell.shortEn : cell.shortUk} classIndex={scale.classOf(item)} unit={map.unit} period={period} code={map.code} testId={`map-tile-${item.territoryId}`} />
            ) : (
              <Box className="map-tile map-tile-empty" aria-hidden style={{ width: TILE, height: TILE }}>
                <span style={{ fontSize: 11 }}>{en ? cell.shortEn : cell.shortUk}</span>
              </Box>
            )}
          </Box>
        ))}
      </Box>
      {unplaced.length > 0 && (
        <Group gap={4} mt={4} wrap="wrap">
          {unplaced.map((tile) => (
            <TileLink key={tile.territoryId} tile={tile} short={(en ? tile.nameEn : tile.nameUk).slice(0, 6)} classIndex={scale.classOf(tile)} unit={map.unit} period={period} code={map.code} testId={`map-tile-${tile.territoryId}`} />
          ))}
        </Group>
      )}
    </Box>
  );
}
