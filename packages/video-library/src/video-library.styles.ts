import { css } from 'lit';

// The catalogue's styles. The filters, the search matches, the learning paths and the opened video bring their own.
// A card is `position: relative` so it is the containing block of its visually hidden text (absolutely positioned):
// without that, any layout of the page lays out those spans of every card again, which made "Vis flere videoer"
// with 476 cards shown spend several ms on them.

export const videoLibraryStyles = css`
  :host {
    display: block;
    --_ju-video-card-min: var(--ju-video-library-card-min-width, 16rem);
  }

  h2, h3, h4 {
    margin: 0 0 var(--_ju-space-s);
    line-height: 1.25;
  }

  h2 { font-size: var(--_ju-font-size-large); }
  h3, h4 { font-size: var(--_ju-font-size); }
  p { margin: 0 0 var(--_ju-space-s); }
  [tabindex='-1']:focus { outline: none; }

  .search-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_ju-space-s);
  }

  .search-row .ju-input {
    flex: 1 1 12rem;
    width: auto;
  }


  .cards, .badges {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .cards {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_ju-video-card-min)), 1fr));
    gap: var(--_ju-space-m);
    margin-block-end: var(--_ju-space-l);
  }

  .card, .skeleton, .playlist {
    display: flex;
    flex-direction: column;
    height: 100%;
    padding: var(--_ju-space-s);
    border: 1px solid var(--_ju-color-border-subtle);
    border-radius: var(--_ju-radius);
    background: var(--_ju-color-surface-raised);
  }

  .card { position: relative; }

  .poster {
    order: -1;
    width: 100%;
    height: auto;
    aspect-ratio: 16 / 9;
    object-fit: cover;
    margin-block-end: var(--_ju-space-s);
    border-radius: var(--_ju-radius);
    background: var(--_ju-color-border-subtle);
  }

  .open {
    min-height: var(--_ju-target-size);
    padding: 0;
    border: 0;
    background: none;
    color: var(--_ju-color-primary);
    font: inherit;
    font-weight: var(--_ju-font-weight-bold);
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
  }

  .open:hover { text-decoration-thickness: 2px; }

  .meta { color: var(--_ju-color-text-subtle); font-size: var(--_ju-font-size-small); }

  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_ju-space-xs);
    margin-block-end: var(--_ju-space-s);
  }

  .badges li, .tag {
    padding: 0 var(--_ju-space-xs);
    border: 1px solid var(--_ju-color-border);
    border-radius: var(--_ju-radius);
    font-size: var(--_ju-font-size-small);
  }

  .status {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_ju-space-s);
    font-weight: var(--_ju-font-weight-bold);
  }

  .done { color: var(--_ju-color-success); }

  progress {
    flex: 1 1 6rem;
    height: 0.5rem;
    accent-color: var(--_ju-color-primary);
  }



  .more { width: 100%; }
  .problem .ju-button { margin-block-start: var(--_ju-space-s); }

  .skeleton { min-height: 14rem; }
  .skeleton .line { height: 1rem; margin-block-end: var(--_ju-space-s); border-radius: var(--_ju-radius); background: var(--_ju-color-border-subtle); }
  .skeleton .short { width: 50%; }
  .skeleton > * { animation: pulse 1.2s ease-in-out infinite alternate; }

  @keyframes pulse { to { opacity: 0.4; } }
`;
