/**
 * #14 defect 10 on the screens: the demo credentials box says whose each credential is, stays in view (compact, the
 * method at hand only) on the sign-in screens, and shows the MFA user's current code, new each 30-second step;
 * pasted text never fires a menu's digit or j/k shortcuts; Esc from a profile's sign-in is back at Profiles in one
 * press.
 */
import { afterEach, describe, expect, it } from "vitest"
import { demoLines } from "../../src/ui/components/demo-box.tsx"
import type { ProfileSummary } from "../../src/ui/effects/services.ts"
import { demoOptions, fakeRuntime, keys, memoryProfiles, NOW, type Rendered, renderApp } from "./helpers.tsx"

let app: Rendered | undefined
afterEach(() => app?.unmount())

/** The helpers' fake TOTP: the secret's first two letters and the 30-second step number. */
const codeAt = (now: number) => `JB${String(Math.floor(now / 30_000) % 10_000).padStart(4, "0")}`

/** Bracketed paste, as a terminal sends it when the app asked for it (`ESC [ ? 2004 h`). */
const paste = (text: string) => `\u001B[200~${text}\u001B[201~`

describe("the demo credentials box", () => {
  it("on Home: every credential with whose it is, and the MFA user's code now", async () => {
    app = renderApp(demoOptions)
    const frame = await app.waitFor("Demo:")
    expect(frame).toContain("Root user (OP0000000001): demo@example.com / demo-root-pw")
    expect(frame).toContain("AuthKey of the root user: keyId-demo")
    expect(frame).toContain("AuthKey of SAM user demo-user: keyId-demo-user")
    expect(frame).toContain("SAM user demo-mfa-user (OP0000000001): password demo-mfa-pw")
    expect(frame).toContain(`MFA code of demo-mfa-user now: ${codeAt(NOW)} (a new one every 30 s)`)
    // each secret on a line of its own, under the ID it belongs to
    const lines = frame.split("\n").map((l) => l.replace(/[│╭╮╰╯─]/g, "").trim())
    expect(lines[lines.indexOf("AuthKey of the root user: keyId-demo") + 1]).toBe("secret-demo")
  })

  it("drawn short when the screen does not fit the terminal: Home keeps the code, the sign-in the first credential", () => {
    const demo = demoOptions.demo!
    expect(demoLines(demo, NOW, { short: true })).toEqual([
      `MFA code of demo-mfa-user now: ${codeAt(NOW)} (a new one every 30 s)`,
      "Each method's credentials are shown as you sign in.",
    ])
    expect(demoLines(demo, NOW, { method: "authKey", short: true })).toEqual([
      "AuthKey of the root user: keyId-demo",
      "secret-demo",
    ])
    expect(demoLines(demo, NOW, { method: "authKey" })).toHaveLength(4)
  })

  it("the MFA code follows the clock: a new one at the next 30-second step, without a key pressed", async () => {
    // 3 s before a step ends, read before the first render: on a loaded machine the render alone took over 0.4 s,
    // the old margin, so the step had turned before the test read the clock and it waited for the wrong code
    const offset = 30_000 - (Date.now() % 30_000) - 3_000
    const clock = () => Date.now() + offset
    const first = clock()
    app = renderApp(demoOptions, fakeRuntime({}, memoryProfiles(), clock))
    await app.waitFor(`now: ${codeAt(first)}`)
    await app.waitFor(`now: ${codeAt(first + 30_000)}`, "the next step's code")
  })

  it("stays in view on the sign-in screens, compact: the method at hand only, following the picker's focus", async () => {
    app = renderApp(demoOptions)
    await app.waitFor("› Sign in")
    await app.press(keys.enter)
    const picker = await app.waitFor("How do you want to sign in?")
    expect(picker).toContain("AuthKey of the root user: keyId-demo")
    expect(picker).toContain("AuthKey of SAM user demo-user: keyId-demo-user")
    expect(picker).not.toContain("Demo:")
    expect(picker).not.toContain("demo@example.com")
    await app.press(keys.down)
    const root = await app.waitFor("› Root user")
    expect(root).toContain("Root user (OP0000000001): demo@example.com / demo-root-pw")
    expect(root).not.toContain("keyId-demo")
    await app.press(keys.down)
    const sam = await app.waitFor("SAM user demo-user (OP0000000001)")
    expect(sam).toContain(`MFA code of demo-mfa-user now: ${codeAt(NOW)}`)
    await app.press(keys.enter)
    const field = await app.waitFor("Operator ID:")
    expect(field).toContain("SAM user demo-mfa-user (OP0000000001): password demo-mfa-pw")
  })

  it("not shown once the sign-in points away from the embedded sandbox", async () => {
    app = renderApp({ ...demoOptions, initialScreen: "signIn" })
    await app.waitFor("AuthKey of the root user")
    await app.press(keys.enter)
    await app.waitFor("AuthKey ID:")
    await app.type("keyId-abc")
    await app.waitFor("AuthKey secret:")
    await app.type("s")
    await app.waitFor("› Sign in")
    await app.press(keys.down, keys.down, keys.enter)
    await app.waitFor("Where do you want to sign in?")
    await app.press(keys.down, keys.enter)
    const review = await app.waitFor("› Sign in")
    expect(review).not.toContain("AuthKey of the root user")
  })
})

