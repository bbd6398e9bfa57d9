// The formats a CV's fields are checked against. One definition each, shared by the editor's validation
// (`validateCv`) and the JSON Resume export, so a value the editor accepts is one the official schema accepts.

const PERCENT_ENCODED = '%[0-9A-Fa-f]{2}';
/** RFC 3986 unreserved characters and sub-delimiters. */
const PLAIN = "A-Za-z0-9\\-._~!$&'()*+,;=";
const USER_INFO = `(?:(?:[${PLAIN}:]|${PERCENT_ENCODED})*@)?`;
const HOST = `(?:[${PLAIN}]|${PERCENT_ENCODED})+`;
const PORT = '(?::[0-9]*)?';
const PATH = `(?:/(?:[${PLAIN}:@]|${PERCENT_ENCODED})*)*`;
const QUERY_OR_FRAGMENT = `(?:[${PLAIN}:@/?]|${PERCENT_ENCODED})*`;
/** An absolute http(s) URI in RFC 3986 syntax: ASCII only, no spaces, at most one `#`. */
const WEB_ADDRESS = new RegExp(`^https?://${USER_INFO}${HOST}${PORT}${PATH}(?:\\?${QUERY_OR_FRAGMENT})?(?:#${QUERY_OR_FRAGMENT})?$`, 'i');

/**
 * A web address a CV may link to: `http:` or `https:`, absolute, with a host, written as RFC 3986 allows
 * (so JSON Resume's `format: uri` accepts it). `www.eksempel.dk` (no scheme), `javascript:…` and addresses
 * with spaces or non-ASCII letters are not.
 */
export function isWebAddress(value: string): boolean {
  if (!WEB_ADDRESS.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const ATOM = "A-Za-z0-9!#$%&'*+/=?^_`{|}~\\-";
const DOMAIN_LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const EMAIL = new RegExp(`^[${ATOM}]+(?:\\.[${ATOM}]+)*@(?:${DOMAIN_LABEL}\\.)+${DOMAIN_LABEL}$`);

/** An e-mail address as JSON Resume's `format: email` accepts it: `navn@eksempel.dk`. */
export const isEmail = (value: string): boolean => EMAIL.test(value);

/** A phone number: digits with the usual separators (`+45 20 00 00 01`, `(912) 555-4321`), at least 6 digits. */
export const isPhone = (value: string): boolean => /^[+\d\s().\-/]+$/.test(value) && (value.match(/\d/g)?.length ?? 0) >= 6;

/** ISO 3166-1 alpha-2 (`DK`). */
export const isCountryCode = (value: string): boolean => /^[A-Z]{2}$/.test(value);

/** A month JSON Resume accepts: `YYYY-MM`, a year from 1000 to 2999 (its `iso8601` pattern) and a real month. */
export const isJsonResumeMonth = (value: string): boolean => /^[12]\d{3}-(0[1-9]|1[0-2])$/.test(value);

/** A year alone (`2014`): JSON Resume accepts it; the editor asks for the month too. */
export const isYearOnly = (value: string): boolean => /^[12]\d{3}$/.test(value);

/** A whole date (`2014-06-29`): JSON Resume accepts it; the CV keeps the month (and the day in `extra`). */
export const isFullDate = (value: string): boolean => /^[12]\d{3}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(value);

/** The dates the export writes into JSON Resume's standard date fields; anything else is kept under `x-jobunivers`. */
export const isStandardDate = (value: string): boolean => isJsonResumeMonth(value) || isYearOnly(value);
