/**
 * All three operations (and logout) end to end: `SoracomAuth` over this layer against `@soracom-auth/sandbox`
 * on 127.0.0.1 — and the `--verbose` trace of those real exchanges shows no secret.
 */

import { assert, describe, it } from "@effect/vitest"
import { AuthRequest, Endpoint, PasswordReset, SoracomAuth, Wire } from "@soracom-auth/core"
import { demoSeed, type Sandbox, startSandbox } from "@soracom-auth/sandbox"
import { Effect, Layer, Redacted } from "effect"
import { HttpTrace, KyHttpClient } from "../src/index.ts"

const operator = demoSeed.operators[0]!
const user = operator.users![0]!
const rootKey = operator.authKeys![0]!

const sandbox = Effect.acquireRelease(
  Effect.promise(() => startSandbox({ port: 0, hashCost: 1, rateLimit: false, log: false, record: true })),
  (s) => Effect.promise(() => s.close()),
)

const layerFor = (s: Sandbox, trace?: HttpTrace.Tracer) =>
  SoracomAuth.layer({ endpoint: Endpoint.url(s.url) }).pipe(
    Layer.provide(
      KyHttpClient.layer(
        trace === undefined
          ? {}
          : {
              trace,
              redact: { headerNames: SoracomAuth.redactedHeaderNames, bodyFields: Wire.secretFields },
            },
      ),
    ),
  )

const signIn = (credentials: Parameters<typeof AuthRequest.fromInput>[0]["credentials"]) =>
  Effect.gen(function* () {
    const auth = yield* SoracomAuth.SoracomAuth
    return yield* auth.auth(yield* AuthRequest.fromInput({ credentials }))
  })

describe("end to end against the sandbox", () => {
  it.live("auth with root, AuthKey and SAM user credentials", () =>
    Effect.gen(function* () {
      const s = yield* sandbox
      const layer = layerFor(s)
      const root = yield* signIn({ kind: "root", email: operator.email, password: operator.password }).pipe(
        Effect.provide(layer),
      )
      assert.strictEqual(root.operatorId, operator.operatorId)
      assert.isAbove(Redacted.value(root.apiKey).length, 0)
      assert.isAbove(Redacted.value(root.token).length, 0)

      const byKey = yield* signIn({
        kind: "authKey",
        authKeyId: rootKey.authKeyId,
        authKey: rootKey.authKey,
      }).pipe(Effect.provide(layer))
      assert.strictEqual(byKey.operatorId, operator.operatorId)

      const sam = yield* signIn({
        kind: "samUser",
        operatorId: operator.operatorId,
        userName: user.userName,
        password: user.password,
      }).pipe(Effect.provide(layer))
      assert.strictEqual(sam.userName, user.userName)
      assert.strictEqual(s.exchanges().length, 3)
      assert.strictEqual(s.exchanges()[0]?.request.headers["user-agent"], KyHttpClient.defaults.userAgent)
    }),
  )

  it.live("a wrong password is AuthFailed after exactly one request", () =>
    Effect.gen(function* () {
      const s = yield* sandbox
      const error = yield* signIn({ kind: "root", email: operator.email, password: "wrong-password" }).pipe(
        Effect.provide(layerFor(s)),
        Effect.flip,
      )
      assert.strictEqual(error._tag, "AuthFailed")
      assert.strictEqual(s.exchanges().length, 1)
    }),
  )

  it.live(
    "password reset: issue → the token arrives by (sandbox) mail → verify → sign in with the new password",
    () =>
      Effect.gen(function* () {
        const s = yield* sandbox
        const layer = layerFor(s)
        yield* Effect.gen(function* () {
          const auth = yield* SoracomAuth.SoracomAuth
          yield* auth.issuePasswordResetToken(yield* PasswordReset.issueFromInput({ email: operator.email }))
          const [mail] = s.outbox()
          assert.strictEqual(mail?.to, operator.email)
          yield* auth.verifyPasswordResetToken(
            yield* PasswordReset.verifyFromInput({
              token: mail!.token,
              password: "a-brand-new-password",
            }),
          )
          const again = yield* Effect.flip(
            auth.verifyPasswordResetToken(
              yield* PasswordReset.verifyFromInput({
                token: mail!.token,
                password: "another-password",
              }),
            ),
          )
          assert.include(["InvalidToken", "TokenExpired"], again._tag)
        }).pipe(Effect.provide(layer))
        const session = yield* signIn({
          kind: "root",
          email: operator.email,
          password: "a-brand-new-password",
        }).pipe(Effect.provide(layer))
        assert.strictEqual(session.operatorId, operator.operatorId)
        const old = yield* signIn({ kind: "root", email: operator.email, password: operator.password }).pipe(
          Effect.provide(layer),
          Effect.flip,
        )
        assert.strictEqual(old._tag, "AuthFailed")
      }),
  )

  it.live("logout revokes the session (204)", () =>
    Effect.gen(function* () {
      const s = yield* sandbox
      yield* Effect.gen(function* () {
        const session = yield* signIn({
          kind: "authKey",
          authKeyId: rootKey.authKeyId,
          authKey: rootKey.authKey,
        })
        const auth = yield* SoracomAuth.SoracomAuth
        yield* auth.logout(session)
      }).pipe(Effect.provide(layerFor(s)))
      const logout = s.exchanges().find((e) => e.request.path.endsWith("/auth/logout"))
      assert.strictEqual(logout?.response?.status, 204)
    }),
  )

  it.live("the trace of real exchanges names method, URL, status and duration, and no secret", () =>
    Effect.gen(function* () {
      const s = yield* sandbox
      const lines: Array<string> = []
      const trace: HttpTrace.Tracer = (entry) => lines.push(HttpTrace.format(entry))
      const session = yield* Effect.gen(function* () {
        const session = yield* signIn({ kind: "root", email: operator.email, password: operator.password })
        const auth = yield* SoracomAuth.SoracomAuth
        yield* auth.logout(session)
        return session
      }).pipe(Effect.provide(layerFor(s, trace)))
      const text = lines.join("\n")
      assert.match(text, /^> POST http:\/\/127\.0\.0\.1:\d+\/v1\/auth$/m)
      assert.match(text, /^< 200 \(\d+\.\d ms\)$/m)
      assert.match(text, /^< 204 \(\d+\.\d ms\)$/m)
      for (const secret of [
        operator.password,
        Redacted.value(session.apiKey),
        Redacted.value(session.token),
      ]) {
        assert.notInclude(text, secret)
      }
      assert.include(text, operator.email)
    }),
  )
})
