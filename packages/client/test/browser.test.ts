/**
 * The Promise client in a real headless Chromium, from another origin than the sandbox (CORS): signs in once for
 * concurrent callers, fetch and ky with the session's headers, one re-sign-in after a server-side revocation,
 * `AuthFailed` for a bad key. The bundle is built for the browser platform: a Node-only import would fail it.
 */
import { spawn } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { Sandbox } from "@soracom-auth/sandbox"
import { build } from "esbuild"
import { afterAll, beforeAll, expect, it } from "vitest"
import { requireTool } from "../../../tools/testing/require-tool.ts"
import { demo, signIns, startTestSandbox } from "./helpers.ts"

const chromium = "/usr/bin/chromium"
const hasChromium = requireTool(chromium, "the Promise client's browser test")
let sandbox: Sandbox
let page: Server
const profile = mkdtempSync(join(tmpdir(), "client-chromium-"))

beforeAll(async () => {
  sandbox = await startTestSandbox()
})
afterAll(async () => {
  await new Promise<void>((resolve) => (page ? page.close(() => resolve()) : resolve()))
  await sandbox.close()
  rmSync(profile, { recursive: true, force: true })
})

it.runIf(hasChromium)(
  "runs in Chromium: one sign-in, fetch and ky, a re-sign-in after revocation, AuthFailed",
  async () => {
    const bundle = await build({
      entryPoints: [join(import.meta.dirname, "fixtures", "browser-page.ts")],
      bundle: true,
      write: false,
      format: "esm",
      platform: "browser",
      target: "chrome120",
      conditions: ["@soracom-auth/source"],
    })
    const script = bundle.outputFiles[0]!.text
    let revoked = 0
    const result = new Promise<Record<string, unknown>>((resolve) => {
      page = createServer((req, res) => {
        if (req.url === "/result") {
          let body = ""
          req.on("data", (c: Buffer) => {
            body += c.toString()
          })
          req.on("end", () => {
            res.end()
            resolve(JSON.parse(body) as Record<string, unknown>)
          })
          return
        }
        if (req.url === "/revoke") {
          revoked += sandbox.revokeSessions()
          res.end()
          return
        }
        const config = {
          endpoint: sandbox.endpoint,
          authKeyId: demo.authKeyId,
          authKey: demo.authKey,
          revokeUrl: "/revoke",
        }
        res.setHeader("content-type", "text/html")
        res.end(
          `<!doctype html><script>const config = ${JSON.stringify(config)}</script>` +
            `<script type="module">${script.replaceAll("</script", "<\\/script")}</script>`,
        )
      })
      page.listen(0, "127.0.0.1")
    })
    await new Promise((resolve) => page.once("listening", resolve))
    // localhost vs 127.0.0.1: the page's origin differs from the sandbox's, so every call is cross-origin.
    const url = `http://localhost:${(page.address() as AddressInfo).port}/`
    const browser = spawn(
      chromium,
      [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        `--user-data-dir=${profile}`,
        url,
      ],
      { stdio: "ignore" },
    )
    try {
      const seen = await Promise.race([
        result,
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error("no result from Chromium")), 100_000),
        ),
      ])
      expect(seen).toMatchObject({
        sameHeaders: true,
        fetchStatus: 200,
        operatorId: demo.operatorId,
        kyEmail: demo.email,
        badIsAuthFailed: true,
      })
      expect(String(seen.userAgent)).toMatch(/Chrome/)
      expect(revoked).toBe(1)
      // One sign-in for the three concurrent headers(), one after the revocation, one refused for the bad key.
      expect(signIns(sandbox)).toBe(3)
      const origins = sandbox.exchanges().map((e) => e.request.headers.origin)
      expect(origins.every((o) => o === url.slice(0, -1))).toBe(true)
    } finally {
      browser.kill("SIGKILL")
    }
  },
  150_000,
)
