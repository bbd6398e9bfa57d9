import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { fieldId } from '../src/editor-context.js';
import { emptyCv, newItem, type Cv } from '../src/model/cv.js';
import { $, $$, byId, focused, renderHost, spoken, text, typeInto, type SectionHost } from './support/section-host.js';

function threeJobs(): Cv {
  const cv = emptyCv();
  cv.work.items = [
    { ...newItem.work(), id: 'job-a', position: 'Lagermedarbejder', employer: 'Bilka' },
    { ...newItem.work(), id: 'job-b', position: 'Opvasker', employer: 'Hotel Fjord' },
    { ...newItem.work(), id: 'job-c', position: 'Avisbud', employer: '' },
  ];
  return cv;
}

const order = (el: SectionHost): string[] => el.cv.work.items.map((item) => item.id);
const button = (el: SectionHost, id: string, control: string): HTMLButtonElement => byId<HTMLButtonElement>(el, fieldId(`work.${id}.${control}`));
/**
 * A tool button's accessible name: its visible word is hidden from assistive technology and a visually hidden span
 * says it in full ("Flyt ned: Erhvervserfaring 2"), because a hidden span beside the visible text is read with a
 * stray space ("Flyt ned : …").
 */
function buttonName(tool: HTMLButtonElement): string {
  const spokenParts = [...tool.children].filter((child) => child.getAttribute('aria-hidden') !== 'true');
  expect(spokenParts, 'one spoken part').to.have.length(1);
  const looseText = [...tool.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '');
  expect(looseText, 'no loose text beside the parts').to.have.length(0);
  return text(spokenParts[0]);
}

async function press(el: SectionHost, target: HTMLElement, key: string): Promise<void> {
  target.focus();
  await sendKeys({ press: key });
  await el.updateComplete;
  await el.updateComplete;
}

