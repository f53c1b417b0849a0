/**
 * The pure state machines, without a terminal.
 */
import { Errors } from "@soracom-auth/core"
import { Redacted } from "effect"
import { describe, expect, it } from "vitest"
import { formatDuration, formatLocalTime, mask, parseDuration } from "../../src/presentation/format.ts"
import { initialMenu, menuReducer } from "../../src/ui/components/menu/use-menu-state.ts"
import { endpointChoices } from "../../src/ui/endpoints.ts"
import { flowReducer, initialFlow } from "../../src/ui/flow/use-flow-state.ts"
import type { Session } from "../../src/ui/model.ts"
import { applyNoColor } from "../../src/ui/no-color.ts"
import { initialReset, resetReducer } from "../../src/ui/reset-password/use-reset-password-state.ts"
import {
  formatLifetime,
  initialSignIn,
  type SignInState,
  signInReducer,
  toRequest,
} from "../../src/ui/sign-in/use-sign-in-state.ts"
import { fakeSignedIn } from "./helpers.tsx"

const endpoints = endpointChoices({ demo: { url: "http://127.0.0.1:1", credentials: [] } })

const run = (state: SignInState, ...events: Parameters<typeof signInReducer>[1][]) =>
  events.reduce(signInReducer, state)

describe("flow", () => {
  const session: Session = {
    profileName: "default",
    cached: { endpoint: "http://x/v1", method: "authKey", identity: "keyId-1", session: fakeSignedIn },
    endpoint: endpoints[0]!,
    request: {
      credentials: { kind: "authKey", authKeyId: "keyId-1", authKey: Redacted.make("s") },
      tokenTimeoutSeconds: 600,
      endpoint: endpoints[0]!,
    },
  }
  it("starts at home or at sign-in", () => {
    expect(initialFlow().screen).toEqual({ _tag: "Home" })
    expect(initialFlow("signIn").screen).toEqual({ _tag: "SignIn" })
  })
  it("exports only when asked and signed in; Ctrl+C is 130; nothing moves after exit", () => {
    const signedIn = flowReducer(initialFlow(), { _tag: "SignedIn", session })
    expect(flowReducer(signedIn, { _tag: "Quit", printExports: true }).exit).toEqual({
      code: 0,
      printExports: true,
    })
    expect(flowReducer(signedIn, { _tag: "Quit" }).exit).toEqual({ code: 0, printExports: false })
    expect(flowReducer(initialFlow(), { _tag: "Quit", printExports: true }).exit?.printExports).toBe(false)
    const cancelled = flowReducer(signedIn, { _tag: "Cancel" })
    expect(cancelled.exit).toEqual({ code: 130, printExports: false })
    expect(flowReducer(cancelled, { _tag: "Go", screen: { _tag: "Profiles" } })).toBe(cancelled)
  })
  it("signing out forgets the session and says so", () => {
    const signedIn = flowReducer(initialFlow(), { _tag: "SignedIn", session })
    const out = flowReducer(signedIn, { _tag: "SignedOut", notice: { kind: "success", text: "Signed out." } })
    expect(out.session).toBeUndefined()
    expect(out.screen).toEqual({ _tag: "Home" })
    expect(out.notice?.text).toBe("Signed out.")
  })
})

describe("sign-in state", () => {
  it("walks method → fields → MFA → review → submitting, with core's checks", () => {
    let s = run(initialSignIn(endpoints), { _tag: "ChooseMethod", method: "samUser" })
    expect(s.step).toEqual({ _tag: "Field", field: "operatorId" })
    s = run(s, { _tag: "SubmitField", field: "operatorId", raw: "OP1" })
    expect(s.step).toEqual({
      _tag: "Field",
      field: "operatorId",
      error: "The operator ID must be OP followed by 10 digits.",
    })
    s = run(
      s,
      { _tag: "SubmitField", field: "operatorId", raw: " OP0000000001 " },
      { _tag: "SubmitField", field: "userName", raw: "alice" },
      { _tag: "SubmitField", field: "password", raw: " spaced " },
      { _tag: "SubmitMfa", raw: "123456" },
    )
    expect(s.step._tag).toBe("Review")
    s = run(s, { _tag: "Review", choice: "signIn" })
    expect(s.step._tag).toBe("Submitting")
    const request = toRequest(s)
    const credentials = request?.credentials
    expect(credentials?.kind === "samUser" && credentials.operatorId).toBe("OP0000000001")
    expect(
      credentials?.kind === "samUser" &&
        Redacted.isRedacted(credentials.password) &&
        Redacted.value(credentials.password),
    ).toBe(" spaced ")
    expect(request?.mfaOtpCode).toBe("123456")
  })

  it("a wrong password clears the secret and the MFA code, keeps the rest", () => {
    let s = run(
      initialSignIn(endpoints),
      { _tag: "ChooseMethod", method: "root" },
      { _tag: "SubmitField", field: "email", raw: "a@example.com" },
      { _tag: "SubmitField", field: "password", raw: "pw" },
      { _tag: "SubmitMfa", raw: "654321" },
      { _tag: "Review", choice: "signIn" },
      { _tag: "Failed", error: new Errors.AuthFailed({}), now: 0 },
    )
    expect(s.step._tag).toBe("Failed")
    s = run(s, { _tag: "ChooseFailureAction", action: "tryAgain" })
    expect(s.step).toEqual({ _tag: "Field", field: "password" })
    expect(s.secrets).toEqual({})
    expect(s.mfaOtpCode).toBeUndefined()
    expect(s.values.email).toBe("a@example.com")
  })

  it("changing the method drops secrets typed for the other one", () => {
    const s = run(
      initialSignIn(endpoints),
      { _tag: "ChooseMethod", method: "authKey" },
      { _tag: "SubmitField", field: "authKeyId", raw: "keyId-1" },
      { _tag: "SubmitField", field: "authKey", raw: "secret" },
      { _tag: "Back" },
      { _tag: "Back" },
      { _tag: "Back" },
      { _tag: "ChooseMethod", method: "root" },
    )
    expect(s.secrets).toEqual({})
  })

  it("a custom lifetime is checked against 180…172800", () => {
    let s = run(
      initialSignIn(endpoints),
      { _tag: "ChooseMethod", method: "authKey" },
      { _tag: "SubmitField", field: "authKeyId", raw: "k" },
      { _tag: "SubmitField", field: "authKey", raw: "s" },
      { _tag: "Review", choice: "lifetime" },
      { _tag: "ChooseLifetime", seconds: "custom" },
      { _tag: "SubmitCustomLifetime", raw: "172801" },
    )
    expect(s.step._tag === "LifetimeCustom" && s.step.error).toContain("from 180 to 172800")
    s = run(s, { _tag: "SubmitCustomLifetime", raw: "180" })
    expect(s.tokenTimeoutSeconds).toBe(180)
    expect(formatLifetime(180)).toBe("3 minutes")
    expect(formatLifetime(86_400)).toBe("24 hours")
    expect(formatLifetime(3_661)).toBe("1 hour 1 minute 1 second")
  })
})

