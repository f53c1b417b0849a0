/**
 * ky failure → Effect `HttpClientError`, in one function. The original error is always kept as `cause`
 * (core walks the chain for `code` / `name`); the description says in words what happened.
 */
import { HttpClientError, type HttpClientRequest } from "effect/http"
import { isNetworkError, isTimeoutError } from "ky"
import { NotSent } from "./exchange.ts"

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

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

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
    const description = `request not sent: ${messageOf(cause.cause)}`
    const reason = /url/i.test(messageOf(cause.cause))
      ? new HttpClientError.InvalidUrlError({ request, cause: cause.cause, description })
      : new HttpClientError.EncodeError({ request, cause: cause.cause, description })
    return new HttpClientError.HttpClientError({ reason })
  }
  let description: string
  if (isTimeoutError(cause)) {
    description = describeTimeout(settings)
  } else if (isAbort(cause)) {
    description = "aborted"
  } else {
    const root = rootCause(cause)
    const detail = messageOf(root.error)
    description =
      root.code !== undefined && !detail.includes(root.code)
        ? `${isNetworkError(cause) ? "network error" : "failed"}: ${detail} (${root.code})`
        : `${isNetworkError(cause) ? "network error" : "failed"}: ${detail}`
  }
  return new HttpClientError.HttpClientError({
    reason: new HttpClientError.TransportError({ request, cause, description }),
  })
}