describe('section editors: list items with the keyboard', () => {
  it('"Tilføj erhvervserfaring" adds an item and moves focus to its first field; typing fills it in as one undo step', async () => {
    const el = await renderHost({ sections: ['work'] });
    const add = byId(el, fieldId('work'));
    expect(text(add)).to.equal('+ Tilføj erhvervserfaring');
    await press(el, add, 'Enter');
    expect(el.cv.work.items).to.have.length(1);
    const id = el.cv.work.items[0].id;
    const position = fieldId(`work.${id}.position`);
    await waitUntil(() => focused(el)?.id === position, 'focus did not move into the new item');
    await sendKeys({ type: 'Lagermedarbejder' });
    await el.updateComplete;
    expect(el.cv.work.items[0].position).to.equal('Lagermedarbejder');
    const typing = el.changes.slice(1);
    expect(typing.length).to.be.greaterThan(1);
    expect(new Set(typing.map((change) => change.options.coalesce))).to.deep.equal(new Set([`work.${id}.position`]));
    expect(text($(el, 'fieldset.item legend'))).to.equal('Erhvervserfaring 1: Lagermedarbejder');
  });

  it('names each item group by its number and own words ("Erhvervserfaring 2: Opvasker, Hotel Fjord")', async () => {
    const el = await renderHost({ sections: ['work'], cv: threeJobs() });
    // A fieldset is named by its first <legend>; the buttons by their text, which ends with the item's number.
    const items = $$(el, 'fieldset.item');
    expect(items.map((item) => item.firstElementChild?.localName)).to.deep.equal(['legend', 'legend', 'legend']);
    expect(items.map((item) => text(item.firstElementChild))).to.deep.equal([
      'Erhvervserfaring 1: Lagermedarbejder, Bilka', 'Erhvervserfaring 2: Opvasker, Hotel Fjord', 'Erhvervserfaring 3: Avisbud',
    ]);
    expect(buttonName(button(el, 'job-b', 'down'))).to.equal('Flyt ned: Erhvervserfaring 2');
    expect($$(el, 'fieldset.item .handle').every((handle) => handle.getAttribute('aria-hidden') === 'true')).to.equal(true);
  });

  it('"Flyt ned" and "Flyt op" move the item, keep focus on the same button and announce the new place', async () => {
    const el = await renderHost({ sections: ['work'], cv: threeJobs() });
    await press(el, button(el, 'job-a', 'down'), 'Enter');
    expect(order(el)).to.deep.equal(['job-b', 'job-a', 'job-c']);
    await waitUntil(() => focused(el)?.id === fieldId('work.job-a.down'), 'focus left the moved button');
    await spoken(el, 'Flyttet ned: nu nummer 2 af 3');

    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(order(el)).to.deep.equal(['job-b', 'job-c', 'job-a']);
    await waitUntil(() => focused(el)?.id === fieldId('work.job-a.down'), 'focus left the moved button');
    await spoken(el, 'Flyttet ned: nu nummer 3 af 3');
    // At the bottom the button stays focusable (aria-disabled, not disabled) and says so instead of moving.
    expect(button(el, 'job-a', 'down').getAttribute('aria-disabled')).to.equal('true');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(order(el)).to.deep.equal(['job-b', 'job-c', 'job-a']);
    await spoken(el, 'Den er allerede nederst.');
    expect(focused(el)?.id).to.equal(fieldId('work.job-a.down'));

    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(focused(el)?.id).to.equal(fieldId('work.job-a.up'));
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(order(el)).to.deep.equal(['job-b', 'job-a', 'job-c']);
    await waitUntil(() => focused(el)?.id === fieldId('work.job-a.up'), 'focus left the moved button');
    await spoken(el, 'Flyttet op: nu nummer 2 af 3');
    expect(el.changes.every((change) => change.options.coalesce === undefined)).to.equal(true);
  });

  it('"Skjul i CV\'et" marks the item as hidden, keeps it editable, and "Vis i CV\'et" brings it back', async () => {
    const el = await renderHost({ sections: ['work'], cv: threeJobs() });
    await press(el, button(el, 'job-b', 'visibility'), 'Enter');
    expect(el.cv.work.items[1].hidden).to.equal(true);
    await spoken(el, 'Skjult i CV\'et. Du kan stadig rette i den.');
    const item = $$(el, 'fieldset.item')[1];
    expect(item.classList.contains('is-hidden')).to.equal(true);
    expect(text(item.querySelector('legend'))).to.equal('Erhvervserfaring 2: Opvasker, Hotel Fjord Skjult i CV\'et');
    expect(buttonName(button(el, 'job-b', 'visibility'))).to.equal('Vis i CV\'et: Erhvervserfaring 2');
    expect(focused(el)?.id).to.equal(fieldId('work.job-b.visibility'));
    await typeInto(el, byId(el, fieldId('work.job-b.employer')), 'Hotel Fjord Vejle');
    expect(el.cv.work.items[1].employer).to.equal('Hotel Fjord Vejle');

    await press(el, button(el, 'job-b', 'visibility'), 'Enter');
    expect(el.cv.work.items[1].hidden).to.equal(false);
    await spoken(el, 'Vises i CV\'et igen.');
    expect($$(el, 'fieldset.item.is-hidden')).to.have.length(0);
  });

  it('"Slet" deletes at once (no question), says how to undo, and moves focus to the item that took its place', async () => {
    const confirmBefore = window.confirm.bind(window);
    window.confirm = () => { throw new Error('asked for confirmation'); };
    try {
      const el = await renderHost({ sections: ['work'], cv: threeJobs() });
      await press(el, button(el, 'job-b', 'delete'), 'Enter');
      expect(order(el)).to.deep.equal(['job-a', 'job-c']);
      await spoken(el, 'Slettet. Fortryd med Ctrl+Z');
      await waitUntil(() => focused(el)?.id === fieldId('work.job-c.position'), 'focus did not move to the next item');
      // The last one: focus goes to the one before; with none left, to "Tilføj".
      await press(el, button(el, 'job-c', 'delete'), 'Enter');
      await waitUntil(() => focused(el)?.id === fieldId('work.job-a.position'), 'focus did not move to the item before');
      await press(el, button(el, 'job-a', 'delete'), 'Enter');
      expect(el.cv.work.items).to.have.length(0);
      await waitUntil(() => focused(el)?.id === fieldId('work'), 'focus did not move to "Tilføj"');
    } finally {
      window.confirm = confirmBefore;
    }
  });

  it('"Skjul afsnittet i CV\'et" hides the whole section with the space bar and says it is kept', async () => {
    const el = await renderHost({ sections: ['work'], cv: threeJobs() });
    const hide = byId<HTMLInputElement>(el, fieldId('work.hidden'));
    expect(text(el.shadowRoot?.querySelector(`label[for="${hide.id}"]`))).to.equal('Skjul afsnittet i CV\'et');
    await press(el, hide, ' ');
    expect(el.cv.work.hidden).to.equal(true);
    expect(text($(el, '.hidden-note'))).to.contain('Det er gemt');
    expect(hide.checked).to.equal(true);
    await press(el, hide, ' ');
    expect(el.cv.work.hidden).to.equal(false);
  });
});

