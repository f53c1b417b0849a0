/**
 * An in-memory HttpClient for tests: a handler answers each request (a web `Response`, or a transport failure
 * carrying a Node-style `code`), and every request is recorded so tests can count attempts.
 */
import { Effect, Layer } from "effect"
import { HttpClient, HttpClientError, type HttpClientRequest, HttpClientResponse } from "effect/http"

export interface Recorded {
  readonly method: string
  readonly url: string
  readonly path: string
  readonly headers: Readonly<Record<string, string>>
  readonly body: unknown
}

/** What a handler may answer: a Response, a transport failure (`{ fail: cause }`), or an Effect of either. */
export type Answer = Response | { readonly fail: unknown }

export type Handler = (request: Recorded, index: number) => Answer | Effect.Effect<Answer>

const decoder = new TextDecoder()

const bodyOf = (request: HttpClientRequest.HttpClientRequest): unknown => {
  const body = request.body
  if (body._tag === "Uint8Array") {
    const text = decoder.decode(body.body)
    try {
      return JSON.parse(text)
    } catch {
      return text
    }
  }
  return undefined
}

export interface TestHttp {
  readonly layer: Layer.Layer<HttpClient.HttpClient>
  readonly requests: Array<Recorded>
}

export const testHttp = (handler: Handler): TestHttp => {
  const requests: Array<Recorded> = []
  const client = HttpClient.make((request, url) =>
    Effect.suspend(() => {
      const recorded: Recorded = {
        method: request.method,
        url: url.toString(),
        path: url.pathname,
        headers: { ...request.headers },
        body: bodyOf(request),
      }
      requests.push(recorded)
      const answer = handler(recorded, requests.length - 1)
      return (Effect.isEffect(answer) ? answer : Effect.succeed(answer)).pipe(
        Effect.flatMap((a) =>
          a instanceof Response
            ? Effect.succeed(HttpClientResponse.fromWeb(request, a))
            : Effect.fail(
                new HttpClientError.HttpClientError({
                  reason: new HttpClientError.TransportError({ request, cause: a.fail }),
                }),
              ),
        ),
      )
    }),
  )
  return { layer: Layer.succeed(HttpClient.HttpClient, client), requests }
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  })

export const text = (status: number, body: string, headers: Record<string, string> = {}): Response =>
  new Response(status === 204 ? null : body, {
    status,
    headers: { "content-type": "text/plain", ...headers },
  })

export const nodeError = (code: string, message = `connect ${code}`) =>
  Object.assign(new Error(message), { code })

/** fetch's shape: TypeError("fetch failed") whose cause carries the code. */
export const fetchFailed = (code: string) =>
  Object.assign(new TypeError("fetch failed"), { cause: nodeError(code) })

export const okAuth = (extra: Record<string, unknown> = {}) =>
  json(200, { apiKey: "api-key-1", token: "token-1", operatorId: "OP0012345678", ...extra })
