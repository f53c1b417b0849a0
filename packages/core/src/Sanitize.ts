/**
 * What may be shown of text a server supplied: never a secret of the request, never a terminal control.
 *
 * - {@link scrubSecrets}: removes every copy of a request's secrets from text — for a secret of {@link minRun}
 *   characters or more, case-insensitively and any run of {@link minRun} or more of its characters (a server may
 *   echo a secret upper-cased, truncated or embedded); a shorter secret, its exact copies. Used on every server message core keeps, and by `@soracom-auth/http-ky`'s trace.
 * - {@link printable}: the one function a front end applies before printing server-supplied text: C0 and C1
 *   controls (ESC/CSI/OSC sequences, `\r`, BEL…), DEL and bidirectional overrides are removed; line breaks and
 *   tabs become spaces (a server must not be able to draw its own lines under ours).
 *
 * @since 0.1.0
 */

/**
 * The shortest run of a secret's characters that is scrubbed wherever it appears, in any case (shorter secrets
 * are scrubbed only as exact copies).
 *
 * @category constants
 * @since 0.1.0
 */
export const minRun = 8

/**
 * The text every scrubbed value is replaced with.
 *
 * @category constants
 * @since 0.1.0
 */
export const redactedText = "<redacted>"

/** Lower-cases each UTF-16 unit on its own, so indices in the result are indices in the input. */
const fold = (text: string): string => {
  let out = ""
  for (const ch of text.split("")) {
    const lower = ch.toLowerCase()
    out += lower.length === 1 ? lower : ch
  }
  return out
}

/**
 * `text` with every copy of each secret, and every run of ≥ {@link minRun} characters of one, replaced by
 * {@link redactedText}; matching ignores case.
 *
 * @category scrubbing
 * @since 0.1.0
 */
export const scrubSecrets = (text: string, secrets: ReadonlyArray<string>): string => {
  const haystack = fold(text)
  const hide = new Uint8Array(text.length)
  let any = false
  for (const raw of secrets) {
    if (raw.length === 0) continue
    if (raw.length < minRun) {
      // A short secret (a test value, a 6-digit code) case-insensitively would hide ordinary words.
      for (let i = text.indexOf(raw); i !== -1; i = text.indexOf(raw, i + 1)) {
        hide.fill(1, i, i + raw.length)
        any = true
      }
      continue
    }
    const secret = fold(raw)
    const windows = new Set<string>()
    for (let i = 0; i + minRun <= secret.length; i++) windows.add(secret.slice(i, i + minRun))
    for (let i = 0; i + minRun <= haystack.length; i++) {
      if (!windows.has(haystack.slice(i, i + minRun))) continue
      // Extend the match as far as it stays a piece of the secret.
      let end = i + minRun
      while (end < haystack.length && secret.includes(haystack.slice(i, end + 1))) end++
      hide.fill(1, i, end)
      any = true
    }
  }
  if (!any) return text
  let out = ""
  for (let i = 0; i < text.length; i++) {
    if (hide[i] === 0) out += text[i]
    else if (i === 0 || hide[i - 1] === 0) out += redactedText
  }
  return out
}

// C0 and C1 controls, DEL, and the bidirectional embedding/override/isolate characters.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this matches
const controls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g
const breaks = /[\t\n\r]/g

/**
 * Server-supplied text made safe to print on one line of a terminal: controls removed, line breaks and tabs as
 * spaces.
 *
 * @category scrubbing
 * @since 0.1.0
 */
export const printable = (text: string): string => text.replace(breaks, " ").replace(controls, "")
