import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { css, html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { JuElement, type JuTheme } from '@jobunivers/core';
import '@jobunivers/core/define';
import { allElementsRendered } from './support/settled.js';

/**
 * Story-only widget that shows what configuration reached it from the providers around it, and paints its own
 * surface like a real widget does (a provider is transparent).
 */
class ConfigProbe extends JuElement {
  static override styles = [
    JuElement.styles,
    css`
      :host {
        display: block;
        margin-block: var(--_ju-space-s);
        padding: var(--_ju-space-m);
        border: 1px solid var(--_ju-color-border);
        border-radius: var(--_ju-radius);
        background: var(--_ju-color-surface);
      }

      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: var(--_ju-space-xs) var(--_ju-space-m);
        margin: 0;
      }

      dl > div {
        display: contents;
      }

      dd {
        margin: 0;
      }
    `,
  ];

  protected override render(): TemplateResult {
    const rows: [string, string][] = [
      ['api', this.apiUrl ?? '—'],
      ['theme', this.resolvedTheme],
      ['lang', this.resolvedLanguage],
      ['dir', this.language.dir],
    ];
    return html`
      <dl>
        ${rows.map(([name, value]) => html`<div><dt><code>${name}</code></dt><dd><code dir="ltr">${value}</code></dd></div>`)}
      </dl>
    `;
  }
}

const PROBE_TAG = 'ju-story-config-probe';
if (!customElements.get(PROBE_TAG)) ConfigProbe.define(PROBE_TAG);

declare global {
  interface HTMLElementTagNameMap {
    'ju-story-config-probe': ConfigProbe;
  }
}

interface ProviderArgs {
  api?: string;
  theme?: JuTheme;
}

const meta: Meta<ProviderArgs> = {
  title: 'Core/Provider',
  component: 'ju-provider',
  tags: ['autodocs'],
  args: { api: 'https://jobcenter.example.dk/api/' },
  argTypes: {
    api: { control: 'text' },
    theme: { control: 'select', options: ['light', 'dark', 'contrast', 'auto'] },
  },
  render: (args) => html`
    <ju-provider api=${ifDefined(args.api)} theme=${ifDefined(args.theme)}>
      <ju-story-config-probe></ju-story-config-probe>
    </ju-provider>
  `,
  play: allElementsRendered,
};

export default meta;
type Story = StoryObj<ProviderArgs>;

export const Default: Story = {
  parameters: {
    docs: {
      description: {
        story:
          'A provider sets the server (`api`) once for every widget inside it. The box is a widget showing the ' +
          'configuration it received; language and theme come from the toolbar.',
      },
    },
  },
};

export const NestedProviders: Story = {
  name: 'Nested providers',
  render: (args) => html`
    <ju-provider api=${ifDefined(args.api)}>
      <ju-story-config-probe></ju-story-config-probe>
      <ju-provider theme="contrast" lang="en">
        <ju-story-config-probe></ju-story-config-probe>
      </ju-provider>
    </ju-provider>
  `,
  parameters: {
    docs: {
      description: {
        story:
          'An inner provider overrides only what it sets (here `theme="contrast"` and `lang="en"`) and inherits ' +
          'the rest, such as `api`, from the outer one. The second widget shows the merged result.',
      },
    },
  },
};

export const MalformedApi: Story = {
  name: 'Malformed api',
  args: { api: 'ftp://jobcenter.example.dk/api/' },
  render: (args) => html`<ju-provider api=${ifDefined(args.api)}></ju-provider>`,
  parameters: {
    docs: {
      description: {
        story:
          'When `api` cannot be used (here: not http or https) the provider shows a translated message that ' +
          'tells the reader what to do, and logs the technical reason to the console for the page’s developer.',
      },
    },
  },
};
