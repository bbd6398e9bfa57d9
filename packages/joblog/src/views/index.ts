export { JoblogViews } from './joblog-views.js';
export { viewStyles } from './views.styles.js';
export type { JoblogView, ViewContext } from './view-context.js';
export { LIST_OVERSCAN, COUNT_ANNOUNCE_DELAY_MS } from './list-view.js';
export { flattenStrings } from './view-strings.js';
export { renderListRow } from './list-view.js';
