export { JuElement } from './ju-element.js';
export { JuProvider } from './provider/ju-provider.component.js';
export { juConfigContext, THEMES, type JuConfig, type JuTheme } from './context.js';
export type { AuthRequiredDetail, JuEvent, JuEventDetailMap, JuEventName } from './events.js';
export {
  DEFAULT_LANGUAGE,
  addLanguage,
  addTranslations,
  getI18n,
  isNamespaceLoaded,
  loadNamespace,
  matchLanguage,
  onTranslationsChanged,
  registerNamespace,
  supportedLanguages,
  translator,
  type LanguageInfo,
  type Translate,
  type TranslationSource,
  type Translations,
} from './i18n.js';
export { CORE_NAMESPACE } from './locales/register.js';
export { closestLanguage } from './language.js';
export { TIME_ZONE, createFormatter, readerTimeZoneDiffers, type Formatter } from './format.js';
export { ApiClient, parseApiUrl, type ApiClientOptions, type ApiResponse, type HttpMethod, type RequestOptions } from './api-client.js';
export { ApiConfigError, ApiError, type ClientErrorCode, type Problem } from './api-error.js';
// The local store (IndexedDB) is a separate entry, `@jobunivers/core/store`: only widgets that keep drafts pay for it.
export { Announcer, type AnnounceOptions, type Politeness } from './announcer.js';
export { safeUrl } from './safe-url.js';
export { resolveTheme, type ResolvedTheme } from './theme.js';
export { baseStyles, controlStyles, sharedStyles, tokenStyles } from './styles/index.js';
export { VERSION } from './version.js';
