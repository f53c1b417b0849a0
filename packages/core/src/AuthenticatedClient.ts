/**
 * An `HttpClient` for any SORACOM API, signed in: every request gets the current session's `X-Soracom-API-Key`
 * and `X-Soracom-Token` (from {@link AuthSession}), and a path such as `/operators/OP…` is resolved against the
 * endpoint's base URL (`…/v1`). When SORACOM answers 401 the session is invalidated, signed in again once and
 * the request retried once; a second 401 is the caller's response. Concurrent 401s of one session cause one
 * sign-in: the others wait for it and retry with the new session.
 *
 * Non-idempotent methods (POST, PUT, DELETE…) are retried too. SORACOM authenticates every request before the
 * operation runs: a 401 means the API key / token pair was refused, so nothing was applied and sending it again
 * with a new pair is safe. (A body that cannot be sent twice — a stream — is not retried: its 401 is returned.)
 *
 * Absolute URLs outside the endpoint are refused before sending (`InvalidRequest`, field `url`): the credentials
 * only ever go to SORACOM.
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import type * as HttpBody from "effect/http/HttpBody"
import * as HttpClient from "effect/http/HttpClient"
import * as HttpClientRequest from "effect/http/HttpClientRequest"
import type * as HttpClientResponse from "effect/http/HttpClientResponse"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Semaphore from "effect/Semaphore"
import type * as AuthResponse from "./AuthResponse.ts"
import * as AuthSession from "./AuthSession.ts"
import { InvalidRequest, TransportError } from "./Errors.ts"
import * as Transport from "./internal/transport.ts"
import * as SoracomAuth from "./SoracomAuth.ts"

/**
 * How an authenticated request can fail — core's errors only: the session's (`AuthFailed` when the credentials
 * are no longer accepted, `RateLimited`…, see `AuthSession.SessionError`), `TransportError` (operation
 * `"request"`) when no response arrived, `InvalidRequest` for a URL outside the endpoint. Any status is a
 * response, not a failure.
 *
 * @category models
 * @since 0.1.0
 */
export type Failure = AuthSession.SessionError

/**
 * The client: Effect's `HttpClient` interface, failing with {@link Failure}.
 *
 * @category models
 * @since 0.1.0
 */
export type Client = HttpClient.HttpClient.With<Failure>

/**
 * The authenticated client as a service.
 *
 * @category services
 * @since 0.1.0
 */
export class AuthenticatedClient extends Context.Service<AuthenticatedClient, Client>()(
  "@soracom-auth/core/AuthenticatedClient",
) {}

const sameSession = (a: AuthResponse.AuthResponse, b: AuthResponse.AuthResponse): boolean =>
  a === b ||
  (Redacted.value(a.apiKey) === Redacted.value(b.apiKey) &&
    Redacted.value(a.token) === Redacted.value(b.token))

/** Whether the body can be sent a second time (a stream is consumed by the first attempt). */
const replayable = (body: HttpBody.HttpBody): boolean =>
  body._tag !== "Stream" && !(body._tag === "Raw" && body.body instanceof ReadableStream)

const authorize = (
  request: HttpClientRequest.HttpClientRequest,
  session: AuthResponse.AuthResponse,
): HttpClientRequest.HttpClientRequest =>
  HttpClientRequest.setHeaders(request, {
    "X-Soracom-API-Key": Redacted.value(session.apiKey),
    "X-Soracom-Token": Redacted.value(session.token),
  })

/** A relative URL is resolved against the base; an absolute one must lie under it. */
const resolveUrl = (
  baseUrl: string,
  request: HttpClientRequest.HttpClientRequest,
): Effect.Effect<HttpClientRequest.HttpClientRequest, InvalidRequest> => {
  const url = request.url
  if (!/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    const path = url.length === 0 || url.startsWith("/") ? url : `/${url}`
    return Effect.succeed(HttpClientRequest.setUrl(request, `${baseUrl}${path}`))
  }
  if (url === baseUrl || url.startsWith(`${baseUrl}/`) || url.startsWith(`${baseUrl}?`))
    return Effect.succeed(request)
  return Effect.fail(
    new InvalidRequest({
      field: "url",
      reason: `The authenticated SORACOM client sends its credentials only under ${baseUrl}; use a path such as /operators/….`,
    }),
  )
}

/**
 * Wraps an `HttpClient` with a session: the middleware form, for a client you built yourself.
 *
 * @category constructors
 * @since 0.1.0
 */
export const wrap = Effect.fnUntraced(function* (
  client: HttpClient.HttpClient,
  session: (typeof AuthSession.AuthSession)["Service"],
  options: { readonly baseUrl: string },
) {
  const baseUrl = options.baseUrl.replace(/\/+$/, "")
  // One re-sign-in at a time: whoever finds the session still the one that got the 401 renews it; the rest
  // find it already replaced and retry with the new one.
  const renewing = yield* Semaphore.make(1)
  const renewAfter = (rejected: AuthResponse.AuthResponse) =>
    renewing.withPermit(
      Effect.gen(function* () {
        const current = yield* session.get
        if (!sameSession(current, rejected)) return current
        yield* session.invalidate
        return yield* session.get
      }),
    )

  // Effect's HttpClientError carries the request, headers included: it never leaves this module.
  const execute = (request: HttpClientRequest.HttpClientRequest) =>
    Effect.mapError(client.execute(request), (cause) => {
      const { reason, detail } = Transport.classify(cause)
      return new TransportError({
        operation: "request",
        endpoint: baseUrl,
        reason,
        ...(detail ? { detail } : {}),
      })
    })

  const send = (
    request: HttpClientRequest.HttpClientRequest,
  ): Effect.Effect<HttpClientResponse.HttpClientResponse, Failure> =>
    Effect.gen(function* () {
      const target = yield* resolveUrl(baseUrl, request)
      const used = yield* session.get
      const first = yield* execute(authorize(target, used))
      if (first.status !== 401 || !replayable(target.body)) return first
      const fresh = yield* renewAfter(used)
      return yield* execute(authorize(target, fresh))
    }).pipe(SoracomAuth.withRedactedHeaders)

  const preprocess: HttpClient.HttpClient.Preprocess<never, never> = Effect.succeed
  return HttpClient.makeWith<never, never, Failure, never>(
    (request) => Effect.flatMap(request, send),
    preprocess,
  ) satisfies Client
})

/**
 * The client over the `HttpClient`, `AuthSession` and `SoracomAuth` (for its base URL) in context.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make: Effect.Effect<
  Client,
  never,
  HttpClient.HttpClient | AuthSession.AuthSession | SoracomAuth.SoracomAuth
> = Effect.gen(function* () {
  const client = yield* HttpClient.HttpClient
  const session = yield* AuthSession.AuthSession
  const auth = yield* SoracomAuth.SoracomAuth
  return yield* wrap(client, session, { baseUrl: auth.baseUrl })
})

/**
 * The {@link AuthenticatedClient} service; requires `HttpClient`, `AuthSession` and `SoracomAuth`.
 *
 * @category layers
 * @since 0.1.0
 */
export const layer: Layer.Layer<
  AuthenticatedClient,
  never,
  HttpClient.HttpClient | AuthSession.AuthSession | SoracomAuth.SoracomAuth
> = Layer.effect(AuthenticatedClient, make)
