/**
 * One CSV line's fields, as the attempts log writes and reads them: split (quoted fields may hold
 * commas and doubled quotes), quoted only when needed, and guarded against being run as a
 * spreadsheet formula. The log's columns and rows are attempts-csv.ts.
 */
/**
 * Fields of one line. Quoted fields may hold commas and doubled quotes, but not line breaks.
 * Returns the 1-based column of an unterminated quote instead.
 */
export function splitCsvLine(line: string): string[] | { unterminated: number } {
  if (!line.includes('"')) return line.split(',');
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = line.indexOf('"', j);
        if (q < 0) return { unterminated: fields.length + 1 };
        value += line.slice(j, q);
        if (line[q + 1] === '"') {
          value += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      const comma = line.indexOf(',', j);
      fields.push(value + line.slice(j, comma < 0 ? undefined : comma));
      if (comma < 0) return fields;
      i = comma + 1;
    } else {
      const comma = line.indexOf(',', i);
      fields.push(line.slice(i, comma < 0 ? undefined : comma));
      if (comma < 0) return fields;
      i = comma + 1;
    }
  }
}

/** A field for a CSV line, quoted only when it has to be. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * A spreadsheet runs a cell that starts with =, +, -, @, a tab or a carriage return as a formula,
 * and an exported learner name is whatever the learner typed. Such a text cell is written with a
 * leading ', the guard reports/csv.ts writes (papaparse's escapeFormulae); a cell that already
 * starts with ' before one of those gets one more, so reading drops exactly one and every text
 * comes back as it was written.
 */
const FORMULA = /^'*[=+\-@\t\r]/;
const GUARDED = /^'+[=+\-@\t\r]/;

export function guardFormula(value: string): string {
  return FORMULA.test(value) ? `'${value}` : value;
}

export function unguardFormula(value: string): string {
  return GUARDED.test(value) ? value.slice(1) : value;
}
