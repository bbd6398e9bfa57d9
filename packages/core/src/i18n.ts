import i18next, { type i18n as I18next, type TOptions } from 'i18next';

/** Strings of one namespace in one language: flat keys, plural forms as `key_one`, `key_other`, … */
export type Translations = Record<string, string>;
/** Strings given inline, or a function that loads them (typically a dynamic `import()` of a locale file). */
export type TranslationSource = Translations | (() => Promise<Translations | { default: Translations }>);

/** A language the widgets can speak. */
export interface LanguageInfo {
  /** BCP 47 primary language code, e.g. `da`. */
  code: string;
  /** Writing direction. */
  dir: 'ltr' | 'rtl';
  /** Locale used for dates, times and numbers (`Intl`), e.g. `da-DK`. */
  locale: string;
  /** The language's own name, for language pickers. */
  name: string;
}

export const DEFAULT_LANGUAGE = 'da';

const BUILT_IN_LANGUAGES: LanguageInfo[] = [
  { code: 'da', dir: 'ltr', locale: 'da-DK', name: 'Dansk' },
  // British conventions (day before month, 24-hour clock) suit readers in Denmark better than US English.
  { code: 'en', dir: 'ltr', locale: 'en-GB', name: 'English' },
  // Latin digits: times, phone numbers and dates on Danish letters and signs use them.
  { code: 'ar', dir: 'rtl', locale: 'ar-u-nu-latn', name: 'العربية' },
];

interface SharedI18n {
  readonly i18next: I18next;
  readonly languages: Map<string, LanguageInfo>;
  readonly sources: Map<string, Map<string, TranslationSource>>;
  readonly loading: Map<string, Promise<void>>;
  readonly listeners: Set<() => void>;
}

// Municipal pages load more than one copy of the library (two widgets from two vendors): they must share
// one translation instance, so it lives on a global symbol that every copy looks up first.
const SHARED_KEY = Symbol.for('jobunivers.i18n.v1');

function createShared(): SharedI18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    ns: [],
    defaultNS: false,
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false }, // Lit renders every string as text
    returnNull: false,
    initAsync: false,
    showSupportNotice: false,
  } as Parameters<I18next['init']>[0]);
  return {
    i18next: instance,
    languages: new Map(BUILT_IN_LANGUAGES.map((language) => [language.code, language])),
    sources: new Map(),
    loading: new Map(),
    listeners: new Set(),
  };
}

function shared(): SharedI18n {
  const scope = globalThis as typeof globalThis & { [SHARED_KEY]?: SharedI18n };
  return (scope[SHARED_KEY] ??= createShared());
}

/** The i18next instance shared by every copy of Jobunivers on the page. */
export function getI18n(): I18next {
  return shared().i18next;
}

function notify(): void {
  for (const listener of shared().listeners) listener();
}

/** Calls `listener` whenever strings or languages change (a host override, a loaded language). */
export function onTranslationsChanged(listener: () => void): () => void {
  const { listeners } = shared();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Registers a package's strings. Danish is usually given inline (it is the default and must render at once);
 * other languages as loaders, so they are fetched only when an element needs them. Returns the namespace, so a
 * class can say `static namespace = registerNamespace('booking', …)` and bundlers keep the registration.
 */
export function registerNamespace(namespace: string, sources: Record<string, TranslationSource>): string {
  const state = shared();
  const known = state.sources.get(namespace) ?? new Map<string, TranslationSource>();
  for (const [language, source] of Object.entries(sources)) {
    if (known.has(language)) continue; // a second copy of the library must not replace the first one's strings
    known.set(language, source);
    if (typeof source !== 'function') addBundle(language, namespace, source, false);
  }
  state.sources.set(namespace, known);
  return namespace;
}

function addBundle(language: string, namespace: string, strings: Translations, override: boolean): void {
  // deep = true, overwrite = override: host overrides win over shipped strings, shipped strings never win.
  getI18n().addResourceBundle(language, namespace, strings, true, override);
}

/** True when the namespace's strings for this language are ready to use synchronously. */
export function isNamespaceLoaded(language: string, namespace: string): boolean {
  // A loader is replaced by its strings once loaded; no source at all means host strings or the Danish fallback.
  return typeof shared().sources.get(namespace)?.get(language) !== 'function';
}

/**
 * Loads the namespace's strings for a language. Resolves when they are in place; never rejects, because a
 * missing translation must fall back to Danish rather than break a widget.
 */
export function loadNamespace(language: string, namespace: string): Promise<void> {
  const state = shared();
  const key = `${language}|${namespace}`;
  const pending = state.loading.get(key);
  if (pending) return pending;
  const source = state.sources.get(namespace)?.get(language);
  if (typeof source !== 'function' || isNamespaceLoaded(language, namespace)) return Promise.resolve();
  const loading = source()
    .then((loaded) => {
      const strings = 'default' in loaded && typeof loaded.default === 'object' ? loaded.default : (loaded as Translations);
      // Host overrides added before the load must stay on top of the shipped strings.
      addBundle(language, namespace, strings, false);
      state.sources.get(namespace)?.set(language, strings);
    })
    .catch((error: unknown) => {
      console.error(`[jobunivers] Could not load the "${language}" strings of "${namespace}"; showing Danish instead.`, error);
    })
    .finally(() => {
      state.loading.delete(key);
      notify();
    });
  state.loading.set(key, loading);
  return loading;
}

/**
 * Adds or overrides strings at runtime, e.g. a municipality's own wording or a whole new language.
 * @example addTranslations('da', 'core', { 'error.offline': 'Du er offline.' })
 */
export function addTranslations(language: string, namespace: string, strings: Translations): void {
  addBundle(language, namespace, strings, true);
  notify();
}

/** Makes a language available beyond the built-in Danish, English and Arabic; add its strings with `addTranslations`. */
export function addLanguage(language: Partial<LanguageInfo> & Pick<LanguageInfo, 'code'>): void {
  const code = language.code.toLowerCase();
  shared().languages.set(code, {
    code,
    dir: language.dir ?? 'ltr',
    locale: language.locale ?? code,
    name: language.name ?? code,
  });
  notify();
}

/** Every language the widgets can be shown in. */
export function supportedLanguages(): LanguageInfo[] {
  return [...shared().languages.values()];
}

/** Maps any language tag (`en-GB`, `AR`, `fr`, ``) to a supported language; unknown ones fall back to Danish. */
export function matchLanguage(tag: string | null | undefined): LanguageInfo {
  const { languages } = shared();
  const normalised = (tag ?? '').trim().toLowerCase();
  const exact = languages.get(normalised);
  if (exact) return exact;
  const primary = normalised.split(/[-_]/)[0] ?? '';
  // "nb"/"nn"/"no" readers understand Danish, which is also the fallback, so no special case is needed.
  return languages.get(primary) ?? (languages.get(DEFAULT_LANGUAGE) as LanguageInfo);
}

/** A translate function fixed to one language and namespace. */
export type Translate = (key: string, options?: TOptions) => string;

/**
 * Returns `t()` for a language and namespace(s). With several namespaces the first that has the key wins
 * (a widget's own strings, then core's). Missing keys fall back to Danish, then to the key itself.
 */
export function translator(language: string, namespace: string | string[]): Translate {
  // i18next's TFunction is typed for compile-time key checking of one global resource type; our namespaces are
  // registered at runtime, so we use the plain (key, options) → string form.
  const fixed = getI18n().getFixedT(language, namespace) as unknown as (key: string, options: TOptions) => string;
  return (key, options = {}) => fixed(key, options);
}
