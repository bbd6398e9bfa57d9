import { expect, waitUntil } from '@open-wc/testing';
import type { ReactiveControllerHost } from 'lit';
import { LazyView } from '../src/lazy-view.js';

function host(): ReactiveControllerHost & { updates: number } {
  return {
    updates: 0,
    addController: () => undefined,
    removeController: () => undefined,
    requestUpdate() { this.updates += 1; },
    updateComplete: Promise.resolve(true),
  };
}

describe('LazyView (views loaded on first use)', () => {
  it('loads once, re-renders the host when the module arrives, and tries again after a failed load', async () => {
    const element = host();
    let attempts = 0;
    const view = new LazyView(element, () => {
      attempts += 1;
      return attempts === 1 ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : Promise.resolve({ render: 'view' });
    });
    view.ensure();
    view.ensure(); // already on its way: no second request
    expect(view.loading).to.equal(true);
    await waitUntil(() => !view.loading);
    expect(view.failed).to.equal(true);
    expect(view.module).to.equal(undefined);
    expect(element.updates).to.equal(1);

    view.ensure(); // "Prøv igen"
    await waitUntil(() => view.module !== undefined);
    expect(view.failed).to.equal(false);
    expect(view.module).to.deep.equal({ render: 'view' });
    expect(attempts).to.equal(2);
    view.ensure();
    expect(attempts).to.equal(2);
  });
});
