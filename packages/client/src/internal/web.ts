/**
 * Web `Request` / `Response` ↔ Effect's `HttpClientRequest` / `HttpClientResponse`, so `fetch` and ky go through
 * core's authenticated client (the one place that adds the headers and re-signs in on a 401).
 */
import { Errors } from "@soracom-auth/core"
import { Effect } from "effect"
import { HttpClientRequest, type HttpClientResponse, type HttpMethod } from "effect/http"

const methods: ReadonlyArray<HttpMethod.HttpMethod> = [
  "GET",
  "POST",
  "PUT",
  "DELETE",
  "PATCH",
  "HEAD",
  "OPTIONS",
]
const methodOf = (m: string): HttpMethod.HttpMethod | undefined => methods.find((known) => known === m)

/** The request as Effect's, its body read once (so a retry after a 401 can send it again). */
export const fromWebRequest = (
  request: Request,
  language: string | undefined,
): Effect.Effect<HttpClientRequest.HttpClientRequest, Errors.InvalidRequest> => {
  const method = methodOf(request.method.toUpperCase())
  if (method === undefined)
    return Effect.fail(
      new Errors.InvalidRequest({
        field: "method",
        reason: `SORACOM's API has no ${request.method} requests.`,
      }),
    )
  return Effect.promise(async () => {
    const headers: Record<string, string> = {}
    request.headers.forEach((value, name) => {
      headers[name] = value
    })
    if (language !== undefined && headers["x-soracom-lang"] === undefined)
      headers["x-soracom-lang"] = language
    const base = HttpClientRequest.make(method)(request.url, { headers })
    if (request.body === null) return base
    const bytes = new Uint8Array(await request.arrayBuffer())
    return HttpClientRequest.bodyUint8Array(base, bytes, headers["content-type"])
  })
}

const nullBody = new Set([101, 103, 204, 205, 304])

/**
 * An error body that echoes the API key or token the request carried gets them replaced: whatever turns the
 * body into an error (ky's `HTTPError.data`, a log of `await response.text()`) never shows them.
 */
const scrubEcho = (body: ArrayBuffer, sent: ReadonlyArray<string>): ArrayBuffer => {
  const text = new TextDecoder().decode(body)
  const found = sent.filter((secret) => secret.length > 0 && text.includes(secret))
  if (found.length === 0) return body
  const scrubbed = found.reduce((t, secret) => t.replaceAll(secret, "<redacted>"), text)
  return new TextEncoder().encode(scrubbed).buffer as ArrayBuffer
}

/** The response as a web `Response` (the body was already read by the transport). */
export const toWebResponse = (
  response: HttpClientResponse.HttpClientResponse,
  method: string,
): Effect.Effect<Response, never> =>
  Effect.map(
    Effect.orElseSucceed(response.arrayBuffer, () => new ArrayBuffer(0)),
    (bytes) => {
      const sent = [
        response.request.headers["x-soracom-api-key"],
        response.request.headers["x-soracom-token"],
      ]
      const body =
        response.status >= 400
          ? scrubEcho(
              bytes,
              sent.filter((s): s is string => s !== undefined),
            )
          : bytes
      // The bytes are decoded and whole: their length and encoding headers no longer describe them.
      const headers = new Headers(response.headers as Record<string, string>)
      for (const name of ["content-length", "content-encoding", "transfer-encoding"]) headers.delete(name)
      return new Response(nullBody.has(response.status) || method.toUpperCase() === "HEAD" ? null : body, {
        status: response.status,
        headers,
      })
    },
  )
