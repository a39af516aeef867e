const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
  // Common non-English abbreviations seen in European feeds.
  mrz: 2,
  mär: 2,
  mai: 4,
  okt: 9,
  dez: 11,
  ene: 0,
  abr: 3,
  ago: 7,
  dic: 11,
  gen: 0,
  set: 8,
  ott: 9,
};

const ZONES: Record<string, number> = {
  z: 0,
  ut: 0,
  utc: 0,
  gmt: 0,
  wet: 0,
  bst: 60,
  cet: 60,
  met: 60,
  cest: 120,
  mest: 120,
  eet: 120,
  eest: 180,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  akst: -540,
  akdt: -480,
  hst: -600,
  ist: 330,
  jst: 540,
  aest: 600,
  aedt: 660,
};

const MIN_YEAR = 1900;
const MAX_YEAR = 2999;

const RFC822 =
  /^(?:[a-z\u00C0-\u017F]{2,12}\.?,?\s*)?(\d{1,2})[\s-]+([a-z\u00C0-\u017F]{3,12})\.?[\s-]+(\d{2}|\d{4})(?:[\sT,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*([a-z]{1,5}|[+-]\d{2}:?\d{2})?(?:\s*\(.*\))?$/i;
const ISO8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(z|[+-]\d{2}(?::?\d{2})?)?$/i;

function zoneMinutes(zone: string | undefined): number | undefined {
  if (!zone) return 0;
  const numeric = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
    return minutes > 14 * 60 ? undefined : numeric[1] === '-' ? -minutes : minutes;
  }
  // An unknown zone name costs at most a few hours: better than dropping the date.
  return ZONES[zone.toLowerCase()] ?? 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 1 && leap ? 29 : (DAYS_IN_MONTH[month] as number);
}

function build(
  year: number,
  month: number,
  day: number,
  h: number,
  m: number,
  s: number,
  offset: number | undefined,
): string | undefined {
  if (offset === undefined || year < MIN_YEAR || year > MAX_YEAR || h > 23 || m > 59 || s > 60) return undefined;
  // Impossible dates (Feb 30, month 13) are rejected instead of rolled over.
  if (month < 0 || month > 11 || day < 1 || day > daysInMonth(year, month)) return undefined;
  const ms = Date.UTC(year, month, day, h, m, Math.min(s, 59));
  return new Date(ms - offset * 60_000).toISOString();
}

// A format that matched but names an impossible date is 'invalid': no looser parser gets a second try.
type Attempt = string | 'invalid' | undefined;

function fromRfc822(text: string): Attempt {
  const m = RFC822.exec(text);
  if (!m) return undefined;
  const month = MONTHS[(m[2] ?? '').slice(0, 3).toLowerCase()];
  if (month === undefined) return undefined;
  let year = Number(m[3]);
  if ((m[3] ?? '').length === 2) year += year < 50 ? 2000 : 1900;
  return (
    build(year, month, Number(m[1]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), zoneMinutes(m[7])) ??
    'invalid'
  );
}

function fromIso(text: string): Attempt {
  const m = ISO8601.exec(text);
  if (!m) return undefined;
  return (
    build(
      Number(m[1]),
      Number(m[2]) - 1,
      Number(m[3]),
      Number(m[4] ?? 0),
      Number(m[5] ?? 0),
      Number(m[6] ?? 0),
      zoneMinutes(m[7]),
    ) ?? 'invalid'
  );
}

// Date.parse accepts almost anything ("1" is 2001): only let it see strings that name a month and a full year.
function fromFallback(text: string): string | undefined {
  if (text.length > 80 || !/\b(19|2\d)\d\d\b/.test(text)) return undefined;
  if (!/\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i.test(text)) return undefined;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return undefined;
  const year = new Date(ms).getUTCFullYear();
  return year < MIN_YEAR || year > MAX_YEAR ? undefined : new Date(ms).toISOString();
}

const SPACES_TO_COLLAPSE = /\s\s|[^\S ]/;

/**
 * RFC 822 (with the usual real-world deviations) or ISO 8601 → ISO string; undefined for anything
 * unparseable or out of range, never an Invalid Date. Future dates are kept: callers clamp.
 */
export function parseFeedDate(raw: string | undefined): string | undefined {
  // Most dates have single spaces only: then there is nothing to collapse (and no copy to make).
  const text = (raw && SPACES_TO_COLLAPSE.test(raw) ? raw.replace(/\s+/g, ' ') : raw)?.trim();
  if (!text || text.length > 100) return undefined;
  const result = fromIso(text) ?? fromRfc822(text) ?? fromFallback(text);
  return result === 'invalid' ? undefined : result;
}
