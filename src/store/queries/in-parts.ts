/** Keys per `in (…)` list: well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const KEYS = 1000;

/** Reads the rows for `keys` (each once) in as many `in (…)` queries as the bound-parameter caps need. */
export async function inParts<K, R>(keys: readonly K[], read: (part: K[]) => Promise<R[]>): Promise<R[]> {
  const unique = [...new Set(keys)];
  const rows: R[] = [];
  for (let i = 0; i < unique.length; i += KEYS) rows.push(...(await read(unique.slice(i, i + KEYS))));
  return rows;
}