describe("reset state", () => {
  const verifying = () =>
    [
      { _tag: "SubmitEmail", raw: "a@example.com" },
      { _tag: "Requested" },
      { _tag: "SubmitToken", raw: "tok" },
      { _tag: "SubmitPassword", raw: "pw" },
      { _tag: "SubmitConfirmation", raw: "pw" },
    ] as const
  it("InvalidToken and TokenExpired offer to start over", () => {
    const s = verifying().reduce(resetReducer, initialReset())
    expect(s.step._tag).toBe("Verifying")
    const invalid = resetReducer(s, { _tag: "Failed", error: new Errors.InvalidToken({}), now: 0 })
    expect(invalid.step._tag === "Failed" && invalid.step.actions).toEqual([
      "requestNew",
      "enterTokenAgain",
      "home",
    ])
    const expired = resetReducer(s, { _tag: "Failed", error: new Errors.TokenExpired({}), now: 0 })
    expect(expired.step._tag === "Failed" && expired.step.text.title).toBe(
      "That password reset token has expired.",
    )
    const again = resetReducer(expired, { _tag: "Choose", action: "requestNew" })
    expect(again.step._tag).toBe("Email")
    expect(again.email).toBe("a@example.com")
    expect(again.token).toBeUndefined()
    expect(again.password).toBeUndefined()
  })
})

describe("menu, formats, endpoints, NO_COLOR", () => {
  it("the menu wraps around", () => {
    const items = [
      { value: "a", label: "A" },
      { value: "b", label: "B" },
    ] as const
    expect(menuReducer(initialMenu(items), { _tag: "Up" }).focused).toBe(1)
    expect(menuReducer(initialMenu(items, "b"), { _tag: "Down" }).focused).toBe(0)
  })
  it("masks all but the last 4 characters, without showing the length", () => {
    expect(mask(Redacted.make("api-1234567890-WXYZ"))).toBe("********WXYZ")
    expect(mask(Redacted.make("short"))).toBe("********")
  })
  it("formats countdowns and local times", () => {
    expect(formatDuration(86_400_000)).toBe("24h 00m 00s")
    expect(formatDuration(172_799_000)).toBe("47h 59m 59s")
    expect(formatDuration(65_000)).toBe("1m 05s")
    expect(formatDuration(0)).toBe("0s")
    // ISO-like and locale-independent, with the UTC offset (the CLI and the app print the same)
    expect(formatLocalTime(0)).toMatch(/^19(69|70)-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d\d:\d\d$/)
  })
  it("reads durations: seconds, or d/h/m/s units (for --token-timeout)", () => {
    expect(["3600", "2h", "90m", "1h30m", "1d", "45s", " 2H "].map(parseDuration)).toEqual([
      3600, 7200, 5400, 5400, 86400, 45, 7200,
    ])
    expect(["", "2 hours", "h", "-5", "1.5h", "30m2h"].map(parseDuration)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ])
  })
  it("offers the demo sandbox first, then jp and g; the given URL when it is not the demo's", () => {
    expect(endpoints.map((e) => e.id)).toEqual(["demo", "jp", "g"])
    expect(endpoints[0]?.baseUrl).toBe("http://127.0.0.1:1/v1")
    const given = endpointChoices({ endpoint: { _tag: "Url", url: "http://localhost:8080/" } })
    expect(given.map((e) => [e.id, e.baseUrl])).toEqual([
      ["custom", "http://localhost:8080/v1"],
      ["jp", "https://api.soracom.io/v1"],
      ["g", "https://g.api.soracom.io/v1"],
    ])
    expect(
      endpointChoices({ endpoint: { _tag: "Coverage", coverage: "g", sandbox: false } }).map((e) => e.id),
    ).toEqual(["g", "jp"])
  })
  it("NO_COLOR (any value, even empty) becomes FORCE_COLOR=0", () => {
    const env: NodeJS.ProcessEnv = { NO_COLOR: "" }
    applyNoColor(env)
    expect(env.FORCE_COLOR).toBe("0")
    const untouched: NodeJS.ProcessEnv = {}
    applyNoColor(untouched)
    expect(untouched.FORCE_COLOR).toBeUndefined()
  })
})
