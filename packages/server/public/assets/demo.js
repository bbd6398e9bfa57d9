// The demo municipality's own code (not part of the widgets): a stand-in for the host's MitID login that
// hands a token to <ju-provider>, and small helpers for its own pages. Tokens live in memory only.

/** Calls the contract server as the logged-in user; throws an Error with the problem's `code`. */
export async function callApi(path, { token, method = 'GET', body, idempotencyKey } = {}) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  const response = await fetch(`/v1/${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const data = response.status === 204 ? undefined : await response.json();
  if (!response.ok) {
    const error = new Error(data?.title ?? `HTTP ${response.status}`);
    error.code = data?.code ?? `http-${response.status}`;
    throw error;
  }
  return data;
}

/**
 * Wires the demo login bar: lists the demo users of one role, logs in, and calls `onLogin(session)` /
 * `onLogout()`. `session` is `{ token, user }`.
 */
export async function setUpDemoLogin({ onLogin, onLogout }) {
  const form = document.getElementById('demo-login');
  const select = document.getElementById('demo-user');
  const status = document.getElementById('demo-status');
  const logout = document.getElementById('demo-logout');
  const role = form.dataset.role;

  try {
    const { items } = await callApi('demo/users');
    for (const user of items.filter((candidate) => candidate.role === role)) {
      const option = document.createElement('option');
      option.value = user.id;
      option.textContent = `${user.firstName} – ${user.description}`;
      select.append(option);
    }
  } catch {
    status.textContent = 'Demo-login findes kun, når serveren kører i demotilstand.';
    form.hidden = true;
    return;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    status.textContent = 'Logger ind …';
    try {
      const session = await callApi('demo/login', { method: 'POST', body: { userId: select.value } });
      status.textContent = `Du er logget ind som ${session.user.firstName}.`;
      logout.hidden = false;
      onLogin(session);
    } catch (error) {
      status.textContent = `Det lykkedes ikke at logge ind (${error.code}). Prøv igen.`;
    }
  });

  logout.addEventListener('click', () => {
    logout.hidden = true;
    status.textContent = 'Du er logget ud.';
    onLogout();
  });
}

/**
 * Reads the user's Server-Sent Events stream with fetch (so the token goes in a header, not the URL) and calls
 * `onEvent({ id, type, data })`. Reconnects with Last-Event-ID after a network error. Returns a stop function.
 */
export function listenToEvents(token, onEvent) {
  const controller = new AbortController();
  let lastEventId;

  async function connect() {
    const headers = { Accept: 'text/event-stream', Authorization: `Bearer ${token}` };
    if (lastEventId !== undefined) headers['Last-Event-ID'] = lastEventId;
    const response = await fetch('/v1/events', { headers, signal: controller.signal });
    if (!response.ok || !response.body) throw new Error(`events: HTTP ${response.status}`);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let boundary;
      while ((boundary = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary + 2);
        const event = { id: undefined, type: 'message', data: '' };
        for (const line of block.split('\n')) {
          if (line.startsWith('id:')) event.id = line.slice(3).trim();
          else if (line.startsWith('event:')) event.type = line.slice(6).trim();
          else if (line.startsWith('data:')) event.data += line.slice(5).trim();
        }
        if (event.id !== undefined) lastEventId = event.id;
        if (event.data) onEvent({ id: event.id, type: event.type, data: JSON.parse(event.data) });
      }
    }
  }

  (async () => {
    while (!controller.signal.aborted) {
      try {
        await connect();
      } catch {
        if (controller.signal.aborted) return;
      }
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
  })();
  return () => controller.abort();
}

/** A DOM element with text content only: the demo never renders server text as HTML. */
export function element(tag, text, attributes = {}) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}
