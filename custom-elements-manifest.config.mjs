// Builds custom-elements.json from the JSDoc on our elements; it feeds Storybook, the docs and IDEs.
function publicApiOnly() {
  return {
    name: 'ju-public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      // File-system order differs between machines; sorted output keeps the committed file comparable.
      customElementsManifest.modules?.sort((a, b) => a.path.localeCompare(b.path));
      for (const module of customElementsManifest.modules ?? []) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.members) {
            // Static members (define, namespace) are for widget authors, not for people using a tag.
            declaration.members = declaration.members.filter(
              (member) => member.privacy !== 'private' && member.privacy !== 'protected' && !member.name.startsWith('#') && !member.static,
            );
          }
          if (declaration.attributes) {
            // `dir` is the native attribute; JuElement only observes it to know whether the page author set it.
            declaration.attributes = declaration.attributes.filter((attribute) => attribute.name !== 'dir');
            for (const attribute of declaration.attributes) {
              if (attribute.name === 'lang' && !attribute.description) {
                attribute.description = 'Language (da, en, ar, or one a host added). Without it, the closest [lang] ancestor or <html lang> decides; unknown languages fall back to Danish.';
              }
            }
          }
        }
      }
    },
  };
}

export default {
  globs: ['packages/*/src/**/*.ts'],
  // Only browser packages have elements; the contract and the server would only add noise.
  exclude: ['**/*.test.ts', '**/*.stories.ts', '**/dist/**', '**/locales/**', 'packages/server/**', 'packages/contract/**'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [publicApiOnly()],
};
