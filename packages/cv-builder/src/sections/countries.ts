// Countries for the contact section's "Land": ISO 3166-1 alpha-2 codes (and XK, Kosovo, which Denmark's
// authorities use too), named in the reader's language by `Intl.DisplayNames` so no list of names ships.
const CODES =
  'ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZ' +
  'DEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIRISITJEJM' +
  'JOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONP' +
  'NRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTMTNTO' +
  'TRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSXKYEYTZAZMZW';

const lists = new Map<string, { code: string; name: string }[]>();

/** Every country as `{ code, name }`, sorted by name in `locale`; the current value is kept even when unknown. */
export function countries(locale: string, current: string): { code: string; name: string }[] {
  let list = lists.get(locale);
  if (list === undefined) {
    const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    const codes = CODES.match(/../g) ?? [];
    list = codes.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name, locale));
    lists.set(locale, list);
  }
  return current === '' || list.some((country) => country.code === current) ? list : [{ code: current, name: current }, ...list];
}
