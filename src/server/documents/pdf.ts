import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { Column, Content, ContentTable, CustomTableLayout, Node, StyleDictionary, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { formatShortName } from '#domain/persons/person-name.ts';
import { commonUk } from './labels-uk.ts';

// pdfmake's bundled Roboto covers Cyrillic (incl. Ґ, Є, І, Ї and the apostrophe), so Ukrainian prints as typed.
// The fonts are read from node_modules on disk; every network fetch and any other local file are refused.
const require = createRequire(import.meta.url);
const robotoDir = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');

pdfmake.setFonts({
  Roboto: {
    normal: path.join(robotoDir, 'Roboto-Regular.ttf'),
    bold: path.join(robotoDir, 'Roboto-Medium.ttf'),
    italics: path.join(robotoDir, 'Roboto-Italic.ttf'),
    bolditalics: path.join(robotoDir, 'Roboto-MediumItalic.ttf'),
  },
});
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(robotoDir + path.sep));

const mm = (millimetres: number): number => (millimetres * 72) / 25.4;

// Margins of Ukrainian organisational documents (DSTU 4163:2020): left 30 mm, right 10 mm, top and bottom 20 mm;
// the right one is 15 mm here so tables do not run to the edge of a home printer's unprintable strip.
const margins: [number, number, number, number] = [mm(30), mm(20), mm(15), mm(20)];

/** A statutory form ready to print: its body and metadata; page, fonts, header and footer are the same for all forms. */
export type PrintableDocument = {
  /** Document title (also the PDF metadata title). */
  title: string;
  /** Short text repeated at the top of every page, e.g. the case number. */
  runningHead: string;
  /** The body in pdfmake's content language, built with the helpers below. */
  content: Content[];
  /** When the document is produced (printed in the footer and the metadata). */
  generatedAt: Date;
  /** A draft is marked across every page so it is not mistaken for the signed act. */
  isDraft?: boolean;
};

const styles: StyleDictionary = {
  formSource: { fontSize: 8, color: '#444444', alignment: 'right', italics: true },
  title: { fontSize: 13, bold: true, alignment: 'center', lineHeight: 1.15 },
  subtitle: { fontSize: 10.5, alignment: 'center', margin: [0, 4, 0, 0] },
  section: { fontSize: 11, bold: true, margin: [0, 12, 0, 5] },
  subsection: { fontSize: 10.5, bold: true, margin: [0, 8, 0, 4] },
  label: { fontSize: 9, color: '#333333' },
  value: { fontSize: 10 },
  tableHeader: { fontSize: 8.5, bold: true },
  tableCell: { fontSize: 9 },
  blockLabel: { fontSize: 9.5, bold: true, margin: [0, 6, 0, 2] },
  blockText: { fontSize: 10, lineHeight: 1.15 },
  caption: { fontSize: 7.5, color: '#444444', alignment: 'center' },
  small: { fontSize: 8, color: '#444444' },
  running: { fontSize: 8, color: '#444444' },
};

// Style name of the running header and footer, so the page-break rule can tell them from the body.
const running = 'running';

/** Thin dark-grey grid for the form's tables; prints well in black and white. */
export const gridLayout: CustomTableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => '#555555',
  vLineColor: () => '#555555',
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

/** Light grey of label cells and table headers (prints as a faint tint in black and white). */
export const shade = '#eeeeee';

// Text, lines and pictures of the body; containers (tables, columns) and the running header and footer do not count.
const isBodyLeaf = (n: Node): boolean => n.style !== running && (n.text !== undefined || n.canvas !== undefined || n.image !== undefined);

/** Builds the complete pdfmake definition of a form: A4, margins, metadata (language uk), running header and page numbers. */
export function toDocumentDefinition(doc: PrintableDocument): TDocumentDefinitions {
  const generated = formatDateTimeUk(doc.generatedAt);
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: margins,
    language: 'uk',
    displayTitle: true,
    info: { title: doc.title, subject: doc.runningHead, creator: 'Rodyna', producer: 'Rodyna (pdfmake)', creationDate: doc.generatedAt, modDate: doc.generatedAt },
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.1 },
    styles,
    ...(doc.isDraft ? { watermark: { text: commonUk.draft, color: '#9a9a9a', opacity: 0.15, bold: true, fontSize: 90 } } : {}),
    header: (currentPage) =>
      currentPage === 1 ? null : { text: doc.runningHead, style: running, alignment: 'right', margin: [margins[0], mm(10), margins[2], 0] },
    footer: (currentPage, pageCount) => ({
      style: running,
      margin: [margins[0], mm(7), margins[2], 0],
      columns: [
        { text: commonUk.generatedBy(generated), style: running },
        { text: commonUk.page(currentPage, pageCount), style: running, alignment: 'right', width: 'auto' },
      ],
    }),
    content: doc.content,
    // A heading never ends a page: when it sits at the very bottom or no body text follows it there, it moves on.
    // (The position check is needed because pdfmake reports rows kept whole by `dontBreakRows` on their first page.)
    pageBreakBefore: (node, nodes) => node.headlineLevel !== undefined && ((node.startPosition.verticalRatio ?? 0) > 0.9 || !nodes.getFollowingNodesOnPage().some(isBodyLeaf)),
  };
}

