import { css } from 'lit';

export const playerStyles = css`
  :host {
    display: block;
    --_stage: var(--ju-video-player-stage, #000);
    --_watched: var(--ju-video-player-watched, var(--_ju-color-primary));
  }

  .player {
    display: grid;
    gap: var(--_ju-space-s);
    min-width: 0;
  }

  .player.is-fullscreen {
    grid-template-rows: 1fr auto;
    align-content: end;
    padding: var(--_ju-space-s);
    background: var(--_ju-color-surface);
    overflow: auto;
  }

  .stage {
    position: relative;
    display: grid;
    background: var(--_stage);
  }

  video {
    grid-area: 1 / 1;
    width: 100%;
    max-height: var(--ju-video-player-max-height, 70vh);
    aspect-ratio: 16 / 9;
    border: 0;
    background: var(--_stage);
  }

  .is-fullscreen video {
    max-height: none;
    height: 100%;
  }

  .captions {
    grid-area: 1 / 1;
    align-self: end;
    justify-self: center;
    display: grid;
    justify-items: center;
    max-width: 90%;
    margin-block-end: 4%;
    text-align: center;
    pointer-events: none;
    line-height: 1.3;
  }

  .captions span {
    white-space: pre-line;
    padding: 0.1em 0.4em;
  }

  .size-small { font-size: 0.9rem; }
  .size-medium { font-size: 1.15rem; }
  .size-large { font-size: 1.5rem; }
  .size-x-large { font-size: 2rem; }
  .is-fullscreen .captions { font-size: 180%; }
  .colour-white span { color: #fff; }
  .colour-yellow span { color: #ffeb3b; }
  .colour-cyan span { color: #7df9ff; }
  .colour-black span { color: #000; }
  .background-black span { background: #000; }
  .background-translucent span { background: rgb(0 0 0 / 70%); }
  .background-white span { background: #fff; }
  .background-none span { text-shadow: 0 0 3px #000, 0 0 3px #000, 1px 1px 2px #000; }

  .resume,
  .audio-only {
    grid-area: 1 / 1;
    align-self: center;
    justify-self: center;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_ju-space-s);
    margin: var(--_ju-space-s);
    padding: var(--_ju-space-s);
    border-radius: var(--_ju-radius);
    background: var(--_ju-color-surface);
  }

  .audio-only {
    align-self: start;
    margin: var(--_ju-space-s);
    font-weight: var(--_ju-font-weight-bold);
  }

  .timeline {
    position: relative;
    display: grid;
  }

  .bar,
  .scrub {
    grid-area: 1 / 1;
    width: 100%;
  }

  .bar {
    height: 12px;
    align-self: center;
  }

  .bar-track { fill: var(--_ju-color-border-subtle); }
  .bar-watched { fill: var(--_watched); opacity: 0.45; }
  .bar-played { fill: var(--_ju-color-text); }
  .bar-mark { fill: var(--_ju-color-text); }

  .scrub {
    min-height: var(--_ju-target-size);
    margin: 0;
    background: transparent;
    accent-color: var(--_ju-color-primary);
    opacity: 0.85;
  }

  .controls {
    display: grid;
    gap: var(--_ju-space-s);
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_ju-space-s);
  }

  .controls .ju-button {
    padding-inline: var(--_ju-space-s);
  }

  .icon {
    width: 1.5rem;
    height: 1.5rem;
    fill: currentColor;
  }

  .clock {
    font-variant-numeric: tabular-nums;
    padding-inline: var(--_ju-space-xs);
  }

  .volume {
    width: 6rem;
    min-height: var(--_ju-target-size);
    accent-color: var(--_ju-color-primary);
  }

  .language {
    width: auto;
  }

  .state {
    margin: 0;
    padding: var(--_ju-space-m);
    border: 1px solid var(--_ju-color-border);
    border-radius: var(--_ju-radius);
  }

  @media (forced-colors: active) {
    .bar-watched,
    .bar-played,
    .bar-mark { fill: CanvasText; }
    .bar-track { fill: GrayText; }
    .captions span { forced-color-adjust: none; }
  }
`;
