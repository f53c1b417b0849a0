/**
 * Global setup of the consumer tests: packs every publishable package into a temporary folder outside the
 * workspace, installs the tarballs with npm into fresh projects (the libraries as the README's `npm install`
 * shows, the CLI with `npm install -g --prefix`), fetches the other runtimes from npm, and starts a sandbox from
 * the packed @soracom-auth/sandbox. Everything is removed afterwards (SORACOM_CONSUMER_KEEP=1 keeps it).
 */
import { type ChildProcess, execFile, spawn } from "node:child_process"
import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs"
import type { Socket } from "node:net"
import { homedir, tmpdir } from "node:os"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { promisify } from "node:util"
import type { TestProject } from "vitest/node"
import { pack, publishable } from "../release/packages.ts"
import type { ConsumerContext } from "./context.ts"
import { command, commands } from "./readme.ts"

const exec = promisify(execFile)

export const npm = (args: ReadonlyArray<string>, cwd: string) =>
  exec("npm", ["--no-audit", "--no-fund", "--loglevel=error", "--prefer-offline", ...args], {
    cwd,
    maxBuffer: 64 * 1024 * 1024,
  }).catch((error: { stderr?: string; message: string }) => {
    throw new Error(`npm ${args.join(" ")} (in ${cwd}) failed:\n${error.stderr ?? error.message}`)
  })

// The other runtimes, from npm. Kept between runs outside the workspace (they are tools, not the code under test).
const runtimeVersions = { node: "22.23.3", bun: "1.4.4", deno: "2.9.6" } as const

const installRuntimes = async () => {
  const key = Object.entries(runtimeVersions)
    .map(([k, v]) => `${k}-${v}`)
    .join("_")
  const dir = join(
    process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"),
    "soracom-auth",
    "consumer-runtimes",
    key,
  )
  const bins = {
    node22: join(dir, "node_modules/.bin/node"),
    bun: join(dir, "node_modules/.bin/bun"),
    deno: join(dir, "node_modules/.bin/deno"),
  }
  const works = async () => {
    try {
      const versions = await Promise.all(Object.values(bins).map((b) => exec(b, ["--version"])))
      return versions.every((v) => v.stdout.length > 0)
    } catch {
      return false
    }
  }
  if (!(await works())) {
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, "package.json"), '{ "private": true }\n')
    await npm(["install", ...Object.entries(runtimeVersions).map(([k, v]) => `${k}@${v}`)], dir)
    if (!(await works())) throw new Error(`consumer runtimes in ${dir} do not start`)
  }
  return bins
}

/** npm spec for a README package name: the packed tarball for ours, the name itself for others. */
const specFor = (tarballs: Record<string, string>) => (name: string) => tarballs[name] ?? name

const startSandbox = (
  work: string,
  lib: string,
): Promise<{ child: ChildProcess; info: ConsumerContext["sandbox"] }> =>
  new Promise((resolve, reject) => {
    // The package's bin, in a Node that stops it (SIGTERM, as a user would) when our end of its stdin closes:
    // teardown closes it, and so does this process ending in any way (vitest may exit without the teardown).
    const bin = pathToFileURL(realpathSync(join(lib, "node_modules/.bin/soracom-sandbox"))).href
    const child = spawn(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        [
          'const { rmSync } = await import("node:fs")',
          // the temporary folder goes with the sandbox (the teardown below may never run)
          "process.once('exit', () => { if (process.env.CONSUMER_WORK) rmSync(process.env.CONSUMER_WORK, { recursive: true, force: true }) })",
          'process.stdin.on("end", () => process.kill(process.pid, "SIGTERM")).resume()',
          `await import(${JSON.stringify(bin)})`,
        ].join("; "),
        "--",
        "--port",
        "0",
        "--json",
      ],
      {
        cwd: lib,
        stdio: ["pipe", "pipe", "pipe"],
        env: { ...process.env, CONSUMER_WORK: process.env.SORACOM_CONSUMER_KEEP === "1" ? "" : work },
      },
    )
    let out = ""
    let err = ""
    child.stderr.setEncoding("utf8").on("data", (c: string) => {
      err += c
    })
    child.on("exit", (code) =>
      reject(new Error(`soracom-sandbox exited (${code}) before printing its URL:\n${err}`)),
    )
    child.stdout.setEncoding("utf8").on("data", (c: string) => {
      out += c
      let parsed: {
        endpoint: string
        credentials: Array<{
          kind: string
          operatorId: string
          authKeyId?: string
          authKey?: string
          userName?: string
          email?: string
        }>
      }
      try {
        parsed = JSON.parse(out)
      } catch {
        return
      }
      const key = parsed.credentials.find((c) => c.kind === "authKey" && c.userName === undefined)
      const email = parsed.credentials.find((c) => c.kind === "root")?.email
      if (key?.authKeyId === undefined || key.authKey === undefined || email === undefined)
        return reject(new Error(`no root AuthKey or email in ${out}`))
      child.removeAllListeners("exit")
      // Nothing of the child may hold this process open (vitest would wait, then exit without the teardown).
      child.stdout.resume()
      child.stderr.resume()
      for (const stream of [child.stdin, child.stdout, child.stderr]) (stream as unknown as Socket).unref()
      child.unref()
      resolve({
        child,
        info: {
          endpoint: parsed.endpoint,
          authKeyId: key.authKeyId,
          authKey: key.authKey,
          operatorId: key.operatorId,
          email,
        },
      })
    })
  })

