/** How long a download's object URL stays valid (the browser has started reading it long before). */
const REVOKE_AFTER_MS = 60_000;

/**
 * A file name from the citizen's name, safe everywhere (ASCII letters, digits and hyphens): "Søren Ærø" →
 * `cv-soeren-aeroe.json`; without a name, `cv.json`.
 */
export function cvFileName(name: string, extension: 'json' | 'pdf'): string {
  const ascii = name
    .toLowerCase()
    .replaceAll('æ', 'ae').replaceAll('ø', 'oe').replaceAll('å', 'aa').replaceAll('ß', 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return ascii === '' ? `cv.${extension}` : `cv-${ascii}.${extension}`;
}

/** Saves `blob` as a download through a temporary link in the widget's shadow root (nothing leaves the browser). */
export function download(root: ShadowRoot, blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  root.append(link);
  link.click();
  link.remove();
  setTimeout(() => { URL.revokeObjectURL(url); }, REVOKE_AFTER_MS);
}
