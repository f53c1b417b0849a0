/**
 * The `--verbose`-style trace of one HTTP exchange: what was sent, what came back and how long it took,
 * with every secret header and secret JSON body field redacted before it leaves this module.
 *
 * @since 0.1.0
 */
import * as Headers from "effect/http/Headers"

/**
 * One finished exchange, already redacted. `status` is absent when no response arrived (`error` says why).
 *
 * @category models
 * @since 0.1.0
 */
export interface TraceEntry {
  readonly method: string
  readonly url: string
  readonly requestHeaders: Readonly<Record<string, string>>
  /** The redacted JSON body, `<n bytes>` for other bodies, absent without a body. */
  readonly requestBody?: string | undefined
  readonly status?: number | undefined
  readonly responseHeaders?: Readonly<Record<string, string>> | undefined
  /** The redacted JSON body, or the text truncated to 1 KiB; absent when empty. */
  readonly responseBody?: string | undefined
  /** Wall time from sending to the last byte of the body (or the failure), in milliseconds. */
  readonly durationMs: number
  /** Why no response arrived: the transport failure, or `interrupted`. */
  readonly error?: string | undefined
}

/**
 * Receives each finished exchange. Called synchronously; keep it cheap (e.g. write a line to stderr).
 *
 * @category models
 * @since 0.1.0
 */
export type Tracer = (entry: TraceEntry) => void

/**
 * The text every redacted value is replaced with.
 *
 * @category constants
 * @since 0.1.0
 */
export const redactedText = "<redacted>"

/**
 * What a trace redacts on top of the defaults: header names (compared case-insensitively) and JSON body field
 * names (case-insensitively, at any depth). The API a client talks to knows its secrets; this adapter does not.
 *
 * @category models
 * @since 0.1.0
 */
export interface Redaction {
  readonly headerNames?: ReadonlyArray<string> | undefined
  readonly bodyFields?: ReadonlyArray<string> | undefined
}

/**
 * Always redacted, whatever the API: the usual credential headers and secret-looking body fields.
 *
 * @category constants
 * @since 0.1.0
 */
export const defaultRedaction = {
  headerNames: ["authorization", "proxy-authorization", "cookie", "set-cookie"],
  bodyFields: ["password", "secret", "token"],
} as const satisfies Redaction

const lower = (names: ReadonlyArray<string>) => names.map((name) => name.toLowerCase())
const defaultFieldSet = new Set(lower(defaultRedaction.bodyFields))

/**
 * Redacts the values of secret headers: {@link defaultRedaction}'s plus `extraNames`
 * (strings compared case-insensitively, or regular expressions tested against lower-cased names).
 *
 * @category redaction
 * @since 0.1.0
 */
export const redactHeaders = (
  headers: Readonly<Record<string, string>>,
  extraNames: ReadonlyArray<string | RegExp> = [],
): Record<string, string> => {
  const redacted = Headers.redact(Headers.fromInput(headers), [
    ...defaultRedaction.headerNames,
    ...extraNames,
  ])
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(redacted)) {
    out[name] = typeof value === "string" ? value : redactedText
  }
  return out
}

const redactValue = (value: unknown, secret: ReadonlySet<string>): unknown => {
  if (Array.isArray(value)) return value.map((inner) => redactValue(inner, secret))
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {}
    for (const [key, inner] of Object.entries(value)) {
      out[key] = secret.has(key.toLowerCase()) ? redactedText : redactValue(inner, secret)
    }
    return out
  }
  return value
}

const maxTextLength = 1024

/**
 * Renders a body for a trace: JSON with every {@link defaultRedaction} body field and every `extraFields` value
 * redacted; text that is not
 * JSON truncated to 1 KiB (only when `contentType` is textual), otherwise `<n bytes>`. `undefined` when empty.
 *
 * @category redaction
 * @since 0.1.0
 */
export const redactBody = (
  body: string | Uint8Array | undefined,
  contentType = "",
  extraFields: ReadonlyArray<string> = [],
): string | undefined => {
  if (body === undefined) return undefined
  const text = typeof body === "string" ? body : new TextDecoder().decode(body)
  if (text.length === 0) return undefined
  const size = typeof body === "string" ? new TextEncoder().encode(body).byteLength : body.byteLength
  try {
    const secret =
      extraFields.length === 0 ? defaultFieldSet : new Set([...defaultFieldSet, ...lower(extraFields)])
    return JSON.stringify(redactValue(JSON.parse(text), secret))
  } catch {
    // not JSON: fall through
  }
  if (/json/i.test(contentType)) return `<${size} bytes, not valid JSON>`
  if (/^text\/|html|xml/i.test(contentType)) {
    return text.length > maxTextLength ? `${text.slice(0, maxTextLength)}… <${size} bytes>` : text
  }
  return `<${size} bytes>`
}

/**
 * Formats an entry as `curl -v`-like lines: `>` for the request, `<` for the response.
 *
 * @category formatting
 * @since 0.1.0
 */
export const format = (entry: TraceEntry): string => {
  const lines = [`> ${entry.method} ${entry.url}`]
  for (const [name, value] of Object.entries(entry.requestHeaders)) lines.push(`> ${name}: ${value}`)
  if (entry.requestBody !== undefined) lines.push(`> ${entry.requestBody}`)
  const took = `(${entry.durationMs.toFixed(1)} ms)`
  if (entry.status === undefined) {
    lines.push(`< no response: ${entry.error ?? "unknown failure"} ${took}`)
  } else {
    lines.push(`< ${entry.status} ${took}`)
    for (const [name, value] of Object.entries(entry.responseHeaders ?? {})) lines.push(`< ${name}: ${value}`)
    if (entry.responseBody !== undefined) lines.push(`< ${entry.responseBody}`)
  }
  return lines.join("\n")
}