describe("menus and pasted text", () => {
  it("a pasted digit or j/k does nothing in a menu; the same keys typed do", async () => {
    app = renderApp({ ...demoOptions, initialScreen: "signIn" })
    await app.waitFor("› AuthKey (recommended)")
    await app.write(paste("3"))
    await app.write(paste("jj"))
    await app.write(paste("keyId-demo0000000000000000000000000001"))
    await app.write(paste("k"))
    // a typed key after the pastes: the picker is still up, focus unmoved
    await app.press(keys.down)
    await app.waitFor("› Root user")
    expect(app.frame()).toContain("How do you want to sign in?")
    await app.write("3")
    await app.waitFor("Operator ID:")
  })

  it("pasted text still reaches a text field", async () => {
    app = renderApp({ ...demoOptions, initialScreen: "signIn" })
    await app.waitFor("› AuthKey (recommended)")
    await app.press(keys.enter)
    await app.waitFor("AuthKey ID:")
    await app.write(paste("keyId-pasted"))
    await app.waitFor("keyId-pasted")
  })
})

describe("Esc from a profile's sign-in", () => {
  const profiles: ReadonlyArray<ProfileSummary> = [
    { name: "work", method: "authKey", identity: "keyId-aaa" },
    { name: "owner", method: "root", identity: "root@example.com" },
  ]
  const openProfile = async (index: number) => {
    const a = renderApp(demoOptions, fakeRuntime({}, memoryProfiles(profiles)))
    app = a
    await a.waitFor("› Sign in")
    await a.press(keys.down, keys.down, keys.enter)
    await a.waitFor("Profile directory:")
    await a.waitFor("work")
    for (let i = 0; i < index; i++) await a.press(keys.down)
    await a.press(keys.enter)
    await a.waitFor("Open in the sign-in form")
    return a
  }

  it("opened in the sign-in form (at the review): one Esc is back at Profiles", async () => {
    const a = await openProfile(0)
    await a.press(keys.down, keys.enter)
    await a.waitFor("AuthKey ID: keyId-aaa")
    await a.waitFor("› Sign in")
    await a.press(keys.escape)
    await a.waitFor("Profile directory:")
  })

  it("signing in with an MFA code (at the MFA field): one Esc is back at Profiles", async () => {
    const a = await openProfile(1)
    await a.press(keys.down, keys.enter)
    await a.waitFor("MFA code:")
    await a.press(keys.escape)
    await a.waitFor("Profile directory:")
  })
})
