/** Short id shown in tables: enough for `meso show` to find the item. */
export const shortId = (id: string) => id.slice(0, 7);
