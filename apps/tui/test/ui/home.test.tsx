import { AuthResponse, Endpoint } from "@soracom-auth/core"
import { DateTime } from "effect"
import { afterEach, describe, expect, it } from "vitest"
import {
  demoOptions,
  fakeRuntime,
  fakeSignedIn,
  keys,
  memorySessions,
  NOW,
  type Rendered,
  renderApp,
} from "./helpers.tsx"

let app: Rendered | undefined
afterEach(() => app?.unmount())

describe("home", () => {
  it("lists what the app does, with the keys that work here", async () => {
    app = renderApp()
    const frame = await app.waitFor("Sign in")
    expect(frame).toContain("Reset password")
    expect(frame).toContain("Profiles")
    expect(frame).toContain("Quit")
    expect(frame).toMatch(/↑↓ move · Enter choose · q quit · Ctrl\+C exit/)
    expect(frame).not.toContain("sandbox")
  })

  it("shows a sandbox badge and the demo credentials in demo mode", async () => {
    app = renderApp(demoOptions)
    const frame = await app.waitFor("Demo:")
    expect(frame).toContain(" sandbox ")
    expect(frame).toContain("http://127.0.0.1:9999")
    expect(frame).toContain("keyId-demo")
  })

  it("q quits with exit code 0", async () => {
    app = renderApp()
    await app.waitFor("Sign in")
    await app.write("q")
    await app.waitFor(() => app?.result() !== undefined, "the app to exit")
    expect(app.result()).toEqual({ code: 0 })
  })

  it("Ctrl+C exits with 130", async () => {
    app = renderApp()
    await app.waitFor("Sign in")
    await app.write(keys.ctrlC)
    await app.waitFor(() => app?.result() !== undefined, "the app to exit")
    expect(app.result()).toEqual({ code: 130 })
  })

  it("arrow keys move the focus and Enter opens the screen; Esc comes back", async () => {
    app = renderApp()
    await app.waitFor("› Sign in")
    await app.press(keys.down)
    await app.waitFor("› Reset password")
    await app.press(keys.enter)
    await app.waitFor("Reset password", "the reset screen")
    await app.waitFor("Email:")
    await app.press(keys.escape)
    await app.waitFor("› Sign in")
  })

  it("shows which profiles hold a live session (an expired one is not live)", async () => {
    const sessions = memorySessions()
    const cache = (name: string, expiresAt: number) =>
      sessions.cached.set(name, {
        endpoint: Endpoint.resolve({ _tag: "Coverage", coverage: "jp", sandbox: false }),
        method: "authKey",
        identity: "keyId-x",
        session: new AuthResponse.AuthResponse({
          ...fakeSignedIn,
          expiresAt: DateTime.makeUnsafe(expiresAt),
        }),
      })
    cache("work", NOW + 3_600_000)
    cache("ci", NOW + 90_000)
    cache("old", NOW - 1_000)
    app = renderApp({}, fakeRuntime({ sessions }))
    const frame = await app.waitFor("Signed in with profiles:")
    expect(frame).toContain("● Signed in with profiles: work (1h 00m 00s left), ci (1m 30s left)")
    expect(frame).not.toContain("old")
    expect(frame).toContain("› Sign in")
  })

  it("no live session: no such line", async () => {
    app = renderApp()
    await app.waitFor("› Sign in")
    expect(app.frame()).not.toContain("Signed in with profiles")
  })

  it("the Quit item quits", async () => {
    app = renderApp()
    await app.waitFor("› Sign in")
    await app.press(keys.up, keys.enter)
    await app.waitFor(() => app?.result() !== undefined, "the app to exit")
    expect(app.result()).toEqual({ code: 0 })
  })
})
