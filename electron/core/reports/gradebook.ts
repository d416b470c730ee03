/** File names for exported reports and gradebooks. */
/** A file name that keeps letters of any script and drops what file systems refuse. */
export function safeFileName(name: string): string {
  // Control and format characters too: a right-to-left override would show
  // "report-\u202Egnp.exe" as "report-exe.png", and a zero-width space hides in a name.
  const kept = [...name].map((ch) =>
    /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(ch) || '\\/:*?"<>|'.includes(ch) ? '_' : ch,
  );
  return kept.join('').replace(/\s+/g, '-').slice(0, 80) || 'class';
}
