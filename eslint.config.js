import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';

const unsafeDirective = (name) => ({
  name: `lit/directives/${name}.js`,
  message: 'Not allowed: it bypasses escaping or needs inline styles, which our strict CSP forbids. See docs/architecture.md.',
});

export default tseslint.config(
  { ignores: ['**/dist/**', 'storybook-static/**', '.test-results/**', 'node_modules/**', '**/*.d.mts'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.config.ts', '*.js', '*.mjs', 'scripts/*.mjs', 'bench/*.mjs', 'e2e/*.mjs', 'packages/server/public/assets/*.js'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  wcConfigs['flat/recommended'],
  litConfigs['flat/recommended'],
  {
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-imports': ['error', {
        paths: [
          ...['unsafe-html', 'unsafe-svg', 'unsafe-mathml', 'style-map'].map(unsafeDirective),
          ...['unsafe-html', 'unsafe-svg', 'style-map'].map((name) => ({ ...unsafeDirective(name), name: `lit-html/directives/${name}.js` })),
        ],
      }],
      'no-restricted-syntax': ['error',
        {
          selector: 'TaggedTemplateExpression[tag.name="html"] TemplateElement[value.raw=/\\sstyle\\s*=/]',
          message: 'No style= in templates: a strict CSP (style-src \'self\') blocks inline styles. Use static styles and custom properties.',
        },
        {
          selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
          message: 'No innerHTML: render user text as text through Lit templates.',
        },
        {
          selector: 'CallExpression[callee.property.name="insertAdjacentHTML"]',
          message: 'No insertAdjacentHTML: render user text as text through Lit templates.',
        },
      ],
    },
  },
  // Lit binds @event listeners to the host, so `@click=${this.onClick}` is safe.
  { files: ['packages/*/src/**/*.ts'], rules: { '@typescript-eslint/unbound-method': 'off' } },
  { files: ['**/*.js', '**/*.mjs', '*.config.ts'], languageOptions: { globals: { ...globals.node } } },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  // The demo municipality's own page scripts run in the browser.
  { files: ['packages/server/public/**/*.js'], languageOptions: { globals: { ...globals.browser } } },
  {
    files: ['**/test/**/*.ts', 'stories/**/*.ts'],
    rules: {
      // @open-wc/testing's chai Assertion is thenable, so every expect() looks like a floating promise.
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
);
