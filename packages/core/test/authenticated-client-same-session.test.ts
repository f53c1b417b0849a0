/**
 * `AuthenticatedClient`'s re-sign-in after a 401 decides by the session's key and token, not by object identity:
 * a session service may hand out a new object for the same session each time (e.g. re-read from a store), and
 * that session, refused, must be renewed; a session already replaced by another one (another request renewed
 * it meanwhile) must be used as it is, without signing in again.
 */
import { assert, describe, it } from "@effect/vitest"
import { DateTime, Effect, Redacted } from "effect"
import { HttpClient } from "effect/http"
import { AuthenticatedClient, AuthResponse, type AuthSession } from "../src/index.ts"
import { json, testHttp } from "./support.ts"

const base = "https://api.soracom.io/v1"

const sessionOf = (apiKey: string, token: string) =>
  new AuthResponse.AuthResponse({
    apiKey: Redacted.make(apiKey),
    token: Redacted.make(token),
    operatorId: "OP0012345678",
    expiresAt: DateTime.makeUnsafe("2100-01-01T00:00:00Z"),
  })

/** A session service that answers `sessions()` on each `get` (a new object every time) and counts invalidations. */
const sessionService = (sessions: (index: number) => AuthResponse.AuthResponse) => {
  let gets = 0
  let invalidations = 0
  const get = Effect.sync(() => sessions(gets++))
  const service: AuthSession.Service = {
    get,
    headers: Effect.map(get, AuthResponse.headers),
    invalidate: Effect.sync(() => {
      invalidations++
    }),
    logout: Effect.void,
  }
  return { service, invalidations: () => invalidations }
}

/** SORACOM refusing the API key `key-1` and the token `token-1`, accepting any other pair. */
const api = () =>
  testHttp((request) =>
    json(
      request.headers["x-soracom-api-key"] === "key-1" || request.headers["x-soracom-token"] === "token-1"
        ? 401
        : 200,
      {},
    ),
  )

const run = (service: AuthSession.Service, http: ReturnType<typeof api>) =>
  Effect.gen(function* () {
    const client = yield* AuthenticatedClient.wrap(yield* HttpClient.HttpClient, service, { baseUrl: base })
    return yield* client.get("/operators/OP0012345678")
  }).pipe(Effect.provide(http.layer))

describe("AuthenticatedClient: which session a 401 renews", () => {
  it.effect("the refused session, read again as a new but equal object: invalidated and renewed once", () =>
    Effect.gen(function* () {
      // gets 0 and 1: the refused session (token-1), each time a fresh object; get 2: after the invalidation
      const { service, invalidations } = sessionService((i) =>
        i < 2 ? sessionOf("key-a", "token-1") : sessionOf("key-a", "token-2"),
      )
      const http = api()
      const response = yield* run(service, http)
      assert.strictEqual(response.status, 200)
      assert.strictEqual(invalidations(), 1)
      assert.deepStrictEqual(
        http.requests.map((r) => r.headers["x-soracom-token"]),
        ["token-1", "token-2"],
      )
    }),
  )

  it.effect(
    "a session already replaced by another (same key, new token): used as it is, no new sign-in",
    () =>
      Effect.gen(function* () {
        const { service, invalidations } = sessionService((i) =>
          i === 0 ? sessionOf("key-a", "token-1") : sessionOf("key-a", `token-${i + 1}`),
        )
        const http = api()
        const response = yield* run(service, http)
        assert.strictEqual(response.status, 200)
        assert.strictEqual(invalidations(), 0)
        assert.deepStrictEqual(
          http.requests.map((r) => r.headers["x-soracom-token"]),
          ["token-1", "token-2"],
        )
      }),
  )

  it.effect("a session replaced by another key with the same token: also a different session", () =>
    Effect.gen(function* () {
      const { service, invalidations } = sessionService((i) =>
        i === 0 ? sessionOf("key-1", "token-x") : sessionOf(`key-${i + 1}`, "token-x"),
      )
      const http = api()
      const response = yield* run(service, http)
      assert.strictEqual(response.status, 200)
      assert.strictEqual(invalidations(), 0)
      assert.deepStrictEqual(
        http.requests.map((r) => r.headers["x-soracom-api-key"]),
        ["key-1", "key-2"],
      )
    }),
  )
})
