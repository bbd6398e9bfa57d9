/// <reference types="vite/client" />
import { describe, expect, test } from 'vitest';
import { composeStory } from 'storybook/preview-api';
import { isExportStory, storyNameFromExport } from 'storybook/internal/csf';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { STORY_LANGUAGES, STORY_THEMES } from './matrix.js';

interface StoryModule {
  default: Meta;
  [exportName: string]: unknown;
}

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

// The same files as `stories` in main.ts (import.meta.glob only takes literals).
const storyModules = import.meta.glob<StoryModule>(
  ['../stories/**/*.stories.{ts,js}', '../packages/*/stories/**/*.stories.{ts,js}'],
  { eager: true },
);

function describeViolations(result: unknown): string {
  const violations = (result as { violations?: AxeViolation[] } | undefined)?.violations ?? [];
  if (violations.length === 0) return JSON.stringify(result);
  return violations
    .flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id}: ${violation.help}\n  at ${JSON.stringify(node.target)}\n  ${node.failureSummary ?? ''}`),
    )
    .join('\n');
}

// Every story, in every language × theme of the toolbar, rendered and checked with axe in one browser page:
// one page load instead of one per combination keeps the run fast on two cores.
for (const lang of STORY_LANGUAGES) {
  for (const theme of STORY_THEMES) {
    describe(`${lang} · ${theme}`, () => {
      for (const [path, { default: meta, ...exports }] of Object.entries(storyModules)) {
        for (const [exportName, annotations] of Object.entries(exports)) {
          // Same rules as Storybook's index: includeStories / excludeStories on the meta.
          if (exportName === '__namedExportsOrder' || !isExportStory(exportName, meta)) continue;
          const storyAnnotations = annotations as StoryObj;
          const story = composeStory(storyAnnotations, meta, { initialGlobals: { lang, theme } }, undefined, exportName);
          // Like Storybook's own test runner: stories tagged '!test' are not tests.
          test.skipIf(!story.tags.includes('test'))(`${meta.title ?? path} › ${storyAnnotations.name ?? storyNameFromExport(exportName)}`, async () => {
            await story.run();
            const failed = story.reporting.reports.filter((report) => report.status === 'failed');
            expect(failed.map((report) => `${report.type}: ${describeViolations(report.result)}`)).toEqual([]);
          });
        }
      }
    });
  }
}
