/**
 * One request through ky's documented API, in promise land: ky sends it under its own per-attempt `timeout`
 * and `totalTimeout` (and the caller's `signal`), then its `.arrayBuffer()` shortcut reads the whole body under
 * ky's body-read timeout. The caller gets a fresh `Response` over the buffered bytes: the connection is free
 * again before anyone decodes, so an unread body never pins a socket, and a reset or stall mid-body is a
 * transport failure of this attempt rather than a surprise while decoding later.
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

export const exchange = async (
  api: KyInstance,
  url: URL,
  method: string,
  headers: Record<string, string>,
  signal: AbortSignal,
  body: NonNullable<KyOptions["body"]> | undefined,
): Promise<Response> => {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new NotSent(new TypeError(`unsupported URL scheme ${url.protocol}`))
  }
  let pending: ReturnType<KyInstance>
  try {
    // ky builds its `Request` here: a bad header value throws now, before anything is sent.
    pending = api(url, body === undefined ? { method, headers, signal } : { method, headers, signal, body })
  } catch (cause) {
    throw new NotSent(cause)
  }
  const response = await pending
  const responseInit = { status: response.status, statusText: response.statusText, headers: response.headers }
  if (response.body === null || hasNullBody(response.status)) {
    void response.body?.cancel().catch(() => undefined)
    return new Response(null, responseInit)
  }
  let bytes: ArrayBuffer
  try {
    bytes = await pending.arrayBuffer()
  } catch (cause) {
    throw new BodyFailed(cause)
  }
  return new Response(bytes, responseInit)
}
