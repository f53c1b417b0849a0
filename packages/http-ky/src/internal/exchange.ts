/**
 * One request through ky, in promise land: send, then read the whole body under ky's timeouts, and hand back
 * a fresh `Response` over the buffered bytes. The connection is free again before the caller sees the
 * response, so a body nobody reads never pins a socket, and a reset or a stall mid-body is a transport
 * failure of this attempt rather than a surprise while decoding later.
 */
import type { KyInstance, Options as KyOptions } from "ky"

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

const hasNullBody = (status: number) => status === 204 || status === 205 || status === 304

export const exchange = (api: KyInstance, url: URL, init: KyOptions): Promise<Response> => {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return Promise.reject(new NotSent(new TypeError(`unsupported URL scheme ${url.protocol}`)))
  }
  let pending: ReturnType<KyInstance>
  try {
    pending = api(url, init)
  } catch (cause) {
    return Promise.reject(new NotSent(cause))
  }
  return pending.then((response) => {
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
    // ky's body reader: bounded by the per-attempt timeout (and what is left of the total timeout).
    return pending.arrayBuffer().then(
      (bytes) => new Response(bytes, responseInit),
      (cause: unknown) => Promise.reject(new BodyFailed(cause)),
    )
  })
}

/**
 * The init key under which the request body travels past ky to {@link bodyPassingFetch}; ky forwards options it
 * does not know to `fetch` unchanged.
 */
export const bodyKey = "soracomAuthBody"

/**
 * The `fetch` the ky instance calls. ky hands `fetch` the `Request` it built; given a `Request` with a body,
 * undici copies it into a new `Request` whose body is a TransformStream proxy and streams it out (≈ +150 µs of
 * CPU and extra socket writes per call, measured). So ky's `Request` carries no body; the body goes straight to
 * `fetch` next to that request's URL, method, headers and signal (ky's timeouts and our cancellation).
 */
export const bodyPassingFetch =
  (fetchImpl: () => typeof globalThis.fetch) =>
  (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const fetch = fetchImpl()
    if (!(input instanceof Request)) return fetch(input, init)
    const { [bodyKey]: body, ...rest } = (init ?? {}) as RequestInit & { [bodyKey]?: BodyInit }
    return fetch(input.url, {
      ...rest,
      method: input.method,
      headers: input.headers,
      signal: input.signal,
      redirect: input.redirect,
      ...(body === undefined ? {} : { body }),
      ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
    } as RequestInit)
  }
