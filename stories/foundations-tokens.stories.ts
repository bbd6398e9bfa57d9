import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { css, html, nothing, unsafeCSS, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { JuElement, tokenStyles } from '@jobunivers/core';
import { STORY_LANGUAGES, STORY_THEMES, type StoryLanguage, type StoryTheme } from '../.storybook/matrix.js';
import { allElementsRendered } from './support/settled.js';

/** One design token: its name without prefix (`color-primary`) and its built-in value in each theme. */
interface Token {
  name: string;
  values: Record<StoryTheme, string>;
}

/**
 * Reads the tokens straight from core's `tokenStyles`, so this page can never show stale values. A theme block
 * only lists what it changes; everything else keeps the light value.
 */
function readTokens(): Token[] {
  const text = tokenStyles.cssText;
  const block = (selector: RegExp): string => selector.exec(text)?.[1] ?? '';
  const declarations = (body: string): Map<string, string> =>
    new Map([...body.matchAll(/--_ju-([\w-]+):\s*var\(--ju-[\w-]+,\s*([^)]*)\)/g)].map((match) => [match[1], match[2].trim()]));
  const light = declarations(block(/:host\s*\{([^}]*)\}/));
  const dark = declarations(block(/:host\(\[data-ju-theme=['"]?dark['"]?\]\)\s*\{([^}]*)\}/));
  const contrast = declarations(block(/:host\(\[data-ju-theme=['"]?contrast['"]?\]\)\s*\{([^}]*)\}/));
  return [...light].map(([name, value]) => ({
    name,
    values: { light: value, dark: dark.get(name) ?? value, contrast: contrast.get(name) ?? value },
  }));
}

const TOKENS = readTokens();
const COLOUR_TOKENS = TOKENS.filter((token) => token.name.startsWith('color-'));
const TYPOGRAPHY_TOKENS = TOKENS.filter((token) => token.name.startsWith('font-') || token.name === 'line-height');
const SPACING_TOKENS = TOKENS.filter((token) => token.name.startsWith('space-'));
const SHAPE_TOKENS = TOKENS.filter((token) => token.name === 'radius' || token.name === 'target-size');
const FOCUS_TOKENS = TOKENS.filter((token) => token.name.startsWith('focus-'));
const THEME_NAMES: Record<StoryTheme, string> = { light: 'Light', dark: 'Dark', contrast: 'High contrast' };

// Swatches and bars get their colour or size from generated rules in the adopted stylesheet, not from inline
// styles (which a strict CSP blocks). The values come from our own tokenStyles above, never from user input.
const generatedStyles = unsafeCSS(
  [
    ...[...COLOUR_TOKENS, ...FOCUS_TOKENS.filter((token) => token.name !== 'focus-width')].flatMap((token) => [
      `.swatch[data-token='${token.name}'] { background: var(--_ju-${token.name}); }`,
      ...STORY_THEMES.map((theme) => `.chip[data-token='${token.name}'][data-theme='${theme}'] { background: ${token.values[theme]}; }`),
    ]),
    ...SPACING_TOKENS.map((token) => `.bar[data-token='${token.name}'] { inline-size: var(--_ju-${token.name}); }`),
    ...TYPOGRAPHY_TOKENS.map((token) => {
      const property = token.name === 'line-height' ? 'line-height' : token.name === 'font-weight-bold' ? 'font-weight' : token.name.startsWith('font-size') ? 'font-size' : 'font-family';
      return `.type-sample[data-token='${token.name}'] { ${property}: var(--_ju-${token.name}); }`;
    }),
  ].join('\n'),
);

/** Sample copy in each story language, for the parts of the page that show how text and fields look to readers. */
const SAMPLE_COPY: Record<StoryLanguage, { sentence: string; label: string; hint: string; error: string; invalidValue: string }> = {
  da: {
    sentence: 'Book en samtale med dit jobcenter, når det passer dig.',
    label: 'E-mail',
    hint: 'Vi bruger den kun til at sende en bekræftelse.',
    error: 'Skriv en e-mailadresse, fx navn@eksempel.dk',
    invalidValue: 'navn@',
  },
  en: {
    sentence: 'Book a meeting with your job centre when it suits you.',
    label: 'Email',
    hint: 'We only use it to send you a confirmation.',
    error: 'Enter an email address, like name@example.dk',
    invalidValue: 'name@',
  },
  ar: {
    sentence: 'احجز موعدًا مع مركز العمل في الوقت الذي يناسبك.',
    label: 'البريد الإلكتروني',
    hint: 'نستخدمه فقط لإرسال تأكيد إليك.',
    error: 'اكتب عنوان بريد إلكتروني، مثل name@example.dk',
    invalidValue: 'name@',
  },
};

function isStoryLanguage(code: string): code is StoryLanguage {
  return (STORY_LANGUAGES as readonly string[]).includes(code);
}

type Section = 'colours' | 'typography' | 'spacing' | 'focus' | 'controls';

/**
 * Story-only specimen of core's design tokens and shared control styles. It extends JuElement, so it picks up the
 * theme and language from the provider exactly like a real widget, and uses `sharedStyles` through `JuElement.styles`.
 */
class FoundationsSpecimen extends JuElement {
  static override styles = [
    JuElement.styles,
    generatedStyles,
    css`
      :host {
        display: block;
        padding: var(--_ju-space-m);
        background: var(--_ju-color-surface);
      }

      h2 {
        margin: 0 0 var(--_ju-space-s);
        font-size: var(--_ju-font-size-large);
      }

      h3 {
        margin: var(--_ju-space-l) 0 var(--_ju-space-s);
        font-size: var(--_ju-font-size);
      }

      p {
        margin: 0 0 var(--_ju-space-m);
      }

      table {
        border-collapse: collapse;
        inline-size: 100%;
      }

      caption {
        caption-side: top;
        padding-block-end: var(--_ju-space-s);
        text-align: start;
        color: var(--_ju-color-text-subtle);
        font-size: var(--_ju-font-size-small);
      }

      th,
      td {
        padding: var(--_ju-space-xs) var(--_ju-space-s);
        border-block-end: 1px solid var(--_ju-color-border-subtle);
        text-align: start;
        vertical-align: middle;
      }

      /* Long names and values wrap instead of pushing the table off the painted surface on narrow screens. */
      code {
        overflow-wrap: anywhere;
      }

      .current {
        font-weight: var(--_ju-font-weight-bold);
      }

      .swatch {
        display: block;
        inline-size: 3rem;
        block-size: 2rem;
        border: 1px solid var(--_ju-color-border);
        border-radius: var(--_ju-radius);
      }

      .chip {
        display: inline-block;
        inline-size: 0.875rem;
        block-size: 0.875rem;
        margin-inline-end: var(--_ju-space-xs);
        border: 1px solid var(--_ju-color-border);
        vertical-align: -0.125rem;
      }

      .bar {
        display: block;
        block-size: 1rem;
        background: var(--_ju-color-primary);
      }

      .radius-sample,
      .target-sample {
        display: block;
        inline-size: var(--_ju-target-size);
        block-size: var(--_ju-target-size);
        border: 2px solid var(--_ju-color-border);
      }

      .radius-sample {
        inline-size: 4rem;
        border-radius: var(--_ju-radius);
      }

      .type-sample {
        margin: 0;
      }

      .row {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--_ju-space-m);
        margin-block-end: var(--_ju-space-m);
      }

      .specimen {
        display: grid;
        gap: var(--_ju-space-xs);
        justify-items: start;
      }

      .specimen > code {
        color: var(--_ju-color-text-subtle);
        font-size: var(--_ju-font-size-small);
      }

      /* The same ring base.styles.ts draws on :focus-visible, shown permanently for the specimen. */
      .focus-ring-preview {
        outline: var(--_ju-focus-width) solid var(--_ju-focus-color);
        outline-offset: 2px;
        box-shadow: 0 0 0 calc(var(--_ju-focus-width) + 2px) var(--_ju-focus-halo);
      }

      .fields {
        max-inline-size: 28rem;
      }
    `,
  ];

  /** Which part of the foundations to show. */
  @property() section: Section = 'colours';

  protected override render(): TemplateResult {
    switch (this.section) {
      case 'colours':
        return this.#colours();
      case 'typography':
        return this.#typography();
      case 'spacing':
        return this.#spacing();
      case 'focus':
        return this.#focus();
      case 'controls':
        return this.#controls();
    }
  }

  get #theme(): StoryTheme {
    return this.resolvedTheme;
  }

  get #copy(): (typeof SAMPLE_COPY)[StoryLanguage] {
    const code = this.resolvedLanguage;
    return isStoryLanguage(code) ? SAMPLE_COPY[code] : SAMPLE_COPY.da;
  }

  #valueCells(token: Token, withChip: boolean): TemplateResult[] {
    return STORY_THEMES.map(
      (theme) => html`<td class=${theme === this.#theme ? 'current' : ''}>
        ${withChip ? html`<span class="chip" data-token=${token.name} data-theme=${theme}></span>` : nothing}<code>${token.values[theme]}</code>
      </td>`,
    );
  }

  #themeHeaders(): TemplateResult[] {
    return STORY_THEMES.map(
      (theme) => html`<th scope="col" class=${theme === this.#theme ? 'current' : ''}>${THEME_NAMES[theme]}${theme === this.#theme ? ' (shown)' : ''}</th>`,
    );
  }

  #colours(): TemplateResult {
    return html`
      <section lang="en" dir="ltr" aria-labelledby="heading">
        <h2 id="heading">Colours</h2>
        <p>Hosts override the public <code>--ju-*</code> custom properties; each theme has its own built-in values.</p>
        <table>
          <caption>Swatches show the ${THEME_NAMES[this.#theme].toLowerCase()} theme, as chosen in the toolbar.</caption>
          <thead>
            <tr><th scope="col">Swatch</th><th scope="col">Custom property</th>${this.#themeHeaders()}</tr>
          </thead>
          <tbody>
            ${COLOUR_TOKENS.map(
              (token) => html`<tr>
                <td><span class="swatch" data-token=${token.name}></span></td>
                <th scope="row"><code>--ju-${token.name}</code></th>
                ${this.#valueCells(token, true)}
              </tr>`,
            )}
          </tbody>
        </table>
      </section>
    `;
  }

  #typography(): TemplateResult {
    return html`
      <section aria-labelledby="heading">
        <h2 id="heading" lang="en" dir="ltr">Typography</h2>
        <p lang="en" dir="ltr">Widgets inherit the host page’s font unless <code>--ju-font-family</code> is set. Samples are in the chosen language.</p>
        <table>
          <thead lang="en">
            <tr><th scope="col">Custom property</th><th scope="col">Value</th><th scope="col">Sample</th></tr>
          </thead>
          <tbody>
            ${TYPOGRAPHY_TOKENS.map(
              (token) => html`<tr>
                <th scope="row"><code dir="ltr">--ju-${token.name}</code></th>
                <td><code dir="ltr">${token.values[this.#theme]}</code></td>
                <td><p class="type-sample" data-token=${token.name}>${this.#copy.sentence}</p></td>
              </tr>`,
            )}
          </tbody>
        </table>
      </section>
    `;
  }

  #spacing(): TemplateResult {
    return html`
      <section lang="en" dir="ltr" aria-labelledby="heading">
        <h2 id="heading">Spacing and shape</h2>
        <p>Spacing steps for gaps and padding, the corner radius, and the minimum size of anything clickable.</p>
        <table>
          <thead>
            <tr><th scope="col">Custom property</th><th scope="col">Value</th><th scope="col">Sample</th></tr>
          </thead>
          <tbody>
            ${SPACING_TOKENS.map(
              (token) => html`<tr>
                <th scope="row"><code>--ju-${token.name}</code></th>
                <td><code>${token.values[this.#theme]}</code></td>
                <td><span class="bar" data-token=${token.name}></span></td>
              </tr>`,
            )}
            ${SHAPE_TOKENS.map(
              (token) => html`<tr>
                <th scope="row"><code>--ju-${token.name}</code></th>
                <td><code>${token.values[this.#theme]}</code></td>
                <td><span class=${token.name === 'radius' ? 'radius-sample' : 'target-sample'}></span></td>
              </tr>`,
            )}
          </tbody>
        </table>
      </section>
    `;
  }

  #focus(): TemplateResult {
    return html`
      <section aria-labelledby="heading">
        <h2 id="heading" lang="en" dir="ltr">Focus ring</h2>
        <p lang="en" dir="ltr">
          Every focusable part shows this ring on keyboard focus: a ring in <code>--ju-focus-color</code> with a halo in
          <code>--ju-focus-halo</code>, so it stays visible on any background. The first button shows it permanently;
          press Tab to reach the second.
        </p>
        <div class="row">
          <button class="ju-button focus-ring-preview" type="button">${this.t('action.retry')}</button>
          <button class="ju-button ju-button--secondary" type="button">${this.t('action.back')}</button>
        </div>
        <table lang="en" dir="ltr">
          <thead>
            <tr><th scope="col">Swatch</th><th scope="col">Custom property</th>${this.#themeHeaders()}</tr>
          </thead>
          <tbody>
            ${FOCUS_TOKENS.map(
              (token) => html`<tr>
                <td>${token.name === 'focus-width' ? nothing : html`<span class="swatch" data-token=${token.name}></span>`}</td>
                <th scope="row"><code>--ju-${token.name}</code></th>
                ${this.#valueCells(token, token.name !== 'focus-width')}
              </tr>`,
            )}
          </tbody>
        </table>
      </section>
    `;
  }

  #controls(): TemplateResult {
    const copy = this.#copy;
    return html`
      <section aria-labelledby="heading">
        <h2 id="heading" lang="en" dir="ltr">Buttons, fields and messages</h2>
        <p lang="en" dir="ltr">The classes every widget gets from <code>sharedStyles</code>, with their class names.</p>

        <h3 lang="en" dir="ltr">Buttons</h3>
        <div class="row">
          <div class="specimen">
            <button class="ju-button" type="button">${this.t('action.retry')}</button>
            <code dir="ltr">ju-button</code>
          </div>
          <div class="specimen">
            <button class="ju-button ju-button--secondary" type="button">${this.t('action.back')}</button>
            <code dir="ltr">ju-button--secondary</code>
          </div>
          <div class="specimen">
            <button class="ju-button ju-button--quiet" type="button">${this.t('action.cancel')}</button>
            <code dir="ltr">ju-button--quiet</code>
          </div>
          <div class="specimen">
            <button class="ju-button" type="button" disabled>${this.t('state.saved')}</button>
            <code dir="ltr">ju-button:disabled</code>
          </div>
        </div>

        <h3 lang="en" dir="ltr">Fields</h3>
        <!-- Email addresses read left to right, also in Arabic. -->
        <div class="fields">
          <div class="ju-field">
            <label class="ju-label" for="email">${copy.label}</label>
            <p class="ju-hint" id="email-hint">${copy.hint}</p>
            <input class="ju-input" id="email" type="email" dir="ltr" autocomplete="email" aria-describedby="email-hint" />
          </div>
          <div class="ju-field">
            <label class="ju-label" for="email-invalid">${copy.label}</label>
            <p class="ju-hint" id="email-invalid-hint">${copy.hint}</p>
            <p class="ju-error-text" id="email-invalid-error">${copy.error}</p>
            <input
              class="ju-input"
              id="email-invalid"
              type="email"
              dir="ltr"
              autocomplete="email"
              aria-invalid="true"
              aria-describedby="email-invalid-hint email-invalid-error"
              .value=${copy.invalidValue}
            />
          </div>
        </div>

        <h3 lang="en" dir="ltr">Messages</h3>
        <p class="ju-message">${this.t('state.loading')}</p>
        <p class="ju-message ju-message--error">${this.t('error.invalid')}</p>
        <p class="ju-message ju-message--success">${this.t('state.saved')}</p>
      </section>
    `;
  }
}

const SPECIMEN_TAG = 'ju-story-foundations';
if (!customElements.get(SPECIMEN_TAG)) FoundationsSpecimen.define(SPECIMEN_TAG);

declare global {
  interface HTMLElementTagNameMap {
    'ju-story-foundations': FoundationsSpecimen;
  }
}

interface SpecimenArgs {
  section: Section;
}

const meta: Meta<SpecimenArgs> = {
  title: 'Foundations/Tokens',
  tags: ['autodocs'],
  render: ({ section }) => html`<ju-story-foundations section=${section}></ju-story-foundations>`,
  argTypes: { section: { table: { disable: true } } },
  play: allElementsRendered,
  parameters: {
    docs: {
      description: {
        component:
          'The design tokens and shared styles from `@jobunivers/core`, for designers. Values are read from ' +
          '`tokenStyles`; switch language and theme in the toolbar. Hosts restyle widgets by setting the public ' +
          '`--ju-*` custom properties anywhere above them.',
      },
    },
  },
};

export default meta;
type Story = StoryObj<SpecimenArgs>;

export const Colours: Story = {
  args: { section: 'colours' },
  parameters: { docs: { description: { story: 'Every colour token with its value in each theme; the large swatch shows the current theme.' } } },
};

export const Typography: Story = {
  args: { section: 'typography' },
  parameters: { docs: { description: { story: 'Font sizes, weight and line height, with sample text in the chosen language.' } } },
};

export const Spacing: Story = {
  name: 'Spacing and shape',
  args: { section: 'spacing' },
  parameters: { docs: { description: { story: 'Spacing steps, corner radius and the 44 px minimum target size.' } } },
};

export const FocusRing: Story = {
  name: 'Focus ring',
  args: { section: 'focus' },
  parameters: { docs: { description: { story: 'The keyboard focus ring and the tokens that draw it.' } } },
};

export const Controls: Story = {
  name: 'Buttons, fields and messages',
  args: { section: 'controls' },
  parameters: {
    docs: {
      description: {
        story:
          'The shared classes `ju-button` (plus `--secondary`, `--quiet`), `ju-field`, `ju-label`, `ju-hint`, ' +
          '`ju-error-text`, `ju-input` and `ju-message` (plus `--error`, `--success`), in the chosen language.',
      },
    },
  },
};