describe('section editors: pointer reordering', () => {
  function drag(el: SectionHost, from: string, to: string): { accepted: boolean } {
    const transfer = new DataTransfer();
    const handle = $$(el, 'fieldset.item').find((item) => item.dataset['item'] === from)!.querySelector('.handle')!;
    handle.dispatchEvent(new DragEvent('dragstart', { bubbles: true, composed: true, dataTransfer: transfer }));
    const target = $$(el, 'fieldset.item').find((item) => item.dataset['item'] === to)!;
    const over = new DragEvent('dragover', { bubbles: true, composed: true, cancelable: true, dataTransfer: transfer });
    target.dispatchEvent(over);
    target.dispatchEvent(new DragEvent('drop', { bubbles: true, composed: true, cancelable: true, dataTransfer: transfer }));
    return { accepted: over.defaultPrevented };
  }

  it('drops a dragged item in the place of another and announces it', async () => {
    const el = await renderHost({ sections: ['work'], cv: threeJobs() });
    expect(drag(el, 'job-c', 'job-a').accepted).to.equal(true);
    await el.updateComplete;
    expect(order(el)).to.deep.equal(['job-c', 'job-a', 'job-b']);
    await spoken(el, 'Flyttet: nu nummer 1 af 3');
  });

  it('refuses a drop from another list', async () => {
    const cv = threeJobs();
    cv.education.items = [{ ...newItem.education(), id: 'school' }];
    const el = await renderHost({ sections: ['work', 'education'], cv });
    const transfer = new DataTransfer();
    $(el, '[data-item="school"] .handle').dispatchEvent(new DragEvent('dragstart', { bubbles: true, composed: true, dataTransfer: transfer }));
    const over = new DragEvent('dragover', { bubbles: true, composed: true, cancelable: true, dataTransfer: transfer });
    $(el, '[data-item="job-a"]').dispatchEvent(over);
    expect(over.defaultPrevented).to.equal(false);
    $(el, '[data-item="job-a"]').dispatchEvent(new DragEvent('drop', { bubbles: true, composed: true, cancelable: true, dataTransfer: transfer }));
    await el.updateComplete;
    expect(order(el)).to.deep.equal(['job-a', 'job-b', 'job-c']);
    expect(el.changes).to.have.length(0);
  });
});

describe('section editors: custom sections and profiles', () => {
  it('adds a named section, adds items to it, renames, hides and deletes it — all by keyboard', async () => {
    const el = await renderHost({ sections: ['custom'] });
    await press(el, byId(el, fieldId('custom')), 'Enter');
    const section = el.cv.custom[0];
    await waitUntil(() => focused(el)?.id === fieldId(`custom.${section.id}.title`), 'focus did not move to the title');
    await sendKeys({ type: 'Hobbyer' });
    await el.updateComplete;
    expect(el.cv.custom[0].title).to.equal('Hobbyer');
    expect(text($(el, 'fieldset.item legend'))).to.equal('Afsnit 1: Hobbyer');

    await press(el, byId(el, fieldId(`custom.${section.id}`)), 'Enter');
    const item = el.cv.custom[0].items[0];
    await waitUntil(() => focused(el)?.id === fieldId(`custom.${section.id}.${item.id}.title`), 'focus did not move to the item');
    await sendKeys({ type: 'Løb' });
    await el.updateComplete;
    expect(el.cv.custom[0].items[0].title).to.equal('Løb');
    expect($$(el, 'fieldset.item fieldset.item > legend').map(text)).to.deep.equal(['Punkt 1: Løb']);

    // Rename.
    await typeInto(el, byId(el, fieldId(`custom.${section.id}.title`)), 'Fritid');
    expect(el.cv.custom[0].title).to.equal('Fritid');
    // Hide the whole custom section, then delete it.
    await press(el, byId(el, fieldId(`custom.${section.id}.visibility`)), 'Enter');
    expect(el.cv.custom[0].hidden).to.equal(true);
    expect(el.cv.custom[0].items[0].hidden).to.equal(false);
    await press(el, byId(el, fieldId(`custom.${section.id}.delete`)), 'Enter');
    expect(el.cv.custom).to.have.length(0);
    await waitUntil(() => focused(el)?.id === fieldId('custom'), 'focus did not go back to "Tilføj afsnit"');
  });

  it('moves items inside a custom section without touching the other sections', async () => {
    const cv = emptyCv();
    cv.custom = [
      { ...newItem.customSection(), id: 's1', title: 'Hobbyer', items: [{ ...newItem.customItem(), id: 'i1', title: 'Løb' }, { ...newItem.customItem(), id: 'i2', title: 'Skak' }] },
      { ...newItem.customSection(), id: 's2', title: 'Militærtjeneste' },
    ];
    const el = await renderHost({ sections: ['custom'], cv });
    await press(el, byId(el, fieldId('custom.s1.i2.up')), 'Enter');
    expect(el.cv.custom[0].items.map((item) => item.id)).to.deep.equal(['i2', 'i1']);
    expect(el.cv.custom.map((section) => section.id)).to.deep.equal(['s1', 's2']);
    await waitUntil(() => focused(el)?.id === fieldId('custom.s1.i2.up'), 'focus left the moved button');
    await spoken(el, 'Flyttet op: nu nummer 1 af 2');
    await press(el, byId(el, fieldId('custom.s1.down')), 'Enter');
    expect(el.cv.custom.map((section) => section.id)).to.deep.equal(['s2', 's1']);
  });

  it('adds a profile on the web to the contact details', async () => {
    const el = await renderHost({ sections: ['contact'] });
    await press(el, byId(el, fieldId('contact.profiles')), 'Enter');
    const profile = el.cv.contact.profiles[0];
    await waitUntil(() => focused(el)?.id === fieldId(`contact.profiles.${profile.id}.network`), 'focus did not move to the profile');
    await sendKeys({ type: 'LinkedIn' });
    await el.updateComplete;
    expect(el.cv.contact.profiles[0].network).to.equal('LinkedIn');
    expect(text($(el, 'fieldset.item legend'))).to.equal('Profil 1: LinkedIn');
  });
});
