// @jobunivers/contract: the JSON Schemas of the Jobunivers contract, their TypeScript types and the OpenAPI document.
// Widgets import the types with `import type`, which adds nothing to their bundles.
export * from './schemas/index.js';
export { buildOpenApiDocument, renderOpenApiDocument, CONTRACT_VERSION, type OpenApiDocument } from './openapi.js';
