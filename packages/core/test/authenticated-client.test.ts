/**
 * `AuthenticatedClient` in core's own tests (the client package covers it against the sandbox): the module notes
 * are the contract — the current session's key and token on every request, paths resolved against `…/v1`,
 * absolute URLs only under it (a URL's scheme as RFC 3986 spells it: a letter, then letters, digits, `+`, `-`,
 * `.`), one re-sign-in and one retry on a 401 (a second 401 is the caller's; a stream body is not sent twice),
 * one re-sign-in for concurrent 401s, and `TransportError`s of operation `"request"`.
 */
import { assert, describe, it } from "@effect/vitest"
import { Deferred, Effect, Fiber, Layer, Redacted, Stream } from "effect"
import { Headers, HttpBody, HttpClient, HttpClientRequest } from "effect/http"
import {
  AuthenticatedClient,
  AuthSession,
  Credentials,
  Errors,
  RetryPolicy,
  SoracomAuth,
} from "../src/index.ts"
import { type Handler, json, nodeError, okAuth, type Recorded, type TestHttp, testHttp } from "./support.ts"

const base = "https://api.soracom.io/v1"
const credentials = new Credentials.AuthKeyCredentials({
  authKeyId: "keyId-abc",
  authKey: Redacted.make("secret-xyz"),
})

/**
 * A fake SORACOM: each sign-in answers the same API key and a new token (`token-N`), as a renewal would; an API
 * request answers `api(request)`, by default 200.
 */
const fake = (
  api: (request: Recorded) => Response | Effect.Effect<Response> = () => json(200, { ok: true }),
) => {
  let signIns = 0
  const handler: Handler = (request) =>
    request.path === "/v1/auth" ? okAuth({ token: `token-${++signIns}` }) : api(request)
  const http = testHttp(handler)
  return { http, signIns: () => signIns, calls: () => http.requests.filter((r) => r.path !== "/v1/auth") }
}

const layerOf = (http: TestHttp) => {
  const auth = SoracomAuth.layer({ retryPolicy: RetryPolicy.none }).pipe(Layer.provide(http.layer))
  const session = AuthSession.layer({ source: credentials, renew: false }).pipe(Layer.provide(auth))
  return AuthenticatedClient.layer.pipe(Layer.provide(Layer.mergeAll(session, auth, http.layer)))
}

const withClient = <A, E>(
  http: TestHttp,
  f: (client: AuthenticatedClient.Client) => Effect.Effect<A, E>,
): Effect.Effect<A, E | Errors.InvalidRequest> =>
  Effect.gen(function* () {
    return yield* f(yield* AuthenticatedClient.AuthenticatedClient)
  }).pipe(Effect.provide(layerOf(http)))

