/**
 * The browser: fixtures/browser.mjs bundled with esbuild (platform browser, from the installed tarballs) runs in
 * headless Chromium (Debian's /usr/bin/chromium, driven by puppeteer-core) on a page served from another origin
 * than the sandbox, so every call goes through the sandbox's CORS preflights.
 */
import { execFile } from "node:child_process"
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { promisify } from "node:util"
import puppeteer, { type Browser } from "puppeteer-core"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { requireTool } from "../../testing/require-tool.ts"
import "../context.ts"

const exec = promisify(execFile)
const { lib, sandbox } = inject("consumer")
const chromium = "/usr/bin/chromium"

describe.runIf(requireTool(chromium, "the browser consumer test"))(
  "the packed libraries in headless Chromium",
  () => {
    let server: Server | undefined
    let browser: Browser | undefined
    let profile = ""
    let origin = ""

    beforeAll(async () => {
      const out = join(lib, "public")
      mkdirSync(out, { recursive: true })
      await exec(
        join(lib, "node_modules/.bin/esbuild"),
        [
          "browser.mjs",
          "--bundle",
          "--format=esm",
          "--platform=browser",
          "--minify",
          `--outfile=${join(out, "app.js")}`,
          "--log-level=warning",
        ],
        { cwd: lib },
      )
      const files: Record<string, [string, string]> = {
        "/": [
          "text/html",
          '<!doctype html><meta charset="utf-8"><script type="module" src="/app.js"></script>',
        ],
        "/app.js": ["text/javascript", readFileSync(join(out, "app.js"), "utf8")],
        "/favicon.ico": ["image/x-icon", ""],
      }
      server = createServer((req, res) => {
        const file = files[req.url ?? ""]
        res.writeHead(file === undefined ? 404 : 200, { "Content-Type": file?.[0] ?? "text/plain" })
        res.end(file?.[1] ?? "not found")
      })
      await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve))
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      profile = mkdtempSync(join(tmpdir(), "soracom-auth-chromium-"))
      browser = await puppeteer.launch({
        executablePath: chromium,
        userDataDir: profile,
        args: [
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
        ],
      })
    })

    afterAll(async () => {
      await browser?.close()
      const running = server
      if (running !== undefined) await new Promise((resolve) => running.close(resolve))
      if (profile !== "") rmSync(profile, { recursive: true, force: true })
    })

    it("AuthSession and the Promise client sign in, use the headers (fetch, ky), log out — cross-origin, via CORS", async () => {
      if (browser === undefined) throw new Error("no browser")
      const page = await browser.newPage()
      const problems: Array<string> = []
      page.on("pageerror", (e) => problems.push(String(e)))
      page.on("console", (m) => {
        // the call after logout is refused on purpose; Chromium logs that 401 as a console error
        if (m.type() === "error" && !/status of 401/.test(m.text())) problems.push(m.text())
      })
      await page.goto(origin, { waitUntil: "load" })
      await page.waitForFunction(() => "signInAndOut" in globalThis)
      expect(new URL(sandbox.endpoint).origin).not.toBe(origin)
      const result = await page.evaluate(
        (config) =>
          (
            globalThis as unknown as {
              signInAndOut: (
                c: typeof config,
              ) => Promise<{ operatorId: string; before: number; after: number }>
            }
          ).signInAndOut(config),
        { endpoint: sandbox.endpoint, authKeyId: sandbox.authKeyId, authKey: sandbox.authKey },
      )
      expect(result.operatorId).toBe(sandbox.operatorId)
      expect({ before: result.before, after: result.after }).toEqual({ before: 200, after: 401 })
      const client = await page.evaluate(
        (config) =>
          (
            globalThis as unknown as {
              promiseClient: (c: typeof config) => Promise<Record<string, unknown>>
            }
          ).promiseClient(config),
        { endpoint: sandbox.endpoint, authKeyId: sandbox.authKeyId, authKey: sandbox.authKey },
      )
      expect(client).toEqual({
        operatorId: sandbox.operatorId,
        headerNames: ["X-Soracom-API-Key", "X-Soracom-Token"],
        fetchStatus: 200,
        kyOperatorId: sandbox.operatorId,
        afterLogout: 401,
      })
      expect(problems).toEqual([])
    })
  },
)
