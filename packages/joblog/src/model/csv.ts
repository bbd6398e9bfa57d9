// The joblog's CSV files: the format (csv-format.ts), writing (csv-export.ts), reading rows (csv-parse.ts) and
// importing them as entries (csv-import.ts). Import the part you need to keep a lazily loaded chunk small.
export * from './csv-format.js';
export * from './csv-export.js';
export * from './csv-parse.js';
export * from './csv-import.js';
