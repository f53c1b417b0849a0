/**
 * The identity a session gives a shared store (`AuthSession.SharedStore`): "the endpoint and the credentials'
 * non-secret identity (kind + email / AuthKey id / operator id and user name, + the switch-user target)" — so
 * two different users never share a stored session, and no secret is part of a key.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Option, Redacted } from "effect"
import { AuthSession, Credentials, RetryPolicy, SoracomAuth, SwitchUser } from "../src/index.ts"
import { okAuth, testHttp } from "./support.ts"

const identityOf = (source: AuthSession.Source) =>
  Effect.gen(function* () {
    const seen: Array<string> = []
    const store = (identity: string): AuthSession.Store => {
      seen.push(identity)
      return { load: Effect.succeed(Option.none()), save: () => Effect.void }
    }
    const http = testHttp(() => okAuth())
    yield* AuthSession.AuthSession.use(() => Effect.void).pipe(
      Effect.provide(
        AuthSession.layer({ source }).pipe(
          Layer.provide(SoracomAuth.layer({ retryPolicy: RetryPolicy.none })),
          Layer.provide(http.layer),
        ),
      ),
      Effect.provideService(AuthSession.SharedStore, store),
    )
    assert.strictEqual(seen.length, 1)
    return seen[0] as string
  })

const root = new Credentials.RootCredentials({
  email: "ada@example.com",
  password: Redacted.make("root-pw-1"),
})
const sam = new Credentials.SamUserCredentials({
  operatorId: "OP0012345678",
  userName: "ada",
  password: Redacted.make("sam-pw-1"),
})
const key = new Credentials.AuthKeyCredentials({
  authKeyId: "keyId-abc",
  authKey: Redacted.make("key-secret-1"),
})

describe("AuthSession's identity for a shared store", () => {
  it.effect("names the endpoint, the kind and who; never the secret; different users differ", () =>
    Effect.gen(function* () {
      const ids = [
        yield* identityOf(root),
        yield* identityOf(sam),
        yield* identityOf(key),
        yield* identityOf(
          new SwitchUser.Source({
            base: key,
            request: new SwitchUser.Request({ operatorId: "OP0099999999", userName: "bob" }),
          }),
        ),
      ]
      for (const id of ids) assert.include(id, "https://api.soracom.io/v1")
      assert.include(ids[0], "ada@example.com")
      assert.include(ids[1], "OP0012345678")
      assert.include(ids[1], "ada")
      assert.include(ids[2], "keyId-abc")
      assert.include(ids[3], "keyId-abc")
      assert.include(ids[3], "OP0099999999")
      assert.include(ids[3], "bob")
      assert.strictEqual(new Set(ids).size, 4)
      for (const id of ids)
        for (const secret of ["root-pw-1", "sam-pw-1", "key-secret-1"]) assert.notInclude(id, secret)
    }),
  )
})
