import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { DEFAULT_REQUIREMENT, type JoblogEntry } from '../src/model/entry.js';
import type { JoblogView } from '../src/views/index.js';
import { VIEW_STRINGS, allInShadow, generateEntries, inShadow } from './support/views-host.js';
import type { ViewsHost } from './support/views-host.js';

const ENTRIES = generateEntries(60);
const REQUIREMENT = { ...DEFAULT_REQUIREMENT, exemptWeeks: [{ week: '2026-W46', reason: 'holiday' as const }] };
const VIEWS: JoblogView[] = ['list', 'board', 'weeks'];

async function show(view: JoblogView, lang: string, entries: readonly JoblogEntry[] = ENTRIES, theme = 'light', readOnly = false): Promise<ViewsHost> {
  const el = await fixture<ViewsHost>(html`<views-test-host view=${view} lang=${lang} theme=${theme} ?read-only=${readOnly} .requirement=${REQUIREMENT} .entries=${entries}></views-test-host>`);
  await el.views.ready(view);
  await el.updateComplete;
  await aTimeout(0);
  await el.updateComplete;
  return el;
}

/** Opens what can be opened (a move menu, an outcome choice, a week), so axe sees those states too. */
async function openEverything(el: ViewsHost): Promise<void> {
  if (el.view === 'board') {
    el.shadowRoot?.querySelector<HTMLButtonElement>('[data-column="applied"] .ju-joblog-card-move')?.click();
    await el.updateComplete;
    el.shadowRoot?.querySelector<HTMLButtonElement>('[data-move-to="closed"]')?.click();
    await el.updateComplete;
    el.shadowRoot?.querySelector<HTMLButtonElement>('[data-column="saved"] .ju-joblog-card-move')?.click();
    await el.updateComplete;
  }
  if (el.view === 'weeks') {
    el.shadowRoot?.querySelector<HTMLButtonElement>('.ju-joblog-week-toggle')?.click();
    await el.updateComplete;
  }
}

afterEach(async () => {
  await emulateMedia({ media: 'screen', forcedColors: 'none', reducedMotion: 'no-preference' });
  await setViewport({ width: 800, height: 600 });
});

describe('the views pass axe', () => {
  for (const view of VIEWS) {
    for (const lang of ['da', 'en', 'ar']) {
      it(`${view} in ${lang}, empty and full, with menus and weeks open`, async () => {
        await expect(await show(view, lang, [])).to.be.accessible();
        const el = await show(view, lang);
        await openEverything(el);
        await expect(el).to.be.accessible();
      });
    }
    for (const theme of ['dark', 'contrast']) {
      it(`${view} in the ${theme} theme`, async () => {
        await expect(await show(view, 'da', ENTRIES, theme)).to.be.accessible();
      });
    }
    it(`${view} read-only, with forced colours and reduced motion, at 320 px`, async () => {
      await emulateMedia({ forcedColors: 'active', reducedMotion: 'reduce' });
      await setViewport({ width: 320, height: 640 });
      const el = await show(view, 'ar', ENTRIES, 'light', true);
      await expect(el).to.be.accessible();
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    });
  }
});

describe('right to left', () => {
  it('lays the list out from the right in Arabic', async () => {
    await setViewport({ width: 900, height: 600 });
    const el = await show('list', 'ar');
    const row = inShadow(el, '.ju-joblog-row');
    const title = inShadow(el, '.ju-joblog-row-open');
    expect(getComputedStyle(row).direction).to.equal('rtl');
    expect(title.getBoundingClientRect().right).to.be.closeTo(row.getBoundingClientRect().right - parseFloat(getComputedStyle(row).paddingInlineEnd), 2);
    expect(inShadow(el, 'label[for="ju-joblog-search"]').textContent).to.equal('ابحث في سجل البحث عن عمل');
  });
});

describe('every string is translated', () => {
  it('English and Arabic have every Danish key (Arabic with its plural forms)', () => {
    const base = (key: string): string => key.replace(/_(zero|one|two|few|many|other)$/u, '');
    const keys = (strings: Record<string, string>): string[] => [...new Set(Object.keys(strings).map(base))].sort();
    expect(keys(VIEW_STRINGS.en)).to.deep.equal(keys(VIEW_STRINGS.da));
    expect(keys(VIEW_STRINGS.ar)).to.deep.equal(keys(VIEW_STRINGS.da));
    for (const key of Object.keys(VIEW_STRINGS.ar).filter((name) => name.endsWith('_other'))) {
      for (const form of ['zero', 'one', 'two', 'few', 'many']) {
        if (key.startsWith('views.deadline.') || key.startsWith('views.list.count') || key.startsWith('views.board') || key.startsWith('views.weeks')) {
          expect(VIEW_STRINGS.ar, `${key} ${form}`).to.have.property(key.replace(/_other$/u, `_${form}`));
        }
      }
    }
  });
});

const XSS = [
  '<img src=x onerror="window.__viewsXss = 1">',
  '<script>window.__viewsXss = 2</script>',
  '"><svg onload="window.__viewsXss = 3">',
  'javascript:window.__viewsXss = 4',
  '{{constructor.constructor("window.__viewsXss = 5")()}}',
  '$' + '{window.__viewsXss = 6}',
];

describe('user text stays text', () => {
  for (const view of VIEWS) {
    it(`in the ${view} view`, async () => {
      const [template] = generateEntries(1);
      const entries = XSS.map((payload, index): JoblogEntry => ({
        ...template,
        id: `xss-${String(index)}`,
        title: payload,
        employer: payload,
        town: payload,
        status: 'applied',
        date: '2026-11-24',
        sourceUrl: 'javascript:alert(1)',
      }));
      const el = await show(view, 'da', entries);
      await openEverything(el);
      await aTimeout(50);
      const root = el.shadowRoot as ShadowRoot;
      expect(root.querySelectorAll('img, script, a[href^="javascript"], [onload], [onerror]')).to.have.length(0);
      expect(root.querySelectorAll('svg:not(.ju-joblog-week-bar)')).to.have.length(0);
      expect((window as { __viewsXss?: number }).__viewsXss).to.equal(undefined);
      const titles = allInShadow(el, '.ju-joblog-row-open, .ju-joblog-card-open, .ju-joblog-week-entries button').map((button) => button.textContent);
      for (const payload of XSS) expect(titles).to.include(payload);
    });
  }
});