describe("AuthenticatedClient: headers and URLs", () => {
  it.effect("a path: sent under …/v1 with the session's API key and token", () =>
    Effect.gen(function* () {
      const { http, calls } = fake()
      const response = yield* withClient(http, (c) => c.get("/operators/OP0012345678"))
      assert.strictEqual(response.status, 200)
      const [sent] = calls()
      assert.strictEqual(sent?.url, `${base}/operators/OP0012345678`)
      assert.strictEqual(sent?.headers["x-soracom-api-key"], "api-key-1")
      assert.strictEqual(sent?.headers["x-soracom-token"], "token-1")
    }),
  )

  it.effect("a path without its leading slash gets one; an empty one is the base itself", () =>
    Effect.gen(function* () {
      const { http, calls } = fake()
      yield* withClient(http, (c) =>
        Effect.all([c.get("operators/OP0012345678"), c.get(""), c.get("/subscribers?limit=1")]),
      )
      assert.deepStrictEqual(
        calls().map((r) => r.url),
        [`${base}/operators/OP0012345678`, base, `${base}/subscribers?limit=1`],
      )
    }),
  )

  it.effect("an absolute URL under the base is sent as it is: the base, a path under it, a query on it", () =>
    Effect.gen(function* () {
      const { http, calls } = fake()
      const urls = [base, `${base}/operators/OP0012345678`, `${base}?x=1`]
      for (const url of urls) yield* withClient(http, (c) => c.get(url))
      assert.deepStrictEqual(
        calls().map((r) => r.url),
        urls,
      )
    }),
  )

  it.effect("any other absolute URL: InvalidRequest on `url`, nothing sent, not even a sign-in", () =>
    Effect.gen(function* () {
      const { http } = fake()
      for (const url of [
        "https://api.soracom.io/v1evil/x",
        "https://api.soracom.io/v2/operators",
        "https://example.com/v1/operators",
        "HTTPS://example.com/v1",
        "web+soracom.x-y:/v1/operators",
        "mailto:someone@example.com",
      ]) {
        const error = yield* Effect.flip(withClient(http, (c) => c.get(url)))
        assert.instanceOf(error, Errors.InvalidRequest, url)
        assert.strictEqual((error as Errors.InvalidRequest).field, "url")
        assert.include(error.message, base)
      }
      assert.strictEqual(http.requests.length, 0)
    }),
  )

  it.effect("text that is no scheme (it starts with a digit) is a relative path", () =>
    Effect.gen(function* () {
      const { http, calls } = fake()
      yield* withClient(http, (c) => c.get("1x:y"))
      assert.strictEqual(calls()[0]?.url, `${base}/1x:y`)
    }),
  )

  it.effect("wrap: a base URL given with trailing slashes is used without them", () =>
    Effect.gen(function* () {
      const { http, calls } = fake()
      const auth = SoracomAuth.layer({ retryPolicy: RetryPolicy.none }).pipe(Layer.provide(http.layer))
      const session = AuthSession.layer({ source: credentials }).pipe(Layer.provide(auth))
      yield* Effect.gen(function* () {
        const client = yield* AuthenticatedClient.wrap(
          yield* HttpClient.HttpClient,
          yield* AuthSession.AuthSession,
          {
            baseUrl: `${base}//`,
          },
        )
        yield* client.get("/operators/OP0012345678")
        yield* client.get(`${base}/x`)
      }).pipe(Effect.provide(Layer.merge(session, http.layer)))
      assert.deepStrictEqual(
        calls().map((r) => r.url),
        [`${base}/operators/OP0012345678`, `${base}/x`],
      )
    }),
  )

  it.effect("the SORACOM header names are redacted while the request runs", () =>
    Effect.gen(function* () {
      let redacted: ReadonlyArray<string | RegExp> = []
      const { http } = fake(() =>
        Effect.gen(function* () {
          redacted = yield* Headers.CurrentRedactedNames
          return json(200, {})
        }),
      )
      yield* withClient(http, (c) => c.get("/x"))
      assert.includeMembers([...redacted], ["X-Soracom-API-Key", "X-Soracom-Token"])
    }),
  )
})

