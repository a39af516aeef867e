/**
 * The one escaping template for every HTML Podbrief writes: web pages (src/web) and emails
 * (src/delivery). Interpolated values are escaped for text and quoted attributes alike.
 */
/** HTML that is already safe to emit. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const SPECIAL = /[&<>"']/;
const SPECIALS = /[&<>"']/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// One scan that usually finds nothing (most text has no markup characters), then one pass for the
// rest, instead of five replace passes each copying the string.
function escapeHtml(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value ?? '');
  return SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ENTITY[c] as string) : text;
}

type Part = SafeHtml | string | number | null | undefined | false | Part[];

/** Tagged template: every interpolation is escaped unless it is SafeHtml (or a list of them). */
export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i += 1) out += render(values[i]) + (strings[i + 1] ?? '');
  return new SafeHtml(out);
}

function render(v: Part): string {
  if (v === null || v === undefined || v === false) return '';
  if (Array.isArray(v)) {
    let out = '';
    for (const part of v) out += render(part);
    return out;
  }
  if (v instanceof SafeHtml) return v.value;
  return escapeHtml(v);
}

/** Markup written by us, not built from any input (an entity, a fixed snippet): emitted as is. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
