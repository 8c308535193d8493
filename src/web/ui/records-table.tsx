import { Box, Table, Text, type TableProps, type TableTdProps, type TableTrProps } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';

/** One column of a records table: its header and how a row fills its cell. */
export type RecordsColumn<T> = {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Keeps the cell on one line (dates, periods, amounts). */
  nowrap?: boolean;
  style?: CSSProperties;
  className?: string;
  /** Other props of the cell (minimum width, weight…). */
  cellProps?: TableTdProps;
  /** The cell names its row: a header cell with `scope="row"`. */
  rowHeader?: boolean;
};

type Props<T> = {
  /** Names the table for screen readers (shown visually hidden). */
  caption: string;
  columns: ReadonlyArray<RecordsColumn<T> | false | null | undefined>;
  /** The records; `undefined` while they load (nothing is shown). */
  rows: readonly T[] | undefined;
  rowKey: (row: T) => string;
  /** What to say when there are no records (a text is shown as a small paragraph); nothing when omitted. */
  empty?: ReactNode;
  rowProps?: (row: T) => TableTrProps;
  /** Shown only from this breakpoint up (a card list serves narrow screens). */
  visibleFrom?: 'xs' | 'sm' | 'md' | 'lg';
  /** Shows the caption above the table instead of hiding it. */
  showCaption?: boolean;
  /** Scrolls in Mantine's scroll container below this width instead of the plain scroll wrapper. */
  minWidth?: number;
  /** Look of the table (striped, borders…). */
  tableProps?: Omit<TableProps, 'children'>;
};

const nowrapStyle: CSSProperties = { whiteSpace: 'nowrap' };

/**
 * A list of records as a table: a scrollable, keyboard-focusable wrapper, a visually hidden caption, column headers
 * with scope and one row a record; or the empty-state text when there are none.
 */
export function RecordsTable<T>({ caption, columns, rows, rowKey, empty, rowProps, visibleFrom, showCaption, minWidth, tableProps }: Props<T>) {
  if (!rows) return null;
  if (rows.length === 0) return typeof empty === 'string' ? <Text size="sm">{empty}</Text> : (empty ?? null);
  const cols = columns.filter((c): c is RecordsColumn<T> => Boolean(c));
  const table = (
    <Table verticalSpacing="xs" {...tableProps}>
      <Table.Caption {...(showCaption ? {} : { className: 'visually-hidden' })}>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          {cols.map((c) => (
            <Table.Th key={c.key} scope="col">
              {c.header}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={rowKey(row)} {...rowProps?.(row)}>
            {cols.map((c) => {
              const Cell = c.rowHeader ? Table.Th : Table.Td;
              return (
                <Cell key={c.key} {...(c.rowHeader ? { scope: 'row' } : {})} {...c.cellProps} className={c.className} style={c.nowrap ? { ...nowrapStyle, ...c.style } : c.style}>
                  {c.cell(row)}
                </Cell>
              );
            })}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  if (minWidth !== undefined) return <Table.ScrollContainer minWidth={minWidth}>{table}</Table.ScrollContainer>;
  return (
    <Box className="table-scroll" tabIndex={0} {...(visibleFrom ? { visibleFrom } : {})}>
      {table}
    </Box>
  );
}
