// What "Tjek mit CV" and the fields' problems need: validation, the error summary and readable field names.
// Loaded when the citizen first leaves a field, asks for the check or exports; never needed to start typing.
export { validateCv } from '../model/validate.js';
export { renderErrorSummary } from './error-summary.js';
export { fieldPlace } from './field-place.js';
