/** Flattens a field value to one CSV cell: lists joined by "; ", sources as file:line, places as "name (country)". */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(cellText).join('; ');
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('file' in v && 'line' in v) return `${v.file}:${v.line}`;
    if ('name' in v && 'country' in v) return `${v.name} (${v.country})`;
    if ('value' in v && 'precision' in v) return String(v.value);
    if ('text' in v && 'highlights' in v) return String(v.text);
    if ('term' in v && 'field' in v) return `${v.term}:${v.field}:${v.how}`;
    return JSON.stringify(v);
  }
  return String(value);
}
