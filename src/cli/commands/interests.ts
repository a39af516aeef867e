/** "ai policy, open-source models" → distinct, trimmed interests. */
export function parseInterests(list: string): string[] {
  return [
    ...new Set(
      list
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}
