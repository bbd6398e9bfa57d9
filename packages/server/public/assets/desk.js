// The caseworker desk of the demo municipality: log in as a caseworker and send a citizen a message.
import { callApi, element, setUpDemoLogin } from './demo.js';

const provider = document.getElementById('desk');
const form = document.getElementById('send-notification');
const citizen = document.getElementById('citizen');
const status = document.getElementById('send-status');
const controls = [...form.querySelectorAll('select, input, textarea, button')];
let token;
// One key per message the caseworker means to send: a retry after a network error cannot send it twice.
let idempotencyKey = crypto.randomUUID();

async function listCitizens() {
  const { items } = await callApi('demo/users');
  citizen.replaceChildren(...items.filter((user) => user.role === 'citizen').map((user) => element('option', `${user.firstName} – ${user.description}`, { value: user.id })));
}

function showFieldError(name, show) {
  const field = form.elements[name];
  document.getElementById(`${name}-error`).hidden = !show;
  field.setAttribute('aria-invalid', String(show));
  return show;
}

form.addEventListener('input', () => { idempotencyKey = crypto.randomUUID(); });
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const title = form.elements.title.value.trim();
  const body = form.elements.body.value.trim();
  const missingTitle = showFieldError('title', title === '');
  const missingBody = showFieldError('body', body === '');
  if (missingTitle || missingBody) {
    form.elements[missingTitle ? 'title' : 'body'].focus();
    return;
  }
  status.textContent = 'Sender …';
  try {
    await callApi(`citizens/${encodeURIComponent(citizen.value)}/notifications`, { method: 'POST', token, idempotencyKey, body: { title, body } });
    status.textContent = 'Beskeden er sendt.';
    form.elements.title.value = '';
    form.elements.body.value = '';
    idempotencyKey = crypto.randomUUID();
  } catch (error) {
    status.textContent = error.code === 'not-found'
      ? 'Borgeren er ikke tilknyttet dig, så du kan ikke sende en besked. Din tekst er ikke slettet.'
      : `Beskeden blev ikke sendt (${error.code}). Din tekst er ikke slettet — prøv igen.`;
  }
});

setUpDemoLogin({
  async onLogin(session) {
    token = session.token;
    provider.token = token;
    await listCitizens();
    for (const control of controls) control.disabled = false;
    document.getElementById('send-login-hint').hidden = true;
  },
  onLogout() {
    token = undefined;
    provider.token = undefined;
    for (const control of controls) control.disabled = true;
    document.getElementById('send-login-hint').hidden = false;
  },
});
