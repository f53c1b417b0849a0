/**
 * core's `AuthenticatedClient` (the Effect API under the Promise client) against a real sandbox: headers on any
 * request, one re-sign-in and one retry on a 401, one sign-in for concurrent 401s, nothing sent outside the
 * endpoint, streams not replayed.
 */
import { assert, describe, it } from "@effect/vitest"
import {
  AuthenticatedClient,
  AuthSession,
  Credentials,
  Endpoint,
  Errors,
  SoracomAuth,
} from "@soracom-auth/core"
import { KyHttpClient } from "@soracom-auth/http-ky"
import type { Sandbox } from "@soracom-auth/sandbox"
import { Effect, Layer, Redacted, Stream } from "effect"
import { HttpBody, HttpClientRequest } from "effect/http"
import { count, demo, signIns, startTestSandbox } from "./helpers.ts"

const sandbox = Effect.acquireRelease(
  Effect.promise(() => startTestSandbox()),
  (s) => Effect.promise(() => s.close()),
)

const layerFor = (s: Sandbox) =>
  AuthenticatedClient.layer.pipe(
    Layer.provideMerge(
      AuthSession.layer({
        source: new Credentials.AuthKeyCredentials({
          authKeyId: demo.authKeyId,
          authKey: Redacted.make(demo.authKey),
        }),
      }),
    ),
    Layer.provideMerge(SoracomAuth.layer({ endpoint: Endpoint.url(s.endpoint) })),
    Layer.provideMerge(KyHttpClient.layer()),
  )

const operatorPath = `/operators/${demo.operatorId}`

const revoke = (s: Sandbox) =>
  Effect.gen(function* () {
    const session = yield* AuthSession.AuthSession
    s.revokeSessions(Redacted.value((yield* session.get).apiKey))
  })

