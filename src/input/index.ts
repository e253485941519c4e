/** Reading status histories from files, standard input or streams: formats, parsers, and the error for bad input. */

export { createCsvParser } from './csv.js';
export { type CsvSyntaxError, parseCsvFields } from './csvFields.js';
export { epochTime, type FieldNames, recordShape, TIME_UNITS, type TimeUnit } from './fields.js';
export { detectFormat, INPUT_FORMATS, type InputFormat, isInputFormat, wrongFormat } from './format.js';
export { formatLocation, InputError, type InputLocation, MAX_RECORD_LENGTH } from './inputError.js';
export { parseJsonArray } from './jsonArray.js';
export { createJsonArrayStream, type JsonArrayStream } from './jsonArrayStream.js';
export { createJsonDocumentStream, type JsonDocumentStream } from './jsonDocuments.js';
export { type JsonScan, lineColumn, scanJson } from './jsonSyntax.js';
export { createLinesParser, DEFAULT_RECORD_OPTIONS, type LineParser, type RecordOptions } from './lineParser.js';
export { LineSplitter } from './lineSplitter.js';
export { loadService, readMachineConfig, serviceFromConfig } from './loadService.js';
export { createNdjsonParser } from './ndjson.js';
export { ObservationReader, type ReadOptions, readObservations, STDIN_NAME } from './observationReader.js';
export { type History, readHistories } from './readHistories.js';
