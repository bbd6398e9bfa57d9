/* global document, NodeFilter -- browser globals: this file runs in the page */
// What the browser benchmark pages share: statistics over rounds, DOM size through shadow roots, and the
// widget-then-baseline round loop whose results every page reports the same way.

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

export const summary = (values) => ({ median: median(values), min: Math.min(...values), max: Math.max(...values) });

/** Every node (elements and text) in `root`, through shadow roots. */
export function countNodes(root) {
  let count = 0;
  const walk = (node) => {
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let current = walker.nextNode(); current !== null; current = walker.nextNode()) {
      count += 1;
      if (current.shadowRoot) walk(current.shadowRoot);
    }
  };
  walk(root);
  return count;
}

/**
 * Runs `widgetRound` then `baselineRound`, `warmup + rounds` times, alternating so both see the same machine
 * load, and answers the measured rounds of each (warm-up rounds dropped).
 */
export async function alternateRounds({ rounds, warmup }, widgetRound, baselineRound) {
  const widget = [];
  const baseline = [];
  for (let round = 0; round < warmup + rounds; round += 1) {
    const measured = await widgetRound();
    const plain = await baselineRound();
    if (round >= warmup) {
      widget.push(measured);
      baseline.push(plain);
    }
  }
  return { widget, baseline };
}
