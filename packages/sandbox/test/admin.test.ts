import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { Sandbox } from "../src/index.ts"
import { admin, demo, post, start } from "./helpers.ts"

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await start()
})
afterAll(() => sandbox.close())

describe("admin API under /_sandbox", () => {
  it("indexes itself", async () => {
    const r = await admin(sandbox, "GET", "")
    expect(r.status).toBe(200)
    expect(r.json.url).toBe(sandbox.url)
    expect(Object.keys(r.json.routes)).toContain("GET /_sandbox/outbox")
  })

  it("reads and empties the outbox", async () => {
    await post(sandbox, "/auth/password_reset_token/issue", { email: demo.email })
    const r = await admin(sandbox, "GET", "/outbox")
    expect(r.status).toBe(200)
    expect(r.json).toHaveLength(1)
    expect(r.json[0]).toMatchObject({ to: demo.email, token: sandbox.outbox()[0]!.token })
    expect((await admin(sandbox, "DELETE", "/outbox")).status).toBe(204)
    expect((await admin(sandbox, "GET", "/outbox")).json).toEqual([])
  })

  it("answers 404 / 405 / 400 with JSON bodies", async () => {
    expect((await admin(sandbox, "GET", "/nope")).json.code).toBe("SBX0002")
    const wrong = await admin(sandbox, "PATCH", "/outbox")
    expect(wrong.status).toBe(405)
    expect(wrong.headers.allow).toBe("GET, DELETE")
    const bad = await admin(sandbox, "POST", "/faults", "{oops")
    expect(bad.status).toBe(400)
    expect(bad.json.code).toBe("SBX0001")
    expect((await admin(sandbox, "PUT", "/recording", { enabled: "yes" })).status).toBe(400)
  })
})
