// Lit's runtime, imported in one place for the whole package. esbuild, which the size budgets measure with
// (bench/size.mjs), keeps a separate `import … from 'lit'` in the bundle for every module that has one — about
// 0.3 kB gz of the builder's first load; Rollup (the published build) merges them anyway, and the drop-in bundle
// has Lit inside. Types still come from 'lit' directly: they cost nothing.
export { adoptStyles, css, html, nothing, svg } from 'lit';
export { guard } from 'lit/directives/guard.js';
export { ifDefined } from 'lit/directives/if-defined.js';
export { live } from 'lit/directives/live.js';
export { repeat } from 'lit/directives/repeat.js';
