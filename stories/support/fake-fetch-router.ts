// One `fetch` in front of every story's fake server: each story render mounts its own fake under a fresh base URL,
// so stories (and what widgets keep per api URL on the device) never see each other. Anything else goes to the
// real `fetch`.

/** What a fake server offers: it answers `fetch` calls for its base URL. */
export interface FetchAnswering {
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
}

const mounted = new Map<string, FetchAnswering>();
let renders = 0;
let installed = false;

/** Mounts `server` under a fresh base URL on `host` (e.g. `chat.fake.invalid`) and answers that URL. */
export function mountFake(host: string, server: FetchAnswering): string {
  if (!installed) {
    installed = true;
    const original = window.fetch.bind(window);
    window.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      for (const [base, fake] of mounted) if (url.startsWith(base)) return fake.fetch(input, init);
      return original(input, init);
    };
  }
  renders += 1;
  const base = `https://${host}/story-${String(renders)}/`;
  mounted.set(base, server);
  return base;
}

/** The fake mounted under `base`, if any. */
export function mountedFake(base: string): FetchAnswering | undefined {
  return mounted.get(base);
}
