/**
 * Readline keys in text fields (issue #14, defect 2): Ctrl+U/W/K/A/E edit instead of inserting letters — also
 * in masked fields, where a wrong password would otherwise be sent silently — and a prefilled value is replaced
 * with one Ctrl+U.
 */
import { Effect, Redacted } from "effect"
import { afterEach, describe, expect, it } from "vitest"
import type { SignInInput } from "../../src/session/Sessions.ts"
import { editLine, initialLine, type LineKey, type LineState } from "../../src/ui/components/line-editor.ts"
import { demoOptions, fakeRuntime, fakeSignedIn, keys, type Rendered, renderApp } from "./helpers.tsx"

const ctrl = (letter: string) => String.fromCharCode(letter.charCodeAt(0) - 96)

const apply = (start: LineState, ...steps: ReadonlyArray<readonly [string, LineKey]>) =>
  steps.reduce((s, [input, key]) => editLine(s, input, key), start)

describe("line editor (pure)", () => {
  it("Ctrl+A/E move to the ends, Ctrl+U/K delete to them, Ctrl+W deletes the word before the cursor", () => {
    const s = initialLine("alpha beta gamma")
    expect(apply(s, ["w", { ctrl: true }]).value).toBe("alpha beta ")
    expect(apply(s, ["u", { ctrl: true }])).toEqual({ value: "", cursor: 0 })
    expect(apply(s, ["a", { ctrl: true }], ["k", { ctrl: true }])).toEqual({ value: "", cursor: 0 })
    const middle = apply(s, ["a", { ctrl: true }], ["", { rightArrow: true }], ["", { rightArrow: true }])
    expect(middle.cursor).toBe(2)
    expect(apply(middle, ["k", { ctrl: true }]).value).toBe("al")
    expect(apply(middle, ["u", { ctrl: true }])).toEqual({ value: "pha beta gamma", cursor: 0 })
    expect(apply(middle, ["X", {}]).value).toBe("alXpha beta gamma")
    expect(apply(middle, ["e", { ctrl: true }], ["!", {}]).value).toBe("alpha beta gamma!")
  })
  it("Backspace deletes before the cursor; control characters never become text", () => {
    expect(apply(initialLine("abc"), ["", { backspace: true }]).value).toBe("ab")
    expect(apply(initialLine("abc"), ["", { delete: true }]).value).toBe("ab")
    expect(apply(initialLine("abc"), ["\u0015", {}], ["x\ny\u0007", {}]).value).toBe("abcxy")
  })
})

let app: Rendered | undefined
afterEach(() => app?.unmount())

describe("fields in the app", () => {
  it("a masked password: Ctrl+U clears it (no hidden letters); the password sent is exactly what was retyped", async () => {
    const sent: Array<SignInInput> = []
    app = renderApp(
      { ...demoOptions, initialScreen: "signIn" },
      fakeRuntime({
        signIn: (input) =>
          Effect.sync(() => {
            sent.push(input)
            return fakeSignedIn
          }),
      }),
    )
    const a = app
    await a.waitFor("How do you want to sign in?")
    await a.press(keys.down, keys.enter)
    await a.waitFor("Email:")
    await a.type("root@example.com")
    await a.waitFor("Password:")
    await a.write("abc")
    await a.waitFor("Password: ***")
    await a.write(ctrl("u"))
    await a.waitFor((f) => !f.includes("Password: *"))
    await a.write("right")
    await a.waitFor("Password: *****")
    await a.write(ctrl("w"))
    await a.waitFor((f) => !f.includes("Password: *"))
    await a.write("pw")
    await a.waitFor((f) => f.includes("Password: **") && !f.includes("Password: ***"))
    await a.write(keys.enter)
    await a.waitFor("MFA code:")
    await a.write(keys.enter)
    await a.waitFor("› Sign in")
    await a.write(keys.enter)
    await a.waitFor("Operator ID")
    const credentials = sent[0]?.credentials
    expect(
      credentials?.kind === "root" &&
        Redacted.isRedacted(credentials.password) &&
        Redacted.value(credentials.password),
    ).toBe("pw")
  })

  it("a prefilled value (token lifetime) is replaced after one Ctrl+U", async () => {
    app = renderApp({ ...demoOptions, initialScreen: "signIn" }, fakeRuntime())
    const a = app
    await a.waitFor("How do you want to sign in?")
    await a.press(keys.enter)
    await a.waitFor("AuthKey ID:")
    await a.type("keyId-abc")
    await a.waitFor("AuthKey secret:")
    await a.type("s")
    await a.waitFor("› Sign in")
    await a.press(keys.down, keys.enter)
    await a.waitFor("How long should the token stay valid?")
    await a.press(keys.down, keys.down, keys.enter) // 24 hours (the default) → 48 hours → Custom…
    await a.waitFor("Token lifetime (seconds): 86400")
    await a.write(ctrl("u"))
    await a.write("7200")
    await a.waitFor("Token lifetime (seconds): 7200")
    await a.write(keys.enter)
    expect(await a.waitFor("Token lifetime: 2 hours")).toContain("Token lifetime: 2 hours")
  })
})
