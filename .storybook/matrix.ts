import type { JuTheme } from '@jobunivers/core';

// Shared by preview.ts (toolbar) and vitest.config.ts (one test project per combination), so they cannot drift.

/** Languages every story is shown and tested in; the first is the default. */
export const STORY_LANGUAGES = ['da', 'en', 'ar'] as const;
/** Themes every story is shown and tested in; the first is the default. */
export const STORY_THEMES = ['light', 'dark', 'contrast'] as const satisfies readonly JuTheme[];

export type StoryLanguage = (typeof STORY_LANGUAGES)[number];
export type StoryTheme = (typeof STORY_THEMES)[number];
