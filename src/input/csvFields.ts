/** Splitting one CSV line into its fields (what detecting the format needs, without the CSV reader). */

/** A CSV syntax problem: the 0-based offset in the line and what was expected there. */
export interface CsvSyntaxError {
  offset: number;
  expected: string;
}

/**
 * The fields of one CSV line, or where and why it is not valid CSV. With `starts`, the 0-based offset where each
 * field starts is pushed onto it.
 *
 * @example parseCsvFields('a,"b ""c""",d') // ['a', 'b "c"', 'd']
 */
export function parseCsvFields(line: string, starts?: number[]): string[] | CsvSyntaxError {
  if (starts === undefined && !line.includes('"')) return line.split(',');
  const fields: string[] = [];
  let pos = 0;
  for (;;) {
    starts?.push(pos);
    if (line.charCodeAt(pos) === 34) {
      const open = pos;
      let value = '';
      pos++;
      for (;;) {
        const close = line.indexOf('"', pos);
        if (close < 0)
          return { offset: open, expected: "a closing '\"' on the same line for the quoted field that starts here" };
        value += line.slice(pos, close);
        if (line.charCodeAt(close + 1) === 34) {
          value += '"';
          pos = close + 2;
          continue;
        }
        pos = close + 1;
        break;
      }
      fields.push(value);
      if (pos === line.length) return fields;
      if (line.charCodeAt(pos) !== 44)
        return { offset: pos, expected: "',' or the end of the line after a quoted field" };
      pos++;
    } else {
      const comma = line.indexOf(',', pos);
      const end = comma < 0 ? line.length : comma;
      const quote = line.indexOf('"', pos);
      if (quote >= 0 && quote < end)
        return {
          offset: quote,
          expected: "no '\"' inside an unquoted field (quote the whole field, doubling inner quotes)",
        };
      fields.push(line.slice(pos, end));
      if (comma < 0) return fields;
      pos = comma + 1;
    }
  }
}
