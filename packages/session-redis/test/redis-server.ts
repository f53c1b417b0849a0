/**
 * A real redis-server for tests: a free loopback port, a password (`requirepass`), no persistence, a temp dir.
 * `stop()` / `start()` take it down and bring it back on the same port (the outage tests).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process"
import { randomBytes } from "node:crypto"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"

import { requireTool } from "../../../tools/testing/require-tool.ts"

/** `describe.runIf(hasRedis())`: the repo's policy — skipped locally without redis-server, a failed test under CI. */
export const hasRedis = () => requireTool("redis-server", "the Redis session store tests")

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
  /** `redis://127.0.0.1:<port>`, or `rediss://…` with TLS (no credentials in it). */
  readonly url: string
  /** With TLS: the self-signed certificate (also the CA to trust). */
  readonly ca?: string
  start(): Promise<void>
  stop(): Promise<void>
  /** SIGSTOP / SIGCONT: a Redis that accepts connections and never answers (slow). */
  pause(): void
  resume(): void
  [Symbol.asyncDispose](): Promise<void>
}

/** A self-signed certificate for 127.0.0.1 (openssl), in `dir`. */
const selfSigned = (dir: string) => {
  const made = spawnSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
      "-keyout",
      join(dir, "key.pem"),
      "-out",
      join(dir, "cert.pem"),
    ],
    { encoding: "utf8" },
  )
  if (made.status !== 0) throw new Error(`openssl failed: ${made.stderr}`)
  return readFileSync(join(dir, "cert.pem"), "utf8")
}

export const startRedis = async (options: { readonly tls?: boolean } = {}): Promise<RedisServer> => {
  const dir = mkdtempSync(join(tmpdir(), "soracom-redis-"))
  const port = await freePort()
  const password = randomBytes(12).toString("hex")
  const ca = options.tls === true ? selfSigned(dir) : undefined
  const listen =
    ca === undefined
      ? ["--port", String(port)]
      : [
          "--port",
          "0",
          "--tls-port",
          String(port),
          "--tls-cert-file",
          join(dir, "cert.pem"),
          "--tls-key-file",
          join(dir, "key.pem"),
          "--tls-ca-cert-file",
          join(dir, "cert.pem"),
          "--tls-auth-clients",
          "no",
        ]
  let child: ChildProcess | undefined
  const start = () =>
    new Promise<void>((resolve, reject) => {
      const proc = spawn(
        "redis-server",
        [
          ...listen,
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
    url: `${ca === undefined ? "redis" : "rediss"}://127.0.0.1:${port}`,
    ...(ca === undefined ? {} : { ca }),
    start,
    stop,
    pause: () => void child?.kill("SIGSTOP"),
    resume: () => void child?.kill("SIGCONT"),
    [Symbol.asyncDispose]: async () => {
      await stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
