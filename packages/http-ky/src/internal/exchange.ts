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