describe("AuthenticatedClient against the sandbox", () => {
  it.live("adds the session's headers to a path under …/v1", () =>
    Effect.gen(function* () {
      const s = yield* sandbox
      yield* Effect.gen(function* () {
        const client = yield* AuthenticatedClient.AuthenticatedClient
        const response = yield* client.get(operatorPath)
        assert.strictEqual(response.status, 200)
        const body = (yield* response.json) as { operatorId: string }
        assert.strictEqual(body.operatorId, demo.operatorId)
        const absolute = yield* client.get(`${s.url}${operatorPath}`)
        assert.strictEqual(absolute.status, 200)
        assert.strictEqual(signIns(s), 1)
      }).pipe(Effect.provide(layerFor(s)))
    }),
  )

  it.live("a revoked token: invalidate, sign in once, retry once → 200", () =>
    Effect.gen(function* () {
      const s = yield* sandbox
      yield* Effect.gen(function* () {
        const client = yield* AuthenticatedClient.AuthenticatedClient
        yield* revoke(s)
        const response = yield* client.get(operatorPath)
        assert.strictEqual(response.status, 200)
        assert.strictEqual(signIns(s), 2)
        assert.strictEqual(count(s, "GET", operatorPath), 2)
      }).pipe(Effect.provide(layerFor(s)))
    }),
  )

  it.live("concurrent 401s cause one sign-in", () =>
    Effect.gen(function* () {
      const s = yield* sandbox
      yield* Effect.gen(function* () {
        const client = yield* AuthenticatedClient.AuthenticatedClient
        yield* revoke(s)
        const statuses = yield* Effect.forEach(
          Array.from({ length: 40 }, (_, i) => i),
          () => Effect.map(client.get(operatorPath), (r) => r.status),
          { concurrency: "unbounded" },
        )
        assert.deepStrictEqual(statuses, Array(40).fill(200))
        assert.strictEqual(signIns(s), 2)
      }).pipe(Effect.provide(layerFor(s)))
    }),
  )

  it.live("a second 401 is the caller's response", () =>
    Effect.gen(function* () {
      const s = yield* sandbox
      yield* Effect.gen(function* () {
        const client = yield* AuthenticatedClient.AuthenticatedClient
        yield* (yield* AuthSession.AuthSession).get
        s.faults.set("/operators/{operator_id}", { status: 401, times: 5 })
        const response = yield* client.get(operatorPath)
        assert.strictEqual(response.status, 401)
        assert.strictEqual(count(s, "GET", operatorPath), 2)
        assert.strictEqual(signIns(s), 2)
        s.faults.clear()
      }).pipe(Effect.provide(layerFor(s)))
    }),
  )

  it.live("a POST is retried with the same body", () =>
    Effect.gen(function* () {
      const s = yield* sandbox
      yield* Effect.gen(function* () {
        const client = yield* AuthenticatedClient.AuthenticatedClient
        yield* revoke(s)
        const request = HttpClientRequest.post(`${operatorPath}/token`).pipe(
          HttpClientRequest.bodyText(JSON.stringify({ tokenTimeoutSeconds: 600 }), "application/json"),
        )
        const response = yield* client.execute(request)
        assert.strictEqual(response.status, 200)
        const bodies = s
          .exchanges()
          .filter((e) => e.request.path === `/v1${operatorPath}/token`)
          .map((e) => e.request.rawBody)
        assert.deepStrictEqual(bodies, [
          JSON.stringify({ tokenTimeoutSeconds: 600 }),
          JSON.stringify({ tokenTimeoutSeconds: 600 }),
        ])
      }).pipe(Effect.provide(layerFor(s)))
    }),
  )

  it.live("a stream body is not sent twice: its 401 is returned", () =>
    Effect.gen(function* () {
      const s = yield* sandbox
      yield* Effect.gen(function* () {
        const client = yield* AuthenticatedClient.AuthenticatedClient
        yield* revoke(s)
        const body = HttpBody.stream(
          Stream.make(new TextEncoder().encode(JSON.stringify({ tokenTimeoutSeconds: 600 }))),
          "application/json",
        )
        const response = yield* client.execute(
          HttpClientRequest.post(`${operatorPath}/token`).pipe(HttpClientRequest.setBody(body)),
        )
        assert.strictEqual(response.status, 401)
        assert.strictEqual(signIns(s), 1)
      }).pipe(Effect.provide(layerFor(s)))
    }),
  )

  it.live(
    "an absolute URL outside the endpoint: InvalidRequest on `url`, nothing sent, no credentials leave",
    () =>
      Effect.gen(function* () {
        const s = yield* sandbox
        yield* Effect.gen(function* () {
          const client = yield* AuthenticatedClient.AuthenticatedClient
          const before = s.exchanges().length
          for (const url of [
            `${s.endpoint}/v2/x`,
            "https://example.com/v1/operators",
            `${s.url}@example.com/`,
          ]) {
            const error = yield* Effect.flip(client.get(url))
            assert.instanceOf(error, Errors.InvalidRequest)
            assert.strictEqual((error as Errors.InvalidRequest).field, "url")
          }
          assert.strictEqual(s.exchanges().length, before)
        }).pipe(Effect.provide(layerFor(s)))
      }),
  )

  it.live("a bad credential: AuthFailed from the sign-in, no request to the API", () =>
    Effect.gen(function* () {
      const s = yield* sandbox
      const layer = AuthenticatedClient.layer.pipe(
        Layer.provideMerge(
          AuthSession.layer({
            source: new Credentials.AuthKeyCredentials({
              authKeyId: demo.authKeyId,
              authKey: Redacted.make(`${demo.authKey}x`),
            }),
          }),
        ),
        Layer.provideMerge(SoracomAuth.layer({ endpoint: Endpoint.url(s.endpoint) })),
        Layer.provideMerge(KyHttpClient.layer()),
      )
      const error = yield* Effect.flip(
        Effect.flatMap(AuthenticatedClient.AuthenticatedClient, (c) => c.get(operatorPath)).pipe(
          Effect.provide(layer),
        ),
      )
      assert.strictEqual(error._tag, "AuthFailed")
      assert.strictEqual(count(s, "GET", operatorPath), 0)
      assert.strictEqual(signIns(s), 1)
    }),
  )
})
