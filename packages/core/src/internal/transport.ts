/**
 * Classifies why no response arrived, by walking the `cause` chain of whatever the HTTP client failed with
 * (Effect's `HttpClientError` → `reason` → `cause`; ky's `NetworkError`/`TimeoutError`; fetch's
 * `TypeError("fetch failed")` → undici/Node errors with `.code`; `AggregateError.errors`). Property reads only.
 */
import type { TransportReason } from "../Errors.ts"

const byCode: Record<string, TransportReason> = {
  ECONNREFUSED: "ConnectionRefused",
  ECONNRESET: "ConnectionReset",
  EPIPE: "ConnectionReset",
  ECONNABORTED: "ConnectionReset",
  UND_ERR_SOCKET: "ConnectionReset",
  UND_ERR_CLOSED: "ConnectionReset",
  ENOTFOUND: "DnsFailure",
  EAI_AGAIN: "DnsFailure",
  EAI_NONAME: "DnsFailure",
  EAI_FAIL: "DnsFailure",
  ETIMEDOUT: "Timeout",
  ESOCKETTIMEDOUT: "Timeout",
  UND_ERR_CONNECT_TIMEOUT: "Timeout",
  UND_ERR_HEADERS_TIMEOUT: "Timeout",
  UND_ERR_BODY_TIMEOUT: "Timeout",
  ABORT_ERR: "Aborted",
  UND_ERR_ABORTED: "Aborted",
}

const byName: Record<string, TransportReason> = {
  TimeoutError: "Timeout",
  AbortError: "Aborted",
}

/** `HttpClientError` reasons of a request that was never built (bad URL, body that cannot be encoded). */
const notBuilt = new Set(["InvalidUrlError", "EncodeError"])

const read = (u: unknown, key: string): unknown => {
  if (typeof u !== "object" || u === null) return undefined
  try {
    return (u as Record<string, unknown>)[key]
  } catch {
    return undefined
  }
}

/** The reason and a short, request-free detail (the error code or name that decided it). */
export const classify = (error: unknown): { readonly reason: TransportReason; readonly detail?: string } => {
  const seen = new Set<unknown>()
  const queue: Array<unknown> = [error]
  let byNameHit: { reason: TransportReason; detail: string } | undefined
  while (queue.length > 0 && seen.size < 32) {
    const node = queue.shift()
    if (typeof node !== "object" || node === null || seen.has(node)) continue
    seen.add(node)
    if (seen.size <= 2 && notBuilt.has(read(node, "_tag") as string)) return { reason: "NotBuilt" }
    const code = read(node, "code")
    if (typeof code === "string" && code in byCode)
      return { reason: byCode[code] as TransportReason, detail: code }
    const name = read(node, "name")
    if (byNameHit === undefined && typeof name === "string" && name in byName) {
      byNameHit = { reason: byName[name] as TransportReason, detail: name }
    }
    for (const key of ["reason", "cause"]) queue.push(read(node, key))
    const errors = read(node, "errors")
    if (Array.isArray(errors)) queue.push(...errors)
  }
  return byNameHit ?? { reason: "Unknown" }
}
