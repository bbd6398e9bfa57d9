import { expect, fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import { safeUrl } from '../src/safe-url.js';

describe('safeUrl', () => {
  const allowed = [
    'https://www.jobnet.dk/find-job',
    'http://jobcenter.example.dk/aabningstider',
    'HTTPS://WWW.JOBNET.DK/',
    'mailto:jobcenter@example.dk?subject=Samtale',
    'tel:+4512345678',
    '/jobs/42',
    'jobs/42',
    '../vejledning',
    '?side=2',
    '#kontakt',
    '//cdn.example.dk/cv.pdf',
  ];
  for (const url of allowed) {
    it(`lets ${JSON.stringify(url)} through unchanged`, () => {
      expect(safeUrl(url)).to.equal(url);
    });
  }

  it('trims surrounding whitespace from an allowed URL', () => {
    expect(safeUrl('  https://www.jobnet.dk/ \n')).to.equal('https://www.jobnet.dk/');
  });

  const refused: [string, unknown][] = [
    ['a javascript: URL', 'javascript:alert(1)'],
    ['JAVASCRIPT: in capitals', 'JAVASCRIPT:alert(1)'],
    ['JavaScript: in mixed case', 'JavaScript:alert(document.cookie)'],
    ['javascript: after leading spaces', '   javascript:alert(1)'],
    ['javascript: after a leading tab and newline', '\t\njavascript:alert(1)'],
    ['javascript: with a newline inside the scheme', 'java\nscript:alert(1)'],
    ['javascript: with a tab inside the scheme', 'java\tscript:alert(1)'],
    ['javascript: with a carriage return inside the scheme', 'jav\r\nascript:alert(1)'],
    ['javascript: after a leading control character', '\u0001javascript:alert(1)'],
    ['javascript: after a no-break space', '\u00a0javascript:alert(1)'],
    ['a data: URL', 'data:text/html,<script>alert(1)</script>'],
    ['a base64 data: URL', 'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['a vbscript: URL', 'vbscript:msgbox(1)'],
    ['a blob: URL', 'blob:https://www.jobnet.dk/0f1e2d3c-aaaa-bbbb-cccc-123456789abc'],
    ['a file: URL', 'file:///etc/passwd'],
    ['an ftp: URL', 'ftp://files.example.dk/cv.pdf'],
    ['an empty string', ''],
    ['only whitespace', ' \t\n '],
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['an object', { href: 'https://www.jobnet.dk/' }],
    ['a URL object', new URL('https://www.jobnet.dk/')],
    ['an unparseable URL', 'http://[::1'],
  ];
  for (const [description, value] of refused) {
    it(`refuses ${description}`, () => {
      expect(safeUrl(value as string)).to.equal(undefined);
    });
  }

  it('leaves the href out of a rendered link when the URL is unsafe, so nothing runs on click', async () => {
    const unsafe = 'java\nscript:alert(1)';
    const el = await fixture<HTMLDivElement>(html`<div>
      <a id="unsafe" href=${ifDefined(safeUrl(unsafe))}>Ansøg</a>
      <a id="safe" href=${ifDefined(safeUrl('https://www.jobnet.dk/job/1'))}>Ansøg</a>
    </div>`);

    expect(el.querySelector('#unsafe')!.hasAttribute('href')).to.equal(false);
    expect(el.querySelector<HTMLAnchorElement>('#safe')!.href).to.equal('https://www.jobnet.dk/job/1');
  });

  it('judges a relative URL by where it resolves, so it always stays on http(s) of the page', () => {
    const url = safeUrl('jobs/42')!;
    expect(new URL(url, document.baseURI).protocol).to.match(/^https?:$/u);
  });
});
