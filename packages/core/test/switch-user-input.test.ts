/**
 * `SwitchUser.fromInput` / `validate`: SORACOM caps a switched token's lifetime at 180…3600 s (whole seconds,
 * default 3600 when none is given); a blank lifetime is none. `SwitchUser.Source` is tagged so callers can
 * tell it apart from the other session sources.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect, Redacted } from "effect"
import { Credentials, SwitchUser } from "../src/index.ts"

const target = { operatorId: "OP0012345678", userName: "ada" }
const message = "A switched user's token lifetime must be a whole number of seconds from 180 to 3600."

describe("SwitchUser.fromInput: the switched lifetime", () => {
  it.effect("180 and 3600 (the bounds), as text or number, padded: accepted", () =>
    Effect.gen(function* () {
      for (const [raw, seconds] of [
        ["180", 180],
        [3600, 3600],
        [" 600 ", 600],
      ] as const) {
        const request = yield* SwitchUser.fromInput({ ...target, tokenTimeoutSeconds: raw })
        assert.strictEqual(request.tokenTimeoutSeconds, seconds, String(raw))
      }
    }),
  )

  it.effect(
    "179, 3601, not a whole number: refused on tokenTimeoutSeconds in the switch's range (180–3600)",
    () =>
      Effect.gen(function* () {
        // The sign-in's range (up to 172800) would tell the user a 2-day switched token is fine.
        for (const raw of ["179", 3601, "abc", "1.5", "1e3", "0x100", -1]) {
          const error = yield* Effect.flip(SwitchUser.fromInput({ ...target, tokenTimeoutSeconds: raw }))
          assert.deepInclude(
            error,
            { field: "tokenTimeoutSeconds", reason: message, rule: "switchRange" },
            String(raw),
          )
        }
      }),
  )

  it.effect("none, empty or blank: no lifetime in the request (SORACOM's default applies)", () =>
    Effect.gen(function* () {
      for (const raw of [undefined, "", "   "]) {
        const request = yield* SwitchUser.fromInput({ ...target, tokenTimeoutSeconds: raw })
        assert.notProperty(request, "tokenTimeoutSeconds", String(raw))
        assert.strictEqual(request.operatorId, "OP0012345678")
      }
    }),
  )
})

describe("SwitchUser.validate re-checks a request built without checks", () => {
  const built = (tokenTimeoutSeconds: number) =>
    new SwitchUser.Request({ ...target, tokenTimeoutSeconds }, { disableChecks: true })

  it.effect("the bounds pass; one second outside or a fraction is refused", () =>
    Effect.gen(function* () {
      for (const ok of [180, 3600])
        assert.strictEqual((yield* SwitchUser.validate(built(ok))).tokenTimeoutSeconds, ok)
      for (const bad of [179, 3601, 600.5]) {
        const error = yield* Effect.flip(SwitchUser.validate(built(bad)))
        assert.deepInclude(error, { field: "tokenTimeoutSeconds", reason: message }, String(bad))
      }
    }),
  )

  it("the schema refuses the same values", () => {
    assert.throws(() => new SwitchUser.Request({ ...target, tokenTimeoutSeconds: 179 }))
    assert.throws(() => new SwitchUser.Request({ ...target, tokenTimeoutSeconds: 600.5 }))
    assert.strictEqual(
      new SwitchUser.Request({ ...target, tokenTimeoutSeconds: 3600 }).tokenTimeoutSeconds,
      3600,
    )
  })
})

describe("SwitchUser.Source", () => {
  it("is tagged SwitchUserSource and recognised; credentials are not a switch", () => {
    const base = new Credentials.AuthKeyCredentials({ authKeyId: "keyId-1", authKey: Redacted.make("s") })
    const source = new SwitchUser.Source({ base, request: new SwitchUser.Request(target) })
    assert.strictEqual(source._tag, "SwitchUserSource")
    assert.isTrue(SwitchUser.isSource(source))
    assert.isFalse(SwitchUser.isSource(base))
    assert.isFalse(SwitchUser.isSource({ _tag: "SwitchUserSource", base, request: source.request }))
  })
})
