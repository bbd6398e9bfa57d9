/** Reads a time column from either database as an RFC 3339 UTC string. */
export function toIso(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

export function toIsoOrNull(value: Date | string | null): string | null {
  return value === null ? null : toIso(value);
}

export function nowIso(): string {
  return new Date().toISOString();
}
