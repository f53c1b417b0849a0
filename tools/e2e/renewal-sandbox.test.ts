/**
 * Token renewal and switch user end to end: `AuthSession` over this layer against `@soracom-auth/sandbox` on
 * 127.0.0.1, the sandbox's clock following Effect's `TestClock` — so tokens really expire on the server.
 */
import { assert, describe, it } from "@effect/vitest"
import { AuthRequest, AuthSession, Credentials, Endpoint, SoracomAuth, SwitchUser } from "@soracom-auth/core"
import { KyHttpClient } from "@soracom-auth/http-ky"
import { type Sandbox, type Seed, startSandbox } from "@soracom-auth/sandbox"
import { Clock, Effect, Layer, Redacted } from "effect"
import { TestClock } from "effect/testing"
import * as OTPAuth from "otpauth"

const mfaSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
const seed: Seed = {
  operators: [
    {
      operatorId: "OP0000000001",
      email: "root@example.com",
      password: "root-password",
      users: [
        { userName: "mfa-user", password: "mfa-password", mfaSecret },
        { userName: "target", password: "target-password", trustPolicy: [{ operatorId: "OP0000000001" }] },
      ],
    },
  ],
}

/** A sandbox whose clock is the TestClock's (synced by `advance`), and the layers of a session against it. */
const setup = (source: AuthSession.Source) =>
  Effect.gen(function* () {
    let now = yield* Clock.currentTimeMillis
    const sandbox: Sandbox = yield* Effect.acquireRelease(
      Effect.promise(() =>
        startSandbox({ hashCost: 1, rateLimit: false, log: false, record: true, seed, clock: () => now }),
      ),
      (s) => Effect.promise(() => s.close()),
    )
    const layer = AuthSession.layer({ source }).pipe(
      Layer.provide(SoracomAuth.layer({ endpoint: Endpoint.url(sandbox.endpoint) })),
      Layer.provide(KyHttpClient.layer()),
    )
    const advance = (millis: number) =>
      TestClock.adjust(millis).pipe(
        Effect.andThen(Clock.currentTimeMillis),
        Effect.flatMap((t) =>
          Effect.sync(() => {
            now = t
          }),
        ),
      )
    const paths = () => sandbox.exchanges().map((e) => `${e.response?.status} ${e.request.path}`)
    return { sandbox, layer, advance, paths, now: () => now }
  })

describe("renewal against the sandbox", () => {
  it.effect("an MFA session is renewed 3 times with exactly one MFA prompt; the tokens really expire", () =>
    Effect.scoped(
      Effect.gen(function* () {
        let prompts = 0
        let at = () => 0
        const source = Effect.sync(() => {
          prompts++
          const code = OTPAuth.TOTP.generate({
            secret: OTPAuth.Secret.fromBase32(mfaSecret),
            timestamp: at(),
          })
          return new AuthRequest.AuthRequest({
            credentials: new Credentials.SamUserCredentials({
              operatorId: "OP0000000001",
              userName: "mfa-user",
              password: Redacted.make("mfa-password"),
            }),
            mfaOtpCode: code,
            tokenTimeoutSeconds: 600,
          })
        })
        const { layer, advance, paths, now } = yield* setup(source)
        at = now
        yield* Effect.gen(function* () {
          const session = yield* AuthSession.AuthSession
          const first = yield* session.get
          const tokens = [Redacted.value(first.token)]
          for (let n = 0; n < 3; n++) {
            yield* advance(540_000)
            const renewed = yield* session.get
            assert.strictEqual(Redacted.value(renewed.apiKey), Redacted.value(first.apiKey))
            tokens.push(Redacted.value(renewed.token))
          }
          assert.strictEqual(new Set(tokens).size, 4)
          assert.strictEqual(prompts, 1)
          assert.deepStrictEqual(paths(), [
            "200 /v1/auth",
            "200 /v1/operators/OP0000000001/token",
            "200 /v1/operators/OP0000000001/token",
            "200 /v1/operators/OP0000000001/token",
          ])
          // 1620 s after sign-in the first token (600 s) has long expired on the server: renewal was needed.
          assert.isAbove(now() - first.expiresAt.epochMilliseconds, 0)
        }).pipe(Effect.provide(layer))
      }),
    ),
  )

  it.effect("renewal refused by the server (400) → a full sign-in from the source", () =>
    Effect.scoped(
      Effect.gen(function* () {
        let prompts = 0
        const source = Effect.sync(() => {
          prompts++
          return new AuthRequest.AuthRequest({
            credentials: new Credentials.RootCredentials({
              email: "root@example.com",
              password: Redacted.make("root-password"),
            }),
            tokenTimeoutSeconds: 600,
          })
        })
        const { sandbox, layer, advance, paths } = yield* setup(source)
        yield* Effect.gen(function* () {
          const session = yield* AuthSession.AuthSession
          yield* session.get
          sandbox.faults.set("/operators/{operator_id}/token", {
            status: 400,
            body: { code: "SBX0013", message: "The API token has expired." },
            times: 1,
          })
          yield* advance(540_000)
          yield* session.get
          assert.strictEqual(prompts, 2)
          assert.deepStrictEqual(paths(), [
            "200 /v1/auth",
            "400 /v1/operators/OP0000000001/token",
            "200 /v1/auth",
          ])
        }).pipe(Effect.provide(layer))
      }),
    ),
  )

  it.effect(
    "switch user: allowed by the target's trust policy; denied otherwise (SwitchUserNotAllowed)",
    () =>
      Effect.scoped(
        Effect.gen(function* () {
          const base = new Credentials.RootCredentials({
            email: "root@example.com",
            password: Redacted.make("root-password"),
          })
          const allowed = yield* setup(
            new SwitchUser.Source({
              base,
              request: new SwitchUser.Request({ operatorId: "OP0000000001", userName: "target" }),
            }),
          )
          const switched = yield* AuthSession.AuthSession.use((s) => s.get).pipe(
            Effect.provide(allowed.layer),
          )
          assert.strictEqual(switched.userName, "target")
          assert.deepStrictEqual(allowed.paths(), ["200 /v1/auth", "200 /v1/auth/switch_user"])
          const denied = yield* setup(
            new SwitchUser.Source({
              base,
              request: new SwitchUser.Request({ operatorId: "OP0000000001", userName: "mfa-user" }),
            }),
          )
          const error = yield* AuthSession.AuthSession.use((s) => Effect.flip(s.get)).pipe(
            Effect.provide(denied.layer),
          )
          assert.strictEqual(error._tag, "SwitchUserNotAllowed")
          assert.deepStrictEqual(denied.paths(), ["200 /v1/auth", "400 /v1/auth/switch_user"])
        }),
      ),
  )
})
