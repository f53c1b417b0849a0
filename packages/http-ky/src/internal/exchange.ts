/**
 * One request through ky, in promise land: send, then read the whole body under the timeouts, and hand back
 * a fresh `Response` over the buffered bytes. The connection is free again before the caller sees the
 * response, so a body nobody reads never pins a socket, and a reset or a stall mid-body is a transport
 * failure of this attempt rather than a surprise while decoding later.
 *
 * The timeouts are enforced here, not by ky (the instance has `timeout: false`): ky's own machinery costs a
 * second `AbortController`, a composite `AbortSignal.any` over the caller's signal and a timer race per phase.
 * Here ONE controller aborts the request: when the caller's signal aborts (interruption), or when the one timer
 * fires — with ky's `TimeoutError` as the reason, so the failure reads exactly as ky's own timeout does.
 */
import { type KyInstance, type Options as KyOptions, TimeoutError } from "ky"

/** ky refused to build the request (bad URL, bad header…): nothing was sent. */
export class NotSent {
  readonly cause: unknown
  constructor(cause: unknown) {
    this.cause = cause
  }
}

/** The response headers arrived but reading the body failed (reset, stall): the attempt is lost. */
export class BodyFailed {
  readonly cause: unknown
  constructor(cause: unknown) {
    this.cause = cause
  }
}

/** Per-attempt (`timeoutMs`, each phase: headers, then body) and whole-exchange (`totalTimeoutMs`) limits. */
export interface Limits {
  readonly timeoutMs: number | false
  readonly totalTimeoutMs: number | false
}

/**
 * What travels past ky to {@link bodyPassingFetch} under {@link passKey} (ky forwards options it does not know
 * to `fetch` unchanged): the headers, the body, and the signal `fetch` must obey. The wrapper records ky's `Request`.
 */
interface Passed {
  readonly headers: Headers
  readonly body: BodyInit | undefined
  readonly signal: AbortSignal
  request: Request | undefined
}

const hasNullBody = (status: number) => status === 204 || status === 205 || status === 304

export const exchange = (
  api: KyInstance,
  url: URL,
  init: { readonly method: string; readonly headers: Record<string, string> },
  body: BodyInit | undefined,
  signal: AbortSignal,
  limits: Limits,
): Promise<Response> => {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return Promise.reject(new NotSent(new TypeError(`unsupported URL scheme ${url.protocol}`)))
  }
  let headers: Headers
  try {
    // Built here, not by ky (its option merge would copy them twice more): a bad value throws now, unsent.
    headers = new Headers(init.headers)
  } catch (cause) {
    return Promise.reject(new NotSent(cause))
  }
  const controller = new AbortController()
  const passed: Passed = { headers, body, signal: controller.signal, request: undefined }
  const onAbort = () => controller.abort(signal.reason)
  if (signal.aborted) controller.abort(signal.reason)
  else signal.addEventListener("abort", onAbort, { once: true })

  const deadline = limits.totalTimeoutMs === false ? undefined : performance.now() + limits.totalTimeoutMs
  let timer: ReturnType<typeof setTimeout> | undefined
  const arm = () => {
    const remaining = deadline === undefined ? false : Math.max(0, deadline - performance.now())
    const ms =
      limits.timeoutMs === false
        ? remaining
        : remaining === false
          ? limits.timeoutMs
          : Math.min(limits.timeoutMs, remaining)
    if (ms === false) return
    timer = setTimeout(() => {
      controller.abort(new TimeoutError(passed.request ?? new Request(url, { method: init.method })))
    }, ms)
  }
  const done = () => {
    if (timer !== undefined) clearTimeout(timer)
    signal.removeEventListener("abort", onAbort)
  }

  let pending: Promise<Response>
  try {
    arm()
    pending = api(url, { method: init.method, [passKey]: passed } as KyOptions)
  } catch (cause) {
    done()
    return Promise.reject(new NotSent(cause))
  }
  return pending
    .then((response) => {
      if (timer !== undefined) clearTimeout(timer)
      if (response.body === null) return response
      const responseInit = {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      }
      if (hasNullBody(response.status)) {
        void response.body.cancel().catch(() => undefined)
        return new Response(null, responseInit)
      }
      // The body gets its own per-attempt window (and what is left of the total); a timeout aborts the read.
      arm()
      return response.arrayBuffer().then(
        (bytes) => new Response(bytes, responseInit),
        (cause: unknown) => Promise.reject(new BodyFailed(cause)),
      )
    })
    .finally(done)
}

/** The init key under which {@link Passed} travels past ky to {@link bodyPassingFetch}. */
export const passKey = "soracomAuthPassed"

/**
 * The `fetch` the ky instance calls. ky hands `fetch` the `Request` it built; given a `Request` with a body,
 * undici copies it into a new `Request` whose body is a TransformStream proxy and streams it out (≈ +150 µs of
 * CPU and extra socket writes per call, measured). So ky's `Request` carries no body; the body goes straight to
 * `fetch` next to that request's URL and method, with the exchange's headers and its one signal (timeout and
 * cancellation). The headers skip ky's option merge too: they are merged once, by the layer.
 */
export const bodyPassingFetch =
  (fetchImpl: () => typeof globalThis.fetch) =>
  (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const fetch = fetchImpl()
    const passed = (init as { [passKey]?: Passed } | undefined)?.[passKey]
    if (!(input instanceof Request) || passed === undefined) return fetch(input, init)
    passed.request = input
    const body = passed.body
    return fetch(input.url, {
      method: input.method,
      headers: passed.headers,
      signal: passed.signal,
      redirect: input.redirect,
      ...(body === undefined ? {} : { body }),
      ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
    } as RequestInit)
  }