/** Renders a form to PDF bytes on the server (no network, fonts from disk). */
export async function renderPdf(doc: PrintableDocument): Promise<Buffer> {
  return pdfmake.createPdf(toDocumentDefinition(doc)).getBuffer();
}

/** A calendar date `YYYY-MM-DD` as Ukrainian documents write it: дд.мм.рррр; empty stays empty. */
export function formatDateUk(isoDate: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate ?? '');
  return m ? `${m[3]}.${m[2]}.${m[1]}` : '';
}

const kyivParts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Kyiv', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** An instant as Kyiv local date and time: дд.мм.рррр гг:хх (the calendar of the documents is Europe/Kyiv). */
export function formatDateTimeUk(instant: Date | string): string {
  const parts = Object.fromEntries(kyivParts.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return `${parts.day}.${parts.month}.${parts.year} ${parts.hour}:${parts.minute}`;
}

/** Text or the dash the forms use for "nothing stated". */
export function orDash(value: string | null | undefined): string {
  const v = (value ?? '').trim();
  return v.length > 0 ? v : commonUk.none;
}

/** The top of a form: the legal source line, the title and optional subtitle lines. */
export function formHeading(formSource: string, title: string, subtitles: string[] = []): Content[] {
  return [
    { text: formSource, style: 'formSource', margin: [0, 0, 0, 10] },
    { text: title, style: 'title' },
    ...subtitles.map((s): Content => ({ text: s, style: 'subtitle' })),
    { text: '', margin: [0, 0, 0, 4] },
  ];
}

/** A numbered section heading. */
export function sectionHeading(text: string): Content {
  return { text, style: 'section', headlineLevel: 1 };
}

/** A heading inside a section (a child, an adult). */
export function subsectionHeading(text: string): Content {
  return { text, style: 'subsection', headlineLevel: 2 };
}

// pdfmake cannot split a row kept whole across pages and silently drops what does not fit on one page,
// so rows are kept whole only when they are surely shorter than a page (long notes may break instead).
const maxWholeRowChars = 1200;
function rowsFitOnAPage(rows: TableCell[][]): boolean {
  const textOf = (cell: unknown): string => JSON.stringify(cell ?? '');
  return rows.every((row) => row.reduce((n: number, cell) => n + textOf(cell).length, 0) < maxWholeRowChars);
}

/** Label–value rows as a two-column table; the label column is lightly shaded. */
export function fieldTable(rows: Array<[label: string, value: string | Content]>): ContentTable {
  const body = rows.map(([label, value]): TableCell[] => [
    { text: label, style: 'label', fillColor: shade },
    typeof value === 'string' ? { text: orDash(value), style: 'value' } : value,
  ]);
  return { table: { widths: ['38%', '*'], ...(rowsFitOnAPage(body) ? { dontBreakRows: true } : {}), body }, layout: gridLayout };
}

/** A data table with a shaded, repeated header row. */
export function dataTable(widths: Array<string | number>, header: string[], rows: TableCell[][]): ContentTable {
  return {
    table: {
      widths,
      headerRows: 1,
      ...(rowsFitOnAPage(rows) ? { keepWithHeaderRows: 1, dontBreakRows: true } : {}),
      body: [header.map((h): TableCell => ({ text: h, style: 'tableHeader', fillColor: shade })), ...rows],
    },
    layout: gridLayout,
  };
}

/** A labelled block of free text (description, strengths, needs), kept with its label across pages. */
export function textBlock(label: string, value: string | null | undefined): Content {
  return { stack: [{ text: label, style: 'blockLabel' }, { text: orDash(value), style: 'blockText' }], unbreakable: (value ?? '').length < 600 };
}

/** A bold label over the table or list that follows it; kept on the same page as what it introduces. */
export function blockLabel(text: string): Content {
  return { text, style: 'blockLabel', headlineLevel: 3 };
}

/** A bulleted list of labels, or the dash when empty. */
export function bulletList(items: string[]): Content {
  return items.length > 0 ? { ul: items, style: 'value', margin: [0, 0, 0, 0] } : { text: commonUk.none, style: 'value' };
}

/** "Шевченко Олексій Петрович" → "Шевченко О. П.", as the caption under a signature asks (surname and initials). */
export function shortNameOf(fullName: string): string {
  const [surname = '', givenName = '', ...rest] = fullName.trim().split(/\s+/u);
  return formatShortName({ surname, givenName, patronymic: rest.join(' ') });
}

/** Signature lines for the people who sign the form: role, a line for the signature, surname and initials, and the date. */
export function signatureBlock(signers: Array<{ role: string; name: string }>, withDate = true): Content {
  const line = (width: string | number, caption: string, text = '', length = 105): Column => ({
    width,
    stack: [
      { text: text || ' ', style: 'value', alignment: 'center', margin: [0, 14, 0, 0] },
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: length, y2: 0, lineWidth: 0.5 }], alignment: 'center' },
      { text: caption, style: 'caption' },
    ],
  });
  return {
    unbreakable: true,
    margin: [0, 16, 0, 0],
    stack: signers.map((s): Content => ({
      margin: [0, 0, 0, 8],
      columns: [
        { text: s.role, style: 'label', width: '34%', margin: [0, 16, 6, 0] },
        line('*', commonUk.signature),
        line('*', commonUk.nameAndInitials, s.name ? shortNameOf(s.name) : ''),
        ...(withDate ? [line(66, commonUk.date, '', 58)] : []),
      ],
    })),
  };
}
