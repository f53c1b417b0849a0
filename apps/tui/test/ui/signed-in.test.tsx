import { AuthResponse, Errors } from "@soracom-auth/core"
import { DateTime, Effect } from "effect"
import { afterEach, describe, expect, it } from "vitest"
import { InvalidProfileName } from "../../src/profiles/errors.ts"
import {
  demoOptions,
  fakeRuntime,
  fakeSignedIn,
  keys,
  memoryProfiles,
  NOW,
  type Rendered,
  renderApp,
} from "./helpers.tsx"

let app: Rendered | undefined
afterEach(() => app?.unmount())

/** Signs in with an AuthKey through the form and lands on the signed-in screen. */
const signedIn = async (runtime = fakeRuntime(), options = demoOptions) => {
  const a = renderApp({ ...options, initialScreen: "signIn" }, runtime)
  app = a
  await a.waitFor("How do you want to sign in?")
  await a.press(keys.enter)
  await a.waitFor("AuthKey ID:")
  await a.type("keyId-abc")
  await a.waitFor("AuthKey secret:")
  await a.type("secret-abc")
  await a.waitFor("› Sign in")
  await a.press(keys.enter)
  await a.waitFor("Operator ID")
  return a
}

describe("signed in", () => {
  it("shows the operator, the masked API key (last 4), the expiry as a local time and a countdown", async () => {
    const a = await signedIn()
    const frame = a.frame()
    expect(frame).toContain("OP0000000001")
    expect(frame).toContain("********ABCD")
    expect(frame).not.toContain("api-0000-1111-2222-ABCD")
    expect(frame).toMatch(/Token expires\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d\d:\d\d\s+in 24h 00m 00s/)
    expect(frame).toContain("› Done")
    expect(frame).toContain("Save as profile…")
    expect(frame).toContain("Quit and print shell exports")
    expect(frame).toContain("Sign out")
  })

  it("the countdown follows the clock, and says when the token has expired", async () => {
    let now = NOW
    const a = await signedIn(fakeRuntime({}, memoryProfiles(), () => now))
    now = fakeSignedIn.expiresAt.epochMilliseconds - 65_000
    await a.waitFor("in 1m 05s")
    now = fakeSignedIn.expiresAt.epochMilliseconds + 1
    await a.waitFor("(expired — sign in again)")
  })

  it("Done and Esc go home, which shows the sign-in", async () => {
    const a = await signedIn()
    await a.press(keys.escape)
    const home = await a.waitFor("Signed in as OP0000000001")
    expect(home).toContain("› Current sign-in")
    await a.press(keys.enter)
    await a.waitFor("Token expires")
    await a.press(keys.enter)
    await a.waitFor("Signed in as")
  })

  it("quit with shell exports hands SORACOM_API_KEY and SORACOM_TOKEN to runApp, only then", async () => {
    const a = await signedIn()
    await a.press(keys.down, keys.down, keys.enter)
    await a.waitFor(() => a.result() !== undefined, "the app to exit")
    expect(a.result()).toEqual({
      code: 0,
      exports: "export SORACOM_API_KEY=api-0000-1111-2222-ABCD SORACOM_TOKEN=token.jwt.value-WXYZ",
    })
  })

  it("a plain quit carries no exports", async () => {
    const a = await signedIn()
    await a.press(keys.escape)
    await a.waitFor("Signed in as")
    await a.write("q")
    await a.waitFor(() => a.result() !== undefined, "the app to exit")
    expect(a.result()).toEqual({ code: 0 })
  })

  it("signs out on the server and says so", async () => {
    let signedOut = false
    const a = await signedIn(
      fakeRuntime({
        signOut: () =>
          Effect.sync(() => {
            signedOut = true
            return { _tag: "RevokedAndRemoved" } as const
          }),
      }),
    )
    await a.press(keys.up, keys.enter)
    const home = await a.waitFor("✔ Signed out: the server revoked the API key and token.")
    expect(home).toContain("› Sign in")
    expect(home).not.toContain("Signed in as")
    expect(signedOut).toBe(true)
  })

  it("a session the server no longer accepts is forgotten with a plain explanation", async () => {
    const a = await signedIn(fakeRuntime({ signOut: () => Effect.fail(new Errors.AuthFailed({})) }))
    await a.press(keys.up, keys.enter)
    await a.waitFor("the server no longer accepted this session")
  })

  it("a failed sign-out says what failed and offers to retry or forget", async () => {
    const a = await signedIn(
      fakeRuntime({
        signOut: () =>
          Effect.fail(
            new Errors.TransportError({
              operation: "logout",
              endpoint: "http://x/v1",
              reason: "ConnectionReset",
            }),
          ),
      }),
    )
    await a.press(keys.up, keys.enter)
    const frame = await a.waitFor("Could not sign out.")
    expect(frame).toContain("the connection was reset")
    expect(frame).toContain("Forget this sign-in here anyway")
    await a.press(keys.down, keys.enter)
    await a.waitFor("Forgotten here")
  })

  it("saves as a profile under the default name", async () => {
    const profiles = memoryProfiles()
    const a = await signedIn(fakeRuntime({}, profiles))
    await a.press(keys.down, keys.enter)
    await a.waitFor("Profile name: default")
    await a.press(keys.enter)
    await a.waitFor('✔ Saved as profile "default" in /home/test/.soracom.')
    expect([...profiles.saved.keys()]).toEqual(["default"])
  })

  it("asks before overwriting an existing profile; n goes back to the name", async () => {
    // A profile without credentials: nothing to preselect, so the form starts at AuthKey as the helper expects.
    const profiles = memoryProfiles([{ name: "work" }])
    const a = await signedIn(fakeRuntime({}, profiles), { ...demoOptions, profileName: "work" })
    await a.press(keys.down, keys.enter)
    await a.waitFor("Profile name: work")
    await a.press(keys.enter)
    await a.waitFor('A profile named "work" exists. Overwrite it? (y/N)')
    await a.write("n")
    await a.waitFor("Profile name:")
    expect(profiles.saved.size).toBe(0)
    await a.press(keys.enter)
    await a.waitFor("Overwrite it?")
    await a.write("y")
    await a.waitFor('Saved as profile "work"')
    expect([...profiles.saved.keys()]).toEqual(["work"])
  })

  it("an invalid profile name is shown under the field", async () => {
    const profiles = memoryProfiles()
    const a = await signedIn(
      fakeRuntime(
        {},
        {
          ...profiles,
          exists: (name) => Effect.fail(new InvalidProfileName({ name })),
        },
      ),
    )
    await a.press(keys.down, keys.enter)
    await a.waitFor("Profile name:")
    await a.write(keys.backspace.repeat(7))
    await a.type("../x")
    await a.waitFor('✖ "../x" is not a valid profile name')
  })
})

