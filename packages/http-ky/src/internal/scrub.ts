/**
 * The request's own secrets, scrubbed from everything else a trace shows: a server may echo a password or a
 * token back in a body, a header or an error text, under any field name, in any case or in part. The secrets
 * are exactly the values the trace redacted by name in the request (headers and JSON body fields); the rule
 * that removes them is core's `Sanitize.scrubSecrets` (one owner for errors and traces).
 */
import { Sanitize } from "@soracom-auth/core"
import type { TraceEntry } from "../HttpTrace.ts"

const redacted = "<redacted>"

/** The values `redactedEntry` hides where `original` holds a string (same shape, walked together). */
const hiddenValues = (original: unknown, redactedEntry: unknown, out: Array<string>) => {
  if (redactedEntry === redacted) {
    if (typeof original === "string") out.push(original)
    else if (original !== null && typeof original === "object") out.push(JSON.stringify(original))
    else if (original !== undefined && original !== null) out.push(String(original))
    return
  }
  if (
    original === null ||
    typeof original !== "object" ||
    redactedEntry === null ||
    typeof redactedEntry !== "object"
  )
    return
  for (const [key, inner] of Object.entries(original)) {
    hiddenValues(inner, (redactedEntry as Record<string, unknown>)[key], out)
  }
}

const parse = (text: string | undefined): unknown => {
  if (text === undefined) return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** The secret values of a request: what the trace redacted of its headers and of its JSON body. */
export const requestSecrets = (
  headers: Readonly<Record<string, string>>,
  redactedHeaders: Readonly<Record<string, string>>,
  bodyText: string | undefined,
  redactedBody: string | undefined,
): ReadonlyArray<string> => {
  const out: Array<string> = []
  const lowered: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) lowered[name.toLowerCase()] = value
  for (const [name, value] of Object.entries(redactedHeaders)) {
    const original = lowered[name.toLowerCase()]
    if (value === redacted && original !== undefined) out.push(original)
  }
  hiddenValues(parse(bodyText), parse(redactedBody), out)
  // A secret echoed inside JSON text appears JSON-escaped.
  for (const secret of [...out]) {
    const escaped = JSON.stringify(secret).slice(1, -1)
    if (escaped !== secret) out.push(escaped)
  }
  return out.filter((s) => s.length > 0)
}

/** The entry with every request secret scrubbed from every text it carries. */
export const scrubEntry = (entry: TraceEntry, secrets: ReadonlyArray<string>): TraceEntry => {
  if (secrets.length === 0) return entry
  const scrub = (text: string) => Sanitize.scrubSecrets(text, secrets)
  const scrubHeaders = (headers: Readonly<Record<string, string>> | undefined) => {
    if (headers === undefined) return undefined
    const out: Record<string, string> = {}
    for (const [name, value] of Object.entries(headers)) out[name] = value === redacted ? value : scrub(value)
    return out
  }
  return {
    ...entry,
    url: scrub(entry.url),
    requestHeaders: scrubHeaders(entry.requestHeaders) ?? {},
    ...(entry.requestBody === undefined ? {} : { requestBody: scrub(entry.requestBody) }),
    ...(entry.responseHeaders === undefined ? {} : { responseHeaders: scrubHeaders(entry.responseHeaders) }),
    ...(entry.responseBody === undefined ? {} : { responseBody: scrub(entry.responseBody) }),
    ...(entry.error === undefined ? {} : { error: scrub(entry.error) }),
  }
}
