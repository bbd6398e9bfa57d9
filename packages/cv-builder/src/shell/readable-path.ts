type Translate = (key: string, options?: Record<string, unknown>) => string;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Names a place in a CV the way the citizen sees it: "Erhvervserfaring 3 → Startdato". Works for the editor's
 * field paths (`work.<id>.start`: items by id) and for JSON pointers into an imported file (`/work/2/startDate`:
 * items by position); `root` is the CV or the file, used to find an item's number.
 */
export function readablePath(segments: readonly string[], root: unknown, t: Translate): string {
  const parts: string[] = [];
  let node: unknown = root;
  for (const segment of segments) {
    // A list section ({ hidden, items }) is addressed by item id directly: `work.<id>.start`.
    if (isRecord(node) && !(segment in node) && Array.isArray(node['items'])) node = node['items'];
    if (Array.isArray(node)) {
      const position = /^\d+$/.test(segment) ? Number(segment) : node.findIndex((item) => isRecord(item) && item['id'] === segment);
      if (position >= 0) {
        const number = String(position + 1);
        if (parts.length === 0) parts.push(number);
        else parts[parts.length - 1] = `${parts[parts.length - 1] ?? ''} ${number}`;
        node = node[position];
        continue;
      }
    }
    parts.push(label(segment, t));
    node = isRecord(node) ? node[segment] : undefined;
  }
  return parts.join(' → ');
}

function label(segment: string, t: Translate): string {
  const key = `shell.label.${segment}`;
  const text = t(key);
  return text === key ? segment : text;
}

/** The segments of an editor field path (`work.<id>.start`). */
export const pathSegments = (path: string): string[] => path.split('.').filter((part) => part !== '');

/** The segments of a JSON pointer (RFC 6901): `/work/2/startDate` → `work`, `2`, `startDate`. */
export const pointerSegments = (pointer: string): string[] =>
  pointer === '' ? [] : pointer.replace(/^\//, '').split('/').map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));
