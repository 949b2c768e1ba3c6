/**
 * Regex pieces built from word lists. The lexicon files hold plain words (no regex syntax); the
 * modules that use them compile their patterns once, at module load, with these helpers.
 */

/** A word with the regex metacharacters escaped. */
export function escapeRegex(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `a|b|c` in the order given (for tests: which word matches first does not matter). */
export function anyOf(words: readonly string[]): string {
  return words.map(escapeRegex).join('|');
}

/** `a|b|c`, longest word first, so a longer word wins over its own prefix at the same place. */
export function longestFirst(words: readonly string[]): string {
  return anyOf([...words].sort((a, b) => b.length - a.length));
}
