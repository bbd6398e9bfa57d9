import { Type, type Static, type TSchema } from 'typebox';

/** Query parameters of every list. */
export const PageQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'Items per page, 1–100 (default 20).' })),
    cursor: Type.Optional(
      Type.String({ minLength: 1, maxLength: 512, description: 'The `nextCursor` of the previous page, passed back as is.' }),
    ),
  },
  { $id: 'PageQuery', description: 'Query parameters of every list.' },
);
export type PageQuery = Static<typeof PageQuery>;

/**
 * The cursor page wrapper of every list: `{ items, nextCursor }`. `nextCursor` is `null` on the last page.
 * `id` becomes the schema's `$id` (and its name in the OpenAPI document).
 */
export function Page<Item extends TSchema>(item: Item, id: string, description: string) {
  return Type.Object(
    {
      items: Type.Array(item, { description: 'This page\'s items, newest first unless the resource says otherwise.' }),
      nextCursor: Type.Union([Type.String({ minLength: 1 }), Type.Null()], {
        description: 'An opaque cursor for the next page, or `null` when this is the last page.',
      }),
    },
    { $id: id, description },
  );
}

/** The TypeScript shape of a page of `Item`. */
export interface PageOf<Item> {
  items: Item[];
  nextCursor: string | null;
}
