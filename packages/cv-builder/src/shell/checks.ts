// What "Tjek mit CV" and the fields' problems need: validation, the error summary and readable field names.
// Loaded when the citizen first leaves a field, asks for the check or exports; never needed to start typing.
import { addCheckStrings } from './check-strings.js';

addCheckStrings();

export { validateCv } from '../model/validate.js';
export { errorSummaryStyles, renderErrorSummary } from './error-summary.js';
export { fieldPlace } from './field-place.js';
