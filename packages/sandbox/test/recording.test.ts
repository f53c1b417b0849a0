import { afterEach, describe, expect, it } from "vitest"
import type { Sandbox } from "../src/index.ts"
import { demo, post, send, start } from "./helpers.ts"

let sandbox: Sandbox | undefined
afterEach(async () => {
  await sandbox?.close()
  sandbox = undefined
})

describe("recording exchanges", () => {
  it("records every /v1 request and its response, in order, with raw query and headers", async () => {
    sandbox = await start({ record: true })
    await post(sandbox, "/auth?", { email: demo.email, password: demo.password }, { "X-Soracom-Lang": "ja" })
    await post(sandbox, "/auth", "{broken")
    await send(sandbox.url, "GET", "/nope")
    await post(sandbox, "/auth/password_reset_token/issue", { email: demo.email })
    const [a, b, c, d, ...rest] = sandbox.exchanges()
    expect(rest).toEqual([])
    expect(a!.seq).toBe(1)
    expect(a!.request).toMatchObject({
      method: "POST",
      url: "/v1/auth?",
      path: "/v1/auth",
      query: "",
      body: { email: demo.email, password: demo.password },
    })
    expect(a!.request.headers["x-soracom-lang"]).toBe("ja")
    expect(a!.request.headers.accept).toBeUndefined()
    expect(a!.response?.status).toBe(200)
    expect(a!.response?.headers["content-type"]).toMatch(/^application\/json/)
    expect((a!.response!.body as { operatorId: string }).operatorId).toBe(demo.operatorId)
    expect(b!.request.body).toBe("{broken")
    expect(b!.response?.status).toBe(400)
    expect(c!.request).toMatchObject({ method: "GET", path: "/v1/nope", query: null, body: null })
    expect(c!.response?.status).toBe(404)
    expect(d!.response).toMatchObject({ status: 200, body: null, rawBody: "" })
  })

  it("records 413s and dropped connections (response null)", async () => {
    sandbox = await start({ record: true, maxBodyBytes: 100 })
    await post(sandbox, "/auth", { password: "x".repeat(200) })
    sandbox.faults.set("/auth", { drop: true })
    await expect(post(sandbox, "/auth", {})).rejects.toThrow()
    const [big, dropped] = sandbox.exchanges()
    expect(big!.response?.status).toBe(413)
    expect(dropped!.response).toBeNull()
  })

  it("is off by default, toggles through the handle and the admin API, does not record /_sandbox, clears", async () => {
    sandbox = await start()
    await post(sandbox, "/auth", {})
    expect(sandbox.exchanges()).toEqual([])
    sandbox.setRecording(true)
    await post(sandbox, "/auth", {})
    expect(sandbox.exchanges()).toHaveLength(1)
    expect((await send(sandbox.adminUrl, "PUT", "/recording", { enabled: false })).status).toBe(200)
    await post(sandbox, "/auth", {})
    const listed = await send(sandbox.adminUrl, "GET", "/exchanges")
    expect(listed.json).toHaveLength(1)
    expect(listed.json[0].request.path).toBe("/v1/auth")
    expect((await send(sandbox.adminUrl, "DELETE", "/exchanges")).status).toBe(204)
    expect(sandbox.exchanges()).toEqual([])
    await send(sandbox.adminUrl, "PUT", "/recording", { enabled: true })
    await post(sandbox, "/auth", {})
    sandbox.clearExchanges()
    expect(sandbox.exchanges()).toEqual([])
  })
})
