// `@jobunivers/cv-builder/model`: the CV model and its logic, without any DOM — for the widget, the viewer, the
// server's tests and vendors who want to read or write our JSON Resume files.
export * from './cv.js';
export * from './json-resume.js';
export { IMPORT_MAX_CHARACTERS } from './import.js';
export * from './validate.js';
export * from './completeness.js';
export * from './compare.js';
export { isCountryCode, isEmail, isPhone, isWebAddress } from './formats.js';
