// The time-zone check of schedule bodies. It lives with the schemas (which use it) rather than with
// the on-call rotation, so that the schemas depend on nothing outside themselves.

/** Single-word names that are IANA spellings of UTC; other single words (EST, CET, Japan) are legacy. */
const UTC_NAMES = new Set(['UTC', 'GMT', 'UCT', 'Universal', 'Zulu', 'Greenwich']);
/** IANA spelling: `Area/Location[/Sub]`, each part starting with a capital letter. Excludes `+05:00`. */
const IANA_SHAPE = /^[A-Z][A-Za-z0-9_+-]*(?:\/[A-Z][A-Za-z0-9_+-]*)*$/;
let supported: Set<string> | undefined;
const accepted = new Set<string>();

/**
 * True for an IANA zone name the platform knows: the canonical names of
 * `Intl.supportedValuesOf('timeZone')`, their aliases (`Asia/Kolkata`, `US/Eastern`, `Etc/UTC`,
 * `Etc/GMT+5`) and `UTC`. False for offsets (`UTC+5`, `+05:00`), abbreviations and legacy single
 * words (`EST`, `CET`, `EST5EDT`), which the docs advise against.
 */
export const isValidTimeZone = (name: string): boolean => {
  if (typeof name !== 'string' || name.length > 64 || !IANA_SHAPE.test(name)) return false;
  if (accepted.has(name)) return true;
  supported ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (!supported.has(name)) {
    if (!name.includes('/') && !UTC_NAMES.has(name)) return false;
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: name });
    } catch {
      return false;
    }
  }
  accepted.add(name);
  return true;
};
