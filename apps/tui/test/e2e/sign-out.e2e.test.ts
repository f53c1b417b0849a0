/**
 * Sign out, pressed in a real terminal (tmux) in the shipped bundle, against a recording sandbox: the server's
 * recording shows POST /v1/auth/logout carrying the API key and token the sign-in issued, the screen says so, and
 * the pair is dead on the server afterwards.
 */
import { describe, expect, it } from "vitest"
import { requireTool } from "../../../../tools/testing/require-tool.ts"
import { openApp, recordingSandbox, shippedBundle, signInWithDemoAuthKey } from "./fixture.ts"

const bin = shippedBundle("sign-out")

describe.runIf(requireTool("tmux", "the terminal end-to-end tests"))("Sign out in a real terminal", () => {
  it("revokes the session on the server: the recording shows /auth/logout with the issued key and token", {
    timeout: 90_000,
  }, async (ctx) => {
    const sandbox = await recordingSandbox(ctx)
    const { t } = openApp(ctx, bin(), { env: { SORACOM_ENDPOINT: sandbox.endpoint } })
    await t.waitFor("Reset password")
    await t.press("Enter")
    await signInWithDemoAuthKey(t)

    const auth = sandbox
      .exchanges()
      .filter((e) => e.request.path === "/v1/auth" && e.response?.status === 200)
    expect(auth).toHaveLength(1)
    const issued = auth[0]!.response!.body as { apiKey: string; token: string }
    expect(sandbox.exchanges().some((e) => e.request.path === "/v1/auth/logout")).toBe(false)

    // the action menu: Done, Save as profile…, Quit and print shell exports, Switch user…, Sign out
    await t.press("Down", "Down", "Down", "Down")
    await t.waitFor(/› Sign out/)
    await t.press("Enter")
    await t.waitFor("Signed out")

    const logouts = sandbox.exchanges().filter((e) => e.request.path === "/v1/auth/logout")
    expect(logouts).toHaveLength(1)
    expect(logouts[0]!.request.method).toBe("POST")
    expect(logouts[0]!.request.headers["x-soracom-api-key"]).toBe(issued.apiKey)
    expect(logouts[0]!.request.headers["x-soracom-token"]).toBe(issued.token)
    expect(logouts[0]!.response?.status).toBeLessThan(300)
    const again = await fetch(`${sandbox.url}/auth/logout`, {
      method: "POST",
      headers: { "X-Soracom-API-Key": issued.apiKey, "X-Soracom-Token": issued.token },
    })
    await again.arrayBuffer()
    expect(again.status).toBe(401)
    // the secret never reached the terminal
    expect(t.output()).not.toContain(issued.token)
    await t.type("q")
    expect(await t.exitCode()).toBe(0)
  })
})