export default async function setup(project: TestProject) {
  const started = performance.now()
  const work = mkdtempSync(join(tmpdir(), "soracom-auth-consumer-"))
  const log = (what: string) =>
    process.stderr.write(`[consumer] ${what} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`)
  let sandbox: ChildProcess | undefined
  try {
    const packages = publishable()
    const packed = join(work, "tarballs")
    mkdirSync(packed)
    const tarballs: Record<string, string> = {}
    const versions: Record<string, string> = {}
    for (const pkg of packages) {
      tarballs[pkg.name] = await pack(pkg, packed)
      versions[pkg.name] = pkg.version
    }
    log(`packed ${packages.map((p) => p.name).join(", ")}`)

    // The libraries: the README's install command, our names replaced by the tarballs, plus what the tests use.
    const lib = join(work, "lib")
    cpSync(new URL("./fixtures", import.meta.url), lib, { recursive: true })
    writeFileSync(
      join(lib, "package.json"),
      '{ "name": "consumer-lib", "private": true, "type": "module" }\n',
    )
    const names = [
      ...new Set(
        commands("Using it")
          .filter((c) => c.startsWith("npm install ") && !c.startsWith("npm install -g"))
          .flatMap((c) => c.replace(/^npm install /, "").split(/\s+/)),
      ),
    ]
    if (names.length === 0) throw new Error('README "Using it": no npm install command')
    const ours = packages
      .filter((p) => p.name !== "soracom-auth" && !names.includes(p.name))
      .map((p) => p.name)
    const libInstall = npm(
      [
        "install",
        ...[...names, ...ours].map(specFor(tarballs)),
        "typescript@5.9.3",
        "@types/node@24",
        "esbuild@0.28.2",
      ],
      lib,
    )
    // The CLI: the README's global install, into a prefix of our own.
    command("Using it", "npm install -g soracom-auth")
    const globalPrefix = join(work, "global")
    const cliTarball = tarballs["soracom-auth"]
    if (cliTarball === undefined) throw new Error("no soracom-auth package in the workspace")
    const cliInstall = npm(["install", "-g", "--prefix", globalPrefix, cliTarball], work)
    const [runtimes] = await Promise.all([installRuntimes(), libInstall, cliInstall])
    log("installed")

    const sandboxStart = await startSandbox(work, lib)
    sandbox = sandboxStart.child
    const context: ConsumerContext = {
      work,
      tarballs,
      versions,
      lib,
      globalPrefix,
      runtimes,
      sandbox: sandboxStart.info,
    }
    project.provide("consumer", context)
  } catch (error) {
    sandbox?.kill()
    if (process.env.SORACOM_CONSUMER_KEEP !== "1") rmSync(work, { recursive: true, force: true })
    throw error
  }
  return async () => {
    const running = sandbox
    if (running !== undefined && running.exitCode === null)
      await new Promise((resolve) => {
        running.once("exit", resolve)
        running.stdin?.end()
      })
    if (process.env.SORACOM_CONSUMER_KEEP !== "1") rmSync(work, { recursive: true, force: true })
    else process.stderr.write(`[consumer] kept ${work}\n`)
    log("sandbox stopped, cleaned up")
  }
}
