/**
 * The README, run: its code example (the URL, endpoint and secrets pointed at a local redis-server with TLS and a
 * sandbox; the node-redis `ca` option trusts the test's self-signed certificate) and its ACL line, verbatim but
 * for the password, as the only user the store connects as.
 */
import { readFileSync } from "node:fs"
import { AuthSession, Credentials, Endpoint, SoracomAuth } from "@soracom-auth/core"
import { KyHttpClient } from "@soracom-auth/http-ky"
import { demoSeed, type Sandbox, startSandbox, testSandboxOptions } from "@soracom-auth/sandbox"
import { Effect, Layer, Logger, Redacted } from "effect"
import { createClient } from "redis"
import { afterEach, assert, beforeEach, describe, it } from "vitest"
import { requireTool } from "../../../tools/testing/require-tool.ts"
import { RedisSessionStore } from "../src/index.ts"
import { hasRedis, type RedisServer, startRedis } from "./redis-server.ts"

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8")
const aclLine = readme
  .split("\n")
  .find((l) => l.trim().startsWith("ACL SETUSER"))!
  .trim()
const key = demoSeed.operators[0]!.authKeys![0]!

describe.runIf(hasRedis() && requireTool("openssl", "the Redis TLS test"))(
  "README",
  { timeout: 60_000 },
  () => {
    let redis: RedisServer
    let sandbox: Sandbox
    beforeEach(async () => {
      redis = await startRedis({ tls: true })
      sandbox = await startSandbox({ ...testSandboxOptions, record: true })
    })
    afterEach(async () => {
      await sandbox.close()
      await redis[Symbol.asyncDispose]()
    })

    it("the example over TLS (rediss://) as the README's ACL user: shares the session, no warning", async () => {
      const admin = createClient({
        url: redis.url,
        password: redis.password,
        socket: { tls: true, ca: redis.ca! },
      })
      admin.on("error", () => {})
      await admin.connect()
      const aclPassword = "acl-user-password-for-tests"
      const args = aclLine.replace(">a-long-random-password", `>${aclPassword}`).split(/\s+/)
      assert.strictEqual(String(await admin.sendCommand(args)), "OK")

      const warnings: Array<string> = []
      const logger = Logger.make(({ logLevel, message }) => {
        if (logLevel === "Warn" || logLevel === "Error") warnings.push(String(message))
      })
      const live = () =>
        AuthSession.layer({
          source: new Credentials.AuthKeyCredentials({
            authKeyId: key.authKeyId,
            authKey: Redacted.make(key.authKey),
          }),
        }).pipe(
          Layer.provide(
            RedisSessionStore.layerNode({
              url: redis.url,
              username: "soracom-sessions",
              password: Redacted.make(aclPassword),
              client: { socket: { tls: true, ca: redis.ca! } },
            }),
          ),
          Layer.provide(SoracomAuth.layer({ endpoint: Endpoint.url(sandbox.url) })),
          Layer.provide(KyHttpClient.layer()),
          Layer.provide(Logger.layer([logger])),
        )
      const headers = await Effect.runPromise(
        AuthSession.AuthSession.use((s) => s.headers).pipe(
          Effect.provide(live()),
          Effect.provide(Logger.layer([logger])),
        ),
      )
      const again = await Effect.runPromise(
        AuthSession.AuthSession.use((s) => s.headers).pipe(
          Effect.provide(live()),
          Effect.provide(Logger.layer([logger])),
        ),
      )
      assert.deepStrictEqual(again, headers)
      assert.strictEqual(sandbox.exchanges().filter((e) => e.request.path === "/v1/auth").length, 1)
      assert.deepStrictEqual(warnings, [])
      const keys = await admin.keys("*")
      assert.strictEqual(keys.length, 1)
      // the ACL user cannot read other keys
      await admin.set("other-app:secret", "x")
      const user = createClient({
        url: redis.url,
        username: "soracom-sessions",
        password: aclPassword,
        socket: { tls: true, ca: redis.ca! },
      })
      await user.connect()
      let denied = ""
      await user.get("other-app:secret").catch((e: Error) => {
        denied = e.message
      })
      assert.match(denied, /NOPERM/)
      await user.close()
      await admin.close()
    })
  },
)
