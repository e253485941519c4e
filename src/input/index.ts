/** Reading status histories from files, standard input or streams: formats, parsers, and the error for bad input. */
export { InputError, formatLocation, type InputLocation } from './inputError.js';
export { INPUT_FORMATS, detectFormat, isInputFormat, type InputFormat } from './format.js';
export { ObservationReader, readObservations, STDIN_NAME, type ReadOptions } from './observationReader.js';
export { readHistories, type History } from './readHistories.js';
export { parseJsonArray } from './jsonArray.js';
export { createJsonArrayStream, type JsonArrayStream } from './jsonArrayStream.js';
export { parseCsvFields, createCsvParser, type CsvSyntaxError } from './csv.js';
export { createNdjsonParser } from './ndjson.js';
export { createLinesParser } from './plainLines.js';
export type { LineParser } from './lineParser.js';
export { LineSplitter } from './lineSplitter.js';
export { scanJson, lineColumn, type JsonScan } from './jsonSyntax.js';
