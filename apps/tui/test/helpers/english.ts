/**
 * Finds English words left in a Japanese text, names and codes aside: what a Japanese-speaking user must not
 * meet. Shared by the catalog walk and the command-line tests (help and output under `ja`).
 */

/** What may stay as typed in a Japanese sentence: names, codes, commands, flags, variables, units. */
export const names = [
  "SORACOM",
  "AuthKey",
  "Auth",
  "ID",
  "MFA",
  "TOTP",
  "SAM",
  "API",
  "HTTP",
  "URL",
  "Unicode",
  "Redis",
  "KiB",
  "OP",
  "keyId",
  "mfaOTPCode",
  "chmod",
  "export",
  "soracom-auth",
  "soracom-cli",
  "Ctrl",
  "C",
  "authKeyId",
  "authKey",
  "operatorId",
  "username",
  "JSON",
  "jp",
  "g",
  "en",
  "ja",
]

/** The English words of `text` that are not names, codes, commands, flags, paths, URLs or durations. */
export const englishLeft = (text: string): ReadonlyArray<string> => {
  const stripped = text
    .replace(/`[^`]*`/g, " ") // commands
    .replace(/\bhttps?:\/\/\S+/g, " ") // URLs
    .replace(/\b[\w-]+(?:\.[\w-]+)+\b/g, " ") // host names, file names
    .replace(/(?:^|\s)\/[\w/{}_-]+/g, " ") // API paths
    .replace(/「[^」]*」/g, " ") // quoted names
    .replace(/(?<![\w-])--?[a-z][a-z-]*/g, " ") // flags
    .replace(/\b\d+[hms](?:\d+[hms])*\b/g, " ") // durations: 2h, 90m, 1h30m
    .replace(/\b[A-Z][A-Z0-9_]{2,}\b/g, " ") // variables and codes
    .replace(/\b[A-Z]\b/g, " ") // metavariables: P, Q
    .replace(/'[^']*'/g, " ") // quoted characters and paths
    .replace(/⟦\d+⟧/g, " ")
  return (stripped.match(/[A-Za-z][A-Za-z-]*/g) ?? []).filter((w) => !names.includes(w))
}
