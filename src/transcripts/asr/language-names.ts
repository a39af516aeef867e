// whisper.cpp reports languages by name ("english"); OpenAI by name too. Transcripts carry ISO 639-1.
const CODES: Record<string, string> = {
  english: 'en', german: 'de', spanish: 'es', french: 'fr', italian: 'it', portuguese: 'pt', dutch: 'nl',
  russian: 'ru', chinese: 'zh', japanese: 'ja', korean: 'ko', arabic: 'ar', hindi: 'hi', turkish: 'tr',
  polish: 'pl', swedish: 'sv', danish: 'da', norwegian: 'no', finnish: 'fi', czech: 'cs', greek: 'el',
  hebrew: 'he', ukrainian: 'uk', romanian: 'ro', hungarian: 'hu', indonesian: 'id', vietnamese: 'vi',
  thai: 'th', catalan: 'ca', malay: 'ms', tagalog: 'tl', persian: 'fa', bengali: 'bn', urdu: 'ur',
};

/** "english" / "English" / "en" / "en-US" → "en"; undefined when unknown or absent. */
export function languageCode(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim().toLowerCase();
  if (/^[a-z]{2}(?:[-_][a-z0-9]+)?$/.test(text)) return text.slice(0, 2);
  return CODES[text];
}
