/**
 * Walks a cursor-paginated list: asks for a page, yields its items, follows its cursor until it is
 * `null`. Pages are fetched lazily, one at a time, as the caller iterates; `break` stops fetching.
 */
export async function* paginate<Page, Item>(
  fetchPage: (cursor: string | undefined) => Promise<Page>,
  itemsOf: (page: Page) => readonly Item[],
  cursorOf: (page: Page) => string | null,
): AsyncGenerator<Item, void, undefined> {
  let cursor: string | undefined;
  const seen = new Set<string>();
  do {
    const page = await fetchPage(cursor);
    yield* itemsOf(page);
    const next = cursorOf(page);
    // A server that hands back a cursor it already gave would loop forever: stop instead.
    if (next === null || seen.has(next)) return;
    seen.add(next);
    cursor = next;
  } while (true);
}
