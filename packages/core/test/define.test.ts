import { expect } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import { JuElement } from '../src/index.js';

class FirstCopy extends JuElement {
  override render(): TemplateResult {
    return html`<p>first</p>`;
  }
}
class SecondCopy extends JuElement {
  override render(): TemplateResult {
    return html`<p>second</p>`;
  }
}

function captureWarnings(run: () => void): unknown[][] {
  const warnings: unknown[][] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => { warnings.push(args); };
  try {
    run();
  } finally {
    console.warn = original;
  }
  return warnings;
}

describe('JuElement.define', () => {
  it('registers the tag', () => {
    FirstCopy.define('ju-define-test');
    expect(customElements.get('ju-define-test')).to.equal(FirstCopy);
  });

  it('warns, without throwing, when another copy already took the tag, and keeps the first', () => {
    FirstCopy.define('ju-define-test');
    const warnings = captureWarnings(() => { SecondCopy.define('ju-define-test'); });
    expect(customElements.get('ju-define-test')).to.equal(FirstCopy);
    expect(warnings).to.have.length(1);
    expect(String(warnings[0][0])).to.contain('<ju-define-test> is already registered');
  });

  it('is silent when the same class is registered twice (the same bundle loaded twice)', () => {
    FirstCopy.define('ju-define-test');
    const warnings = captureWarnings(() => { FirstCopy.define('ju-define-test'); });
    expect(warnings).to.have.length(0);
  });

  it('importing a component class does not register any tag', async () => {
    const before = customElements.get('ju-provider');
    await import('../src/provider/ju-provider.component.js');
    expect(customElements.get('ju-provider')).to.equal(before);
  });
});
