// The citizen page of the demo municipality: contact details from /v1/config, the demo login, and the
// job centre's messages (live through the event stream).
import { callApi, element, listenToEvents, setUpDemoLogin } from './demo.js';

const provider = document.getElementById('selfservice');
const messages = document.getElementById('messages');
const dateFormat = new Intl.DateTimeFormat('da-DK', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Copenhagen' });
const weekdays = ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'];
let stopEvents = () => {};
let token;

/** "+4570000000" → "70 00 00 00", the way Danish numbers are written; other numbers are left as they are. */
function danishPhoneNumber(number) {
  const digits = number.replace(/\s/g, '').replace(/^\+45/, '');
  return /^\d{8}$/.test(digits) ? digits.replace(/(\d{2})(?=\d)/g, '$1 ') : number;
}

async function showContact() {
  const contact = document.getElementById('contact');
  try {
    const config = await callApi('config');
    const { municipality, openingHours } = config;
    document.getElementById('municipality-name').textContent = municipality.name;
    const list = element('dl', undefined, { class: 'contact__list' });
    const phone = element('a', danishPhoneNumber(municipality.phone), { href: `tel:${municipality.phone.replace(/\s/g, '')}` });
    const email = element('a', municipality.email, { href: `mailto:${municipality.email}` });
    list.append(element('dt', 'Telefon'), element('dd'), element('dt', 'E-mail'), element('dd'));
    list.children[1].append(phone);
    list.children[3].append(email);
    const hours = element('ul', undefined, { class: 'contact__hours' });
    for (const day of openingHours.weekly) {
      hours.append(element('li', `${weekdays[day.weekday - 1]}: ${day.opens.replace(':', '.')}–${day.closes.replace(':', '.')}`));
    }
    const heading = element('h3', 'Telefontider');
    contact.replaceChildren(list, heading, hours);
  } catch {
    contact.replaceChildren(element('p', 'Kontaktoplysningerne kunne ikke hentes lige nu.'));
  }
}

function renderMessage(notification) {
  const item = element('li', undefined, { class: 'message', 'data-id': notification.id });
  const title = element('h3', notification.title);
  const time = element('p', dateFormat.format(new Date(notification.createdAt)), { class: 'message__time' });
  const body = element('p', notification.body);
  item.append(title, time, body);
  if (!notification.readAt) {
    item.classList.add('message--unread');
    const button = element('button', 'Markér som læst', { type: 'button' });
    button.addEventListener('click', async () => {
      try {
        await callApi(`notifications/${encodeURIComponent(notification.id)}/read`, { method: 'POST', token, idempotencyKey: crypto.randomUUID() });
        item.classList.remove('message--unread');
        button.remove();
      } catch {
        button.textContent = 'Prøv igen';
      }
    });
    item.append(button);
  }
  return item;
}

async function showMessages() {
  messages.replaceChildren(element('p', 'Henter beskeder …'));
  try {
    const page = await callApi('notifications?limit=20', { token });
    const list = element('ul', undefined, { class: 'messages', 'aria-live': 'polite' });
    list.append(...page.items.map(renderMessage));
    messages.replaceChildren(page.items.length === 0 ? element('p', 'Du har ingen beskeder.', { id: 'no-messages' }) : list);
    if (page.items.length === 0) messages.append(list);
    stopEvents = listenToEvents(token, (event) => {
      if (event.type !== 'notification.created') return;
      document.getElementById('no-messages')?.remove();
      list.prepend(renderMessage(event.data.data ?? event.data));
    });
  } catch (error) {
    messages.replaceChildren(element('p', `Beskederne kunne ikke hentes (${error.code}).`));
  }
}

document.querySelector('.language-switch').addEventListener('click', (event) => {
  const button = event.target.closest('button[data-language]');
  if (!button) return;
  provider.setAttribute('lang', button.dataset.language);
  for (const other of document.querySelectorAll('.language-switch button')) other.setAttribute('aria-pressed', String(other === button));
});

// "Book a meeting instead" in the chat: close the chat and take the citizen (and their focus) to the booking.
document.getElementById('live-chat').addEventListener('ju-chat-request-booking', async (event) => {
  const chat = event.currentTarget;
  chat.close();
  await chat.updateComplete; // closing gives focus back to the chat button first
  const section = document.getElementById('self-booking').closest('section');
  section.tabIndex = -1;
  section.scrollIntoView({ block: 'start' });
  section.focus({ preventScroll: true });
});

// "Hvilket CV sendte du?" in the joblog offers the CV builder's named versions. The two widgets know nothing of each
// other: when the builder says its versions changed, the page hands their ids and names to the joblog.
const cvBuilder = document.getElementById('cv-builder');
cvBuilder.addEventListener('ju-cv-versions-changed', async () => {
  const versions = await cvBuilder.cvVersions();
  document.getElementById('joblog').cvVersions = versions.map(({ id, name }) => ({ id, name }));
});

showContact();
setUpDemoLogin({
  onLogin(session) {
    token = session.token;
    provider.token = token; // a property, never an attribute
    stopEvents();
    showMessages();
  },
  onLogout() {
    token = undefined;
    provider.token = undefined;
    // What the citizen left on this device (answers, a held time) goes with the session.
    document.getElementById('self-booking').reset();
    document.getElementById('live-chat').reset();
    document.getElementById('cv-builder').reset();
    document.getElementById('joblog').reset();
    stopEvents();
    messages.replaceChildren(element('p', 'Log ind for at se dine beskeder.'));
  },
});
