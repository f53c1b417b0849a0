/**
 * ky failure → Effect `HttpClientError`, in one function. The original error is always kept as `cause`
 * (core walks the chain for `code` / `name`); the description says in words what happened.
 */
import * as HttpClientError from "effect/http/HttpClientError"
import type * as HttpClientRequest from "effect/http/HttpClientRequest"
import * as UrlParams from "effect/http/UrlParams"
import { isNetworkError, isTimeoutError } from "ky"
import { BodyFailed, NotSent } from "./exchange.ts"

export interface TimeoutSettings {
  readonly timeoutMs: number | false
  readonly totalTimeoutMs: number | false
}

const codeOf = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === "string" ? code : undefined
}

/** The innermost error of a `cause` chain (AggregateError: its first error), with the first `code` seen. */
export const rootCause = (error: unknown): { readonly error: unknown; readonly code: string | undefined } => {
  let current = error
  let code = codeOf(current)
  for (let depth = 0; depth < 16; depth++) {
    const next =
      current instanceof AggregateError && current.errors.length > 0
        ? current.errors[0]
        : (current as { cause?: unknown } | null)?.cause
    if (next === undefined || next === null || next === current) break
    current = next
    code ??= codeOf(current)
  }
  return { error: current, code }
}

/** In words, whatever was thrown: a value with no usable `toString` (a null-prototype object) included. */
const messageOf = (error: unknown): string => {
  if (error instanceof Error) return error.message
  try {
    return String(error)
  } catch {
    return Object.prototype.toString.call(error)
  }
}

const describeTimeout = ({ timeoutMs, totalTimeoutMs }: TimeoutSettings) => {
  const limits = [
    ...(timeoutMs === false ? [] : [`${timeoutMs} ms per attempt`]),
    ...(totalTimeoutMs === false ? [] : [`${totalTimeoutMs} ms in total`]),
  ]
  return `timed out (${limits.join(", ")})`
}

const isAbort = (error: unknown) => error instanceof Error && error.name === "AbortError"

export const fromKyFailure = (
  request: HttpClientRequest.HttpClientRequest,
  cause: unknown,
  settings: TimeoutSettings,
): HttpClientError.HttpClientError => {
  if (cause instanceof NotSent) {
    // The platform's message may quote the URL, credentials included: never repeat it verbatim.
    const detail = messageOf(cause.cause).split(request.url).join(UrlParams.redactUrl(request.url))
    const description = `request not sent: ${detail.replace(/(\w+:\/\/)[^/@\s]*@/g, "$1<redacted>@")}`
    const reason = /url/i.test(messageOf(cause.cause))
      ? new HttpClientError.InvalidUrlError({ request, cause: cause.cause, description })
      : new HttpClientError.EncodeError({ request, cause: cause.cause, description })
    return new HttpClientError.HttpClientError({ reason })
  }
  const duringBody = cause instanceof BodyFailed
  const original = cause instanceof BodyFailed ? cause.cause : cause
  return new HttpClientError.HttpClientError({
    reason: new HttpClientError.TransportError({
      request,
      cause: original,
      description: describeTransport(original, duringBody, settings),
    }),
  })
}

const describeTransport = (error: unknown, duringBody: boolean, settings: TimeoutSettings): string => {
  const phase = duringBody ? " while reading the response body" : ""
  if (isTimeoutError(error)) return describeTimeout(settings) + phase
  if (isAbort(error)) return `aborted${phase}`
  const root = rootCause(error)
  const detail = messageOf(root.error)
  const what = duringBody
    ? "connection lost while reading the response body"
    : isNetworkError(error)
      ? "network error"
      : "failed"
  return root.code !== undefined && !detail.includes(root.code)
    ? `${what}: ${detail} (${root.code})`
    : `${what}: ${detail}`
}
