import { css } from '../lit.js';

/**
 * The CV's look on screen and on paper. Everything is scoped under `.cv`, so a host (the builder's shell, the
 * caseworker's viewer) adds it to its own styles. On screen it follows the widget's theme; in print it is black on
 * white, A4-sized text, links without underline, and an item is never split over two pages.
 *
 * A host that prints must also (see docs/widgets/cv-builder.md "Print"): hide its own chrome in `@media print`, and
 * size the page, which a shadow root cannot do — `isolateForPrint()` from ./print.ts does both for the page around
 * the widget (`@page { size: A4; margin: 16mm 15mm }`).
 */
export const previewStyles = css`
  .cv {
    --_ju-cv-accent: var(--ju-cv-accent, var(--_ju-color-primary));
    --_ju-cv-rule: var(--_ju-color-border-subtle);
    container-type: inline-size;
    max-width: var(--ju-cv-max-width, 50rem);
    padding: var(--_ju-space-l);
    border: 1px solid var(--_ju-cv-rule);
    border-radius: var(--_ju-radius);
    background: var(--_ju-color-surface);
    color: var(--_ju-color-text);
    line-height: 1.45;
  }

  /* The citizen's text may be in any script: each block takes its direction from its own first letters. */
  .cv :is(h2, h3, h4, h5, h6, p, li, dt, dd, blockquote, th, td) {
    unicode-bidi: plaintext;
  }

  .cv :is(h2, h3, h4, h5, h6) {
    margin: 0;
    line-height: 1.2;
  }

  .cv p,
  .cv dl,
  .cv ul,
  .cv blockquote {
    margin: 0;
  }

  .cv-header {
    padding-block-end: var(--_ju-space-m);
    border-block-end: 2px solid var(--_ju-cv-accent);
  }

  .cv-name {
    font-size: 1.75em;
    overflow-wrap: anywhere;
  }

  .cv-name:focus {
    outline: none;
  }

  .cv-name:focus-visible {
    outline: var(--_ju-focus-width) solid var(--_ju-focus-color);
  }

  .cv-headline {
    margin-block-start: var(--_ju-space-xs);
    font-size: 1.125em;
    color: var(--_ju-color-text-subtle);
  }

  .cv-contact {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_ju-space-xs) var(--_ju-space-l);
    margin-block-start: var(--_ju-space-s);
  }

  .cv-empty {
    margin-block-start: var(--_ju-space-m);
    color: var(--_ju-color-text-subtle);
  }

  .cv-section {
    margin-block-start: var(--_ju-space-l);
  }

  .cv-section-heading {
    margin-block-end: var(--_ju-space-s);
    padding-block-end: var(--_ju-space-xs);
    border-block-end: 1px solid var(--_ju-cv-rule);
    font-size: 1.125em;
    color: var(--_ju-cv-accent);
  }

  .pair {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_ju-space-s);
  }

  .pair dt {
    font-weight: var(--_ju-font-weight-bold);
  }

  .pair dt::after {
    content: ':';
  }

  .pair dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  .pairs {
    display: grid;
    gap: var(--_ju-space-xs);
  }

  .items,
  .list,
  .inline-list {
    padding: 0;
    list-style: none;
  }

  .inline-list {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0 var(--_ju-space-m);
  }

  .items {
    display: grid;
    gap: var(--_ju-space-m);
  }

  .list {
    display: grid;
    gap: var(--_ju-space-xs);
  }

  .item {
    display: grid;
    gap: var(--_ju-space-xs);
  }

  .item-header {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 var(--_ju-space-m);
  }

  .item-heading {
    font-size: 1em;
  }

  .item-subtitle,
  .item-meta,
  .period,
  .note,
  .keywords {
    color: var(--_ju-color-text-subtle);
  }

  .period {
    white-space: nowrap;
  }

  .note {
    margin-block-start: var(--_ju-space-s);
    font-size: var(--_ju-font-size-small);
  }

  .text {
    white-space: pre-line;
  }

  blockquote.text {
    padding-inline-start: var(--_ju-space-s);
    border-inline-start: 3px solid var(--_ju-cv-rule);
    font-style: italic;
  }

  .bullets {
    padding-inline-start: 1.25em;
    list-style: disc;
  }

  .name {
    font-weight: var(--_ju-font-weight-bold);
  }

  .keywords {
    display: block;
  }

  .cv a {
    color: var(--_ju-color-primary);
    text-underline-offset: 0.15em;
    overflow-wrap: anywhere;
  }

  .link-text {
    overflow-wrap: anywhere;
  }

  .table-scroll {
    max-width: 100%;
    margin-block-start: var(--_ju-space-s);
    overflow-x: auto;
  }

  .cefr {
    border-collapse: collapse;
    text-align: start;
  }

  .cefr caption {
    text-align: start;
    font-weight: var(--_ju-font-weight-bold);
    padding-block-end: var(--_ju-space-xs);
  }

  .cefr :is(th, td) {
    padding: var(--_ju-space-xs) var(--_ju-space-s);
    border: 1px solid var(--_ju-cv-rule);
    text-align: start;
    vertical-align: top;
  }

  .cefr td {
    text-align: center;
  }

  @container (max-width: 30rem) {
    .cv-contact {
      display: grid;
    }

    .item-header {
      flex-direction: column;
    }
  }

  @media (max-width: 30rem) {
    .cv {
      padding: var(--_ju-space-m);
    }
  }

  @media (forced-colors: active) {
    .cv,
    .cefr :is(th, td) {
      border-color: CanvasText;
    }

    .cv-header,
    .cv-section-heading {
      border-color: CanvasText;
    }

    .cv-section-heading {
      color: CanvasText;
    }
  }

  @media print {
    .cv {
      max-width: none;
      padding: 0;
      border: 0;
      border-radius: 0;
      background: #ffffff;
      color: #000000;
      font-size: 10.5pt;
      line-height: 1.35;
    }

    .cv-name {
      font-size: 20pt;
    }

    .cv-section-heading {
      font-size: 12pt;
      color: #000000;
      break-after: avoid;
      page-break-after: avoid;
    }

    .cv-header,
    .cv-section-heading,
    .cefr :is(th, td) {
      border-color: #000000;
    }

    .cv-headline,
    .item-subtitle,
    .item-meta,
    .period,
    .note,
    .keywords {
      color: #333333;
    }

    .cv a {
      color: inherit;
      text-decoration: none;
    }

    .item,
    .pair,
    .list > li,
    .cefr tr,
    blockquote {
      break-inside: avoid;
      page-break-inside: avoid;
    }

    .item-heading {
      break-after: avoid;
      page-break-after: avoid;
    }

    .table-scroll {
      overflow: visible;
    }
  }
`;
