/**
 * English that reached a page in the Chinese interface: the Latin-script words of a text once
 * the parameters it quotes (file names, field paths, names a person typed) and the names of
 * things that stay as they are (Lantern, SQLite, JSON) are taken out.
 */
const NAMES = /\b(?:Lantern|SQLite|JSON|UTF-8|Base64|Python|JavaScript|TypeScript)\b/g;

export function englishIn(text: string, quoted: readonly (string | number)[] = []): string[] {
  let rest = text;
  // Longest first, so a path is taken out before a word inside it.
  for (const q of [...quoted].map(String).sort((a, b) => b.length - a.length)) rest = rest.split(q).join(' ');
  return rest.replace(NAMES, ' ').match(/[A-Za-z]{2,}/g) ?? [];
}
