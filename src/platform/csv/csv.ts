// CSV that Excel in es-AR opens right with a double click: UTF-8 with a BOM (or accents break), `;` between
// cells (its list separator there, since `,` is the decimal mark), CRLF between rows.

const BOM = '\uFEFF';
/** What a spreadsheet reads as the start of a formula (OWASP's list: = + - @, tab and carriage return). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: a leading ' keeps a formula as text; quoted (quotes doubled) when it holds ; " or a line break. */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(';'));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
