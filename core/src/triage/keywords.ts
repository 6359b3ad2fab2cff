/**
 * Keyword matching for triage and routing. Words and phrases match whole words, case-insensitively,
 * and a trailing `*` matches any ending (`syringe*` matches syringes).
 */
export interface KeywordMatcher {
  readonly words: readonly string[];
  /** The first word or phrase found in the text, or undefined. */
  find(text: string): string | undefined;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Splits a comma-separated keyword column into trimmed, non-empty words. */
export const splitKeywords = (list: string | null | undefined): string[] =>
  (list ?? '').split(',').map((word) => word.trim().toLowerCase()).filter(Boolean);

export function keywordMatcher(words: readonly string[]): KeywordMatcher {
  const cleaned = words.map((word) => word.trim().toLowerCase()).filter(Boolean);
  if (cleaned.length === 0) return { words: cleaned, find: () => undefined };
  const alternatives = cleaned.map((word) => (word.endsWith('*') ? `${escape(word.slice(0, -1))}\\w*` : escape(word)).replace(/\s+/g, '\\s+'));
  const pattern = new RegExp(`(?<![\\w])(?:${alternatives.join('|')})(?![\\w])`, 'i');
  return {
    words: cleaned,
    find: (text) => pattern.exec(text)?.[0].toLowerCase(),
  };
}
