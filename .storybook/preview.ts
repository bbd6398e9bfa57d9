import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { matchLanguage } from '@jobunivers/core';
import '@jobunivers/core/define';
import manifest from '../custom-elements.json';
import { STORY_LANGUAGES, STORY_THEMES, type StoryLanguage, type StoryTheme } from './matrix.js';
import './preview.css';

// Docs and Controls (attributes, events, CSS properties, parts) come from the JSDoc of our elements.
setCustomElementsManifest(manifest);

const LANGUAGE_TITLES: Record<StoryLanguage, string> = { da: 'Dansk', en: 'English', ar: 'العربية (RTL)' };
const THEME_TITLES = {
  light: { title: 'Light', icon: 'sun' },
  dark: { title: 'Dark', icon: 'moon' },
  contrast: { title: 'High contrast', icon: 'contrast' },
} as const satisfies Record<StoryTheme, { title: string; icon: string }>;

function pick<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.find((item) => item === value) ?? fallback;
}

/**
 * Wraps every story in the toolbar's language and theme, the way a host page would: a `<ju-provider>` carrying
 * `lang` and `theme`, inside a canvas that paints the theme's surface (see preview.css) and sets the direction.
 */
const withLanguageAndTheme: Decorator = (story, { globals }) => {
  const lang: StoryLanguage = pick(globals['lang'], STORY_LANGUAGES, STORY_LANGUAGES[0]);
  const theme: StoryTheme = pick(globals['theme'], STORY_THEMES, STORY_THEMES[0]);
  const { dir } = matchLanguage(lang);
  return html`
    <div class="ju-story-canvas" data-story-theme=${theme} lang=${lang} dir=${dir}>
      <ju-provider lang=${lang} theme=${theme}>${story()}</ju-provider>
    </div>
  `;
};

const preview: Preview = {
  decorators: [withLanguageAndTheme],
  globalTypes: {
    lang: {
      description: 'Language of the widgets (sets lang and dir)',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        dynamicTitle: true,
        items: STORY_LANGUAGES.map((value) => ({ value, title: LANGUAGE_TITLES[value], right: value })),
      },
    },
    theme: {
      description: 'Colour theme of the widgets',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        dynamicTitle: true,
        items: STORY_THEMES.map((value) => ({ value, ...THEME_TITLES[value] })),
      },
    },
  },
  initialGlobals: { lang: STORY_LANGUAGES[0], theme: STORY_THEMES[0] },
  parameters: {
    // Every story is an axe test: a violation fails `npm run test:stories` (and shows red in the a11y panel).
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
};

export default preview;
