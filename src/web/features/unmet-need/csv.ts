/** One CSV cell: quoted when it holds the separator, a quote or a line break; quotes doubled (RFC 4180). */
function cell(value: string | number, separator: string): string {
  const s = String(value);
  return /["\r\n]/.test(s) || s.includes(separator) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * A table as CSV text for spreadsheets: a byte-order mark so that Excel reads UTF-8 Cyrillic, `;` between cells (the
 * list separator of the Ukrainian locale), CRLF line ends.
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>, separator = ';'): string {
  const lines = [header, ...rows].map((r) => r.map((v) => cell(v, separator)).join(separator));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Offers the text as a file download in the browser. */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
