import { Errors } from "@soracom-auth/core"
import { Effect, Redacted } from "effect"
import { afterEach, describe, expect, it } from "vitest"
import { demoOptions, fakeRuntime, flat, keys, type Rendered, renderApp } from "./helpers.tsx"

let app: Rendered | undefined
afterEach(() => app?.unmount())

const openReset = async (runtime = fakeRuntime(), options = demoOptions) => {
  const a = renderApp(options, runtime)
  app = a
  await a.waitFor("› Sign in")
  await a.press(keys.down, keys.enter)
  await a.waitFor("Email:")
  return a
}

const toToken = async (a: Rendered) => {
  await a.type("root@example.com")
  await a.waitFor("A reset token was sent to root@example.com.")
}

const toVerify = async (a: Rendered, token = "tok-123", password = "n3w-password") => {
  await toToken(a)
  await a.type(token)
  await a.waitFor("New password:")
  await a.type(password)
  await a.waitFor("New password again:")
  await a.type(password)
}

describe("reset password", () => {
  it("checks the email with core's rule before sending anything", async () => {
    let sent = 0
    const a = await openReset(fakeRuntime({ requestPasswordReset: () => Effect.sync(() => void sent++) }))
    await a.type("nope")
    await a.waitFor("✖ The email address is not well formed")
    expect(sent).toBe(0)
  })

  it("says where the token went, and in the sandbox where to read it", async () => {
    const a = await openReset()
    await toToken(a)
    expect(flat(a.frame())).toContain(
      "This is the embedded sandbox: no mail is sent. Read the token at http://127.0.0.1:9999/_sandbox/outbox",
    )
    expect(a.frame()).toContain("Reset token:")
  })

  it("no outbox hint against SORACOM itself", async () => {
    const a = await openReset(fakeRuntime(), {})
    await toToken(a)
    expect(a.frame()).not.toContain("outbox")
  })

  it("SORACOM rejecting the email goes back to the field with the reason", async () => {
    const a = await openReset(
      fakeRuntime({ requestPasswordReset: () => Effect.fail(new Errors.InvalidEmail({})) }),
    )
    await a.type("root@example.com")
    await a.waitFor("✖ The API at 127.0.0.1:9999 did not accept that email address. Check it and try again.")
  })

  it("rate limited: says so and offers to try again", async () => {
    const a = await openReset(
      fakeRuntime({
        requestPasswordReset: () =>
          Effect.fail(new Errors.RateLimited({ operation: "issuePasswordResetToken" })),
      }),
    )
    await a.type("root@example.com")
    const frame = await a.waitFor("The API at 127.0.0.1:9999 is limiting requests")
    expect(frame).toContain("Wait a minute, then try again.")
    expect(frame).toContain("› Try again")
  })

  it("sets the new password: masked twice, sent with the token", async () => {
    let got: { token: string; password: string } | undefined
    const a = await openReset(
      fakeRuntime({
        verifyPasswordReset: (_e, token, password) =>
          Effect.sync(() => {
            got = { token: Redacted.value(token), password: Redacted.value(password) }
          }),
      }),
    )
    await toToken(a)
    await a.type("tok-123")
    await a.waitFor("New password:")
    await a.write("n3w-password")
    expect(await a.waitFor("************")).not.toContain("n3w-password")
    await a.write(keys.enter)
    await a.waitFor("New password again:")
    await a.type("n3w-password")
    const done = await a.waitFor("✔ Your password was changed. Sign in with the new one.")
    expect(done).toContain("› Sign in")
    expect(got).toEqual({ token: "tok-123", password: "n3w-password" })
    await a.press(keys.enter)
    await a.waitFor("How do you want to sign in?")
  })

  it("refuses a confirmation that does not match", async () => {
    const a = await openReset()
    await toToken(a)
    await a.type("tok-123")
    await a.waitFor("New password:")
    await a.type("one")
    await a.waitFor("New password again:")
    await a.type("two")
    await a.waitFor("✖ The two passwords do not match. Type the new password again.")
  })

  it("InvalidToken: plain words; request a new one or enter it again", async () => {
    const a = await openReset(
      fakeRuntime({ verifyPasswordReset: () => Effect.fail(new Errors.InvalidToken({})) }),
    )
    await toVerify(a)
    const frame = await a.waitFor("✖ That password reset token is not valid.")
    expect(frame).toContain("Request a new one.")
    expect(frame).toContain("› Request a new token")
    expect(frame).toContain("Enter the token again")
    await a.press(keys.down, keys.enter)
    await a.waitFor("Reset token:")
  })

  it("TokenExpired: plain words; starting over keeps the email", async () => {
    const a = await openReset(
      fakeRuntime({ verifyPasswordReset: () => Effect.fail(new Errors.TokenExpired({})) }),
    )
    await toVerify(a)
    const frame = await a.waitFor("✖ That password reset token has expired.")
    expect(frame).toContain("Request a new one.")
    expect(frame).not.toContain("Enter the token again")
    await a.press(keys.enter)
    await a.waitFor("Email: root@example.com")
  })

  it("Esc cancels a running request", async () => {
    const a = await openReset(fakeRuntime({ requestPasswordReset: () => Effect.never }))
    await a.type("root@example.com")
    await a.waitFor("Requesting a reset token for root@example.com")
    await a.press(keys.escape)
    await a.waitFor("! Cancelled.")
    expect(a.frame()).toContain("Email:")
  })
})
