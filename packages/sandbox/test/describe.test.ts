import { spawn } from "node:child_process"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { demoSeed, describeSandbox, sandboxInfo, seedCredentials } from "../src/index.ts"
import { demo, post, start } from "./helpers.ts"

describe("describeSandbox / sandboxInfo", () => {
  it("lists every credential of the demo seed, one of each kind", () => {
    const creds = seedCredentials(demoSeed)
    expect(creds.map((c) => c.kind)).toEqual(["root", "authKey", "samUser", "authKey", "samUser"])
    expect(creds[0]).toEqual({
      kind: "root",
      operatorId: demo.operatorId,
      email: demo.email,
      password: demo.password,
    })
    expect(creds[3]).toMatchObject({
      kind: "authKey",
      userName: demo.userName,
      authKeyId: demo.userAuthKeyId,
    })
    expect(creds[4]).toMatchObject({ kind: "samUser", userName: demo.mfaUserName, mfaSecret: demo.mfaSecret })
  })

  it("gives a JSON form and a banner with URL, SORACOM_ENDPOINT and credentials", async () => {
    const s = await start()
    try {
      const info = sandboxInfo(s)
      expect(info.url).toBe(s.url)
      expect(info.endpoint + "/v1").toBe(s.url)
      expect(JSON.parse(JSON.stringify(info))).toEqual(info)
      const banner = describeSandbox(s)
      for (const text of [
        s.url,
        `SORACOM_ENDPOINT=${s.endpoint}`,
        demo.email,
        demo.authKeyId,
        demo.mfaSecret,
      ]) {
        expect(banner).toContain(text)
      }
      // the printed credentials work
      const root = info.credentials.find((c) => c.kind === "root")!
      expect(
        (await post(s, "/auth", root.kind === "root" ? { email: root.email, password: root.password } : {}))
          .status,
      ).toBe(200)
    } finally {
      await s.close()
    }
  })
})

describe("soracom-sandbox bin", () => {
  it("prints JSON with --json, serves, and exits 0 on SIGTERM", async () => {
    const bin = fileURLToPath(new URL("../src/bin.ts", import.meta.url))
    const child = spawn(process.execPath, [bin, "--json", "--hash-cost", "1"], {
      stdio: ["ignore", "pipe", "pipe"],
    })
    let out = ""
    const info = await new Promise<{ url: string }>((resolve, reject) => {
      child.stdout.on("data", (d) => {
        out += d
        try {
          resolve(JSON.parse(out))
        } catch {}
      })
      child.on("exit", (code) => reject(new Error(`exited ${code}`)))
    })
    const r = await fetch(`${info.url}/auth`, {
      method: "POST",
      body: JSON.stringify({ email: demo.email, password: demo.password }),
    })
    expect(r.status).toBe(200)
    const code = await new Promise<number | null>((resolve) => {
      child.on("exit", resolve)
      child.kill("SIGTERM")
    })
    expect(code).toBe(0)
  })

  it("exits 2 with a clear message on a bad flag or seed file", async () => {
    const bin = fileURLToPath(new URL("../src/bin.ts", import.meta.url))
    const runs = [["--bogus"], ["--seed", "/nonexistent/seed.json"]].map(async (args) => {
      const child = spawn(process.execPath, [bin, ...args], { stdio: ["ignore", "pipe", "pipe"] })
      let err = ""
      child.stderr.on("data", (d) => {
        err += d
      })
      const code = await new Promise<number | null>((resolve) => child.on("exit", resolve))
      return { code, err }
    })
    const [bogus, missing] = await Promise.all(runs)
    expect(bogus).toMatchObject({ code: 2 })
    expect(bogus!.err).toContain("bogus")
    expect(missing).toMatchObject({ code: 2 })
    expect(missing!.err).toContain("cannot read the file")
  })
})