describe("signed in: switch user", () => {
  const switchedResponse = new AuthResponse.AuthResponse({
    apiKey: fakeSignedIn.apiKey,
    token: fakeSignedIn.token,
    issuedAt: DateTime.makeUnsafe(NOW),
    expiresAt: fakeSignedIn.expiresAt,
    operatorId: "OP0000000002",
    userName: "ops-user",
  })

  it("asks the operator ID and user name, switches through the session service and shows the switched user", async () => {
    const asked: Array<{ operatorId: string; userName: string }> = []
    const a = await signedIn(
      fakeRuntime({
        switchUser: (input) =>
          Effect.sync(() => {
            asked.push({ operatorId: input.operatorId, userName: input.userName })
            return switchedResponse
          }),
      }),
    )
    await a.press(keys.up, keys.up, keys.enter)
    await a.waitFor("Operator ID to switch to:")
    await a.press(keys.enter)
    await a.waitFor("✖ Required.")
    await a.type("OP0000000002")
    await a.waitFor("SAM user name to switch to:")
    await a.type("ops-user")
    const frame = await a.waitFor("✔ Switched to OP0000000002 / ops-user.")
    expect(asked).toEqual([{ operatorId: "OP0000000002", userName: "ops-user" }])
    expect(frame).toMatch(/Operator ID\s+OP0000000002/)
    expect(frame).toMatch(/User name\s+ops-user/)
    expect(frame).toContain("› Done")
    // the profile's cache still holds the source session: nothing that would act on it is offered
    expect(frame).not.toContain("Sign out")
    expect(frame).not.toContain("Save as profile")
    expect(frame).not.toContain("Switch user")
  })

  it("a refusal shows the error table's words, and Back returns to the actions with the same session", async () => {
    const a = await signedIn(
      fakeRuntime({ switchUser: () => Effect.fail(new Errors.SwitchUserNotAllowed({})) }),
    )
    await a.press(keys.up, keys.up, keys.enter)
    await a.waitFor("Operator ID to switch to:")
    await a.type("OP0000000002")
    await a.waitFor("SAM user name to switch to:")
    await a.type("nobody")
    const frame = await a.waitFor("Could not switch user.")
    expect(frame).toContain("trust policy")
    await a.press(keys.down, keys.enter)
    const back = await a.waitFor("› Done")
    expect(back).toMatch(/Operator ID\s+OP0000000001/)
  })

  it("Esc on the user name goes back to the operator ID, Esc there back to the actions", async () => {
    const a = await signedIn()
    await a.press(keys.up, keys.up, keys.enter)
    await a.waitFor("Operator ID to switch to:")
    await a.type("OP0000000002")
    await a.waitFor("SAM user name to switch to:")
    await a.press(keys.escape)
    await a.waitFor("Operator ID to switch to:")
    await a.press(keys.escape)
    await a.waitFor("› Done")
  })
})
