/**
 * A real redis-server for tests: a free loopback port, a password (`requirepass`), no persistence, a temp dir.
 * `stop()` / `start()` take it down and bring it back on the same port (the outage tests).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process"
import { randomBytes } from "node:crypto"
import { mkdtempSync, rmSync } from "node:fs"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"

export const hasRedisServer = (): boolean => spawnSync("redis-server", ["--version"]).status === 0

/** Redis tests run wherever redis-server is installed, and always under CI (where a missing one fails them). */
export const skipRedis = !hasRedisServer() && process.env.CI !== "true"

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      server.close(() => (typeof address === "object" && address !== null ? resolve(address.port) : reject()))
    })
  })

export interface RedisServer {
  readonly port: number
  readonly password: string
  /** `redis://127.0.0.1:<port>` (no credentials in it). */
  readonly url: string
  start(): Promise<void>
  stop(): Promise<void>
  [Symbol.asyncDispose](): Promise<void>
}

export const startRedis = async (): Promise<RedisServer> => {
  const dir = mkdtempSync(join(tmpdir(), "soracom-redis-"))
  const port = await freePort()
  const password = randomBytes(12).toString("hex")
  let child: ChildProcess | undefined
  const start = () =>
    new Promise<void>((resolve, reject) => {
      const proc = spawn(
        "redis-server",
        [
          "--port",
          String(port),
          "--bind",
          "127.0.0.1",
          "--requirepass",
          password,
          "--save",
          "",
          "--appendonly",
          "no",
          "--dir",
          dir,
        ],
        { stdio: ["ignore", "pipe", "pipe"] },
      )
      child = proc
      let out = ""
      const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${out}`)), 10_000)
      proc.stdout!.on("data", (chunk: Buffer) => {
        out += chunk.toString()
        if (out.includes("Ready to accept connections")) {
          clearTimeout(timer)
          resolve()
        }
      })
      proc.once("error", (e) => {
        clearTimeout(timer)
        reject(e)
      })
      proc.once("exit", (code) => {
        clearTimeout(timer)
        reject(new Error(`redis-server exited (${code}): ${out}`))
      })
    })
  const stop = async () => {
    const proc = child
    child = undefined
    if (proc === undefined || proc.exitCode !== null) return
    await new Promise<void>((resolve) => {
      proc.once("exit", () => resolve())
      proc.kill("SIGKILL")
    })
  }
  await start()
  return {
    port,
    password,
    url: `redis://127.0.0.1:${port}`,
    start,
    stop,
    [Symbol.asyncDispose]: async () => {
      await stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
