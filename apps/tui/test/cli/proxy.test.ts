/**
 * The CLI honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY: every request of `login` and `logout` goes through a
 * loopback proxy that counts what it carries (and the sandbox received exactly those), and NO_PROXY=127.0.0.1
 * bypasses it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type CountingProxy, startCountingProxy } from "../../../../tools/testing/counting-proxy.ts"
import { cliSuite } from "../helpers/cli-suite.ts"
import { demo } from "../helpers/sandbox.ts"

const suite = cliSuite({ sandbox: { record: true } })
let proxy: CountingProxy
beforeAll(async () => {
  proxy = await startCountingProxy()
})
afterAll(() => proxy?.close())

const loginThenLogout = async (env: Record<string, string>) => {
  const login = await suite.run(
    [
      "login",
      "--endpoint",
      suite.sandbox.endpoint,
      "--auth-key-id",
      demo.authKeyId,
      "--auth-key-stdin",
      "--json",
    ],
    { env, stdin: `${demo.authKey}\n` },
  )
  expect(login.code, login.stderr).toBe(0)
  const logout = await suite.run(["logout", "--json"], { env })
  expect(logout.code, logout.stderr).toBe(0)
  return login.stdout + login.stderr + logout.stdout + logout.stderr
}

describe("proxies", () => {
  it("HTTP_PROXY: every request goes through the proxy (counted)", async () => {
    suite.sandbox.clearExchanges()
    const output = await loginThenLogout({ HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url })
    const received = suite.sandbox.exchanges().map((e) => `${e.request.method} ${e.request.path}`)
    expect(received).toEqual(["POST /v1/auth", "POST /v1/auth/logout"])
    expect(proxy.requests().map((r) => `${r.method} ${r.path}`)).toEqual(received)
    expect(output).not.toContain(proxy.url)
  })

  it("NO_PROXY=127.0.0.1 bypasses the proxy", async () => {
    const before = proxy.requests().length
    suite.sandbox.clearExchanges()
    await loginThenLogout({ HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NO_PROXY: "127.0.0.1" })
    expect(suite.sandbox.exchanges()).toHaveLength(2)
    expect(proxy.requests()).toHaveLength(before)
  })
})
