// Every link in the preview is built here and passes `safeUrl()`: what the citizen typed (or an imported file
// held) becomes a link only when it is http(s), mailto or tel; anything else is shown as plain text.
import { html } from '../lit.js';
import type { TemplateResult } from 'lit';
import { safeUrl } from '@jobunivers/core';

const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;
const PHONE = /^\+?[\d\s().-]{3,}$/;
const HAS_SCHEME = /^[a-z][a-z\d+.-]*:/i;
const BARE_DOMAIN = /^[\p{L}\d-]+(\.[\p{L}\d-]+)+([/?#]\S*)?$/u;

/** `mailto:` for something that looks like one e-mail address. */
export const emailHref = (email: string): string | undefined =>
  EMAIL.test(email.trim()) ? safeUrl(`mailto:${email.trim()}`) : undefined;

/** `tel:` with the digits (and a leading +) of something that looks like a phone number. */
export function phoneHref(phone: string): string | undefined {
  const trimmed = phone.trim();
  if (!PHONE.test(trimmed)) return undefined;
  const digits = trimmed.replace(/(?!^\+)[^\d]/g, '');
  return /\d{3,}/.test(digits) ? safeUrl(`tel:${digits}`) : undefined;
}

/**
 * A web address as typed: "https://…" as it is, "anna.dk/portfolio" as https. Relative paths are refused (they
 * would point into the page showing the CV), and so is every scheme `safeUrl()` does not allow.
 */
export function webHref(url: string): string | undefined {
  const trimmed = url.trim();
  if (trimmed === '') return undefined;
  if (HAS_SCHEME.test(trimmed)) return /^(https?|mailto):/i.test(trimmed) ? safeUrl(trimmed) : undefined;
  return BARE_DOMAIN.test(trimmed) ? safeUrl(`https://${trimmed}`) : undefined;
}

/** An e-mail address or a phone number (a reference's "contact"), linked when it is clearly one of them. */
export const contactHref = (contact: string): string | undefined => emailHref(contact) ?? phoneHref(contact);

/** The text as a link when `href` is safe, else as plain text. `rel=noreferrer`: the page showing a CV stays private. */
export const link = (text: string, href: string | undefined): TemplateResult =>
  href === undefined ? html`<span class="link-text">${text}</span>` : html`<a href=${href} rel="noreferrer">${text}</a>`;
