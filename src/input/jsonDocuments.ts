/**
 * `createJsonDocumentStream`: a sequence of JSON documents read line by line: one pretty-printed object, several
 * concatenated documents (as `jq` writes them), or one per line. Each document is found by tracking strings and
 * nesting, then parsed by `JSON.parse`; a malformed one is located by `scanJson`, so errors name the line and column
 * in the input. Memory holds one document at a time.
 */
import { InputError } from './inputError.js';
import { lineColumn, scanJson } from './jsonSyntax.js';

/** Reads JSON documents given line by line. */
export interface JsonDocumentStream {
  /** Read one more line (without its ending; `line` is its 1-based number); completed documents are handed on. */
  line(text: string, line: number): void;
  /** The input has ended: throws an {@link InputError} when a document is not complete. */
  end(): void;
}

/**
 * A reader of JSON documents (objects or arrays) that calls `onDocument` with each parsed document and the line and
 * column where it starts.
 *
 * @example
 * const docs = []; const stream = createJsonDocumentStream('polls.json', (value) => docs.push(value));
 * stream.line('{"a":1}{"a":', 1); stream.line('2}', 2); stream.end(); // docs: [{ a: 1 }, { a: 2 }]
 */
export function createJsonDocumentStream(
  file: string,
  onDocument: (value: unknown, line: number, column: number) => void,
): JsonDocumentStream {
  let depth = 0; // 0: between documents
  let inString = false;
  let escaped = false;
  let pieces: string[] = [];
  let startLine = 0;
  let startColumn = 0;

  const fail = (expected: string, line: number, column: number): never => {
    throw new InputError(`invalid JSON: expected ${expected}`, { file, line, column });
  };

  const finish = (text: string, end: number): void => {
    const document =
      pieces.length === 0 ? text.slice(startColumn - 1, end) : [...pieces, text.slice(0, end)].join('\n');
    pieces = [];
    let value: unknown;
    try {
      value = JSON.parse(document);
    } catch {
      locate(document);
    }
    onDocument(value, startLine, startColumn);
  };

  const locate = (document: string): never => {
    const scan = scanJson(document);
    const offset = scan.ok ? document.length : scan.offset;
    const at = lineColumn(document, offset);
    return fail(
      scan.ok ? 'a complete JSON document' : scan.expected,
      startLine + at.line - 1,
      at.line === 1 ? startColumn + at.column - 1 : at.column,
    );
  };

  return {
    line(text, line) {
      let from = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (depth === 0) {
          if (c === 32 || c === 9 || c === 13) continue;
          if (c !== 123 && c !== 91) fail('a JSON object or array (the start of a document)', line, i + 1);
          depth = 1;
          startLine = line;
          startColumn = i + 1;
          from = i;
          inString = false;
          escaped = false;
          continue;
        }
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 92) escaped = true;
          else if (c === 34) inString = false;
        } else if (c === 34) {
          inString = true;
        } else if (c === 123 || c === 91) {
          depth++;
        } else if (c === 125 || c === 93) {
          depth--;
          if (depth === 0) finish(text, i + 1);
        }
      }
      if (depth > 0) pieces.push(startLine === line ? text.slice(from) : text);
    },
    end() {
      if (depth === 0) return;
      locate(pieces.join('\n'));
    },
  };
}