describe("AuthenticatedClient: a 401", () => {
  /** An API that answers 401 to every token in `revoked`. */
  const revoking = (revoked: Set<string>) =>
    fake((r) => (revoked.has(r.headers["x-soracom-token"] ?? "") ? json(401, {}) : json(200, {})))

  it.effect("invalidates, signs in once more and retries once with the new token", () =>
    Effect.gen(function* () {
      const { http, signIns, calls } = revoking(new Set(["token-1"]))
      const response = yield* withClient(http, (c) => c.post("/operators/OP0012345678/token"))
      assert.strictEqual(response.status, 200)
      assert.strictEqual(signIns(), 2)
      assert.deepStrictEqual(
        calls().map((r) => r.headers["x-soracom-token"]),
        ["token-1", "token-2"],
      )
    }),
  )

  it.effect("a second 401 is the caller's response: two attempts, two sign-ins, no more", () =>
    Effect.gen(function* () {
      const { http, signIns, calls } = revoking(new Set(["token-1", "token-2", "token-3"]))
      const response = yield* withClient(http, (c) => c.get("/x"))
      assert.strictEqual(response.status, 401)
      assert.strictEqual(calls().length, 2)
      assert.strictEqual(signIns(), 2)
    }),
  )

  it.effect("other statuses (403, 404, 500) are responses: no sign-in again, no retry", () =>
    Effect.gen(function* () {
      for (const status of [403, 404, 500]) {
        const { http, signIns, calls } = fake(() => json(status, {}))
        const response = yield* withClient(http, (c) => c.get("/x"))
        assert.strictEqual(response.status, status)
        assert.strictEqual(calls().length, 1)
        assert.strictEqual(signIns(), 1)
      }
    }),
  )

  it.effect("a stream body is not sent twice: its 401 is returned; a byte body is retried", () =>
    Effect.gen(function* () {
      const streamed = revoking(new Set(["token-1"]))
      const body = HttpBody.stream(Stream.make(new TextEncoder().encode("{}")), "application/json")
      const response = yield* withClient(streamed.http, (c) =>
        c.execute(HttpClientRequest.post("/x").pipe(HttpClientRequest.setBody(body))),
      )
      assert.strictEqual(response.status, 401)
      assert.strictEqual(streamed.calls().length, 1)
      assert.strictEqual(streamed.signIns(), 1)

      const bytes = revoking(new Set(["token-1"]))
      const again = yield* withClient(bytes.http, (c) =>
        c.execute(HttpClientRequest.post("/x").pipe(HttpClientRequest.bodyText("{}", "application/json"))),
      )
      assert.strictEqual(again.status, 200)
      assert.strictEqual(bytes.calls().length, 2)
    }),
  )

  it.effect("a web ReadableStream body is a stream too: not sent twice", () =>
    Effect.gen(function* () {
      const { http, calls } = revoking(new Set(["token-1"]))
      const readable = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode("{}"))
          controller.close()
        },
      })
      const response = yield* withClient(http, (c) =>
        c.execute(HttpClientRequest.post("/x").pipe(HttpClientRequest.setBody(HttpBody.raw(readable)))),
      )
      assert.strictEqual(response.status, 401)
      assert.strictEqual(calls().length, 1)
    }),
  )

  it.effect(
    "concurrent 401s of one session cause one sign-in; every request is retried with the new token",
    () =>
      Effect.gen(function* () {
        const release = yield* Deferred.make<void>()
        const revoked = new Set(["token-1"])
        // The first answers wait until all three requests have been sent with token-1.
        const { http, signIns, calls } = fake((r) =>
          revoked.has(r.headers["x-soracom-token"] ?? "")
            ? Effect.as(Deferred.await(release), json(401, {}))
            : json(200, {}),
        )
        const statuses = yield* withClient(http, (c) =>
          Effect.gen(function* () {
            const fibers = yield* Effect.forEach([1, 2, 3], (i) => Effect.forkChild(c.get(`/x/${i}`)))
            for (let i = 0; i < 1_000 && calls().length < 3; i++) yield* Effect.yieldNow
            yield* Deferred.succeed(release, undefined)
            return yield* Effect.forEach(fibers, (f) => Effect.map(Fiber.join(f), (r) => r.status))
          }),
        )
        assert.deepStrictEqual(statuses, [200, 200, 200])
        assert.strictEqual(signIns(), 2)
        assert.deepStrictEqual(
          calls()
            .map((r) => r.headers["x-soracom-token"])
            .sort(),
          ["token-1", "token-1", "token-1", "token-2", "token-2", "token-2"],
        )
      }),
  )
})

describe("AuthenticatedClient: no response", () => {
  it.effect("TransportError of operation `request` at the base URL, with the reason and the code", () =>
    Effect.gen(function* () {
      const { http } = fake()
      const failing = testHttp((r) =>
        r.path === "/v1/auth" ? okAuth() : { fail: nodeError("ECONNREFUSED") },
      )
      void http
      const error = yield* Effect.flip(withClient(failing, (c) => c.get("/x")))
      assert.instanceOf(error, Errors.TransportError)
      assert.deepInclude(error, {
        operation: "request",
        endpoint: base,
        reason: "ConnectionRefused",
        detail: "ECONNREFUSED",
      })
    }),
  )

  it.effect("an unrecognised failure: reason Unknown and no detail", () =>
    Effect.gen(function* () {
      const failing = testHttp((r) => (r.path === "/v1/auth" ? okAuth() : { fail: new Error("odd") }))
      const error = yield* Effect.flip(withClient(failing, (c) => c.get("/x")))
      assert.instanceOf(error, Errors.TransportError)
      assert.strictEqual((error as Errors.TransportError).reason, "Unknown")
      assert.notProperty(error, "detail")
    }),
  )
})
