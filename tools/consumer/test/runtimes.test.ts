/**
 * The same plain ESM script (fixtures/node.mjs → session.mjs), importing the installed tarballs, on Node 24,
 * Node 22, Bun and Deno: signs in through AuthSession, calls an authenticated route with its headers, logs out.
 */
import { execFile } from "node:child_process"
import { promisify } from "node:util"
import { describe, expect, inject, it } from "vitest"
import { workspaceRoot } from "../../release/packages.ts"
import "../context.ts"

const exec = promisify(execFile)
const { lib, runtimes, sandbox } = inject("consumer")

const runWith = async (command: string, args: ReadonlyArray<string>) => {
  const { stdout, stderr } = await exec(command, [...args, sandbox.endpoint, sandbox.authKeyId], {
    cwd: lib,
    // no TypeScript loader, no workspace: only the project's node_modules
    env: { PATH: process.env.PATH ?? "", HOME: lib, SORACOM_AUTH_KEY: sandbox.authKey, NO_COLOR: "1" },
  })
  expect(stdout + stderr).not.toContain(sandbox.authKey)
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "") as {
    runtime: string
    effect: { operatorId: string; headerNames: ReadonlyArray<string>; before: number; after: number }
    client: {
      operatorId: string
      headerNames: ReadonlyArray<string>
      fetchStatus: number
      kyOperatorId: string
      afterLogout: number
    }
  }
}

const expectSession = (r: Awaited<ReturnType<typeof runWith>>) => {
  const names = ["X-Soracom-API-Key", "X-Soracom-Token"]
  // Effect API: the headers work on an authenticated route; after logout the same pair is refused
  expect(r.effect).toEqual({ operatorId: sandbox.operatorId, headerNames: names, before: 200, after: 401 })
  // Promise client: session(), headers(), fetch and ky on one sign-in; logout revokes it
  expect(r.client).toEqual({
    operatorId: sandbox.operatorId,
    headerNames: names,
    fetchStatus: 200,
    kyOperatorId: sandbox.operatorId,
    afterLogout: 401,
  })
}

describe("the packed libraries, as plain ESM", () => {
  it("Node 24", async () => {
    const r = await runWith(process.execPath, ["node.mjs"])
    expect(r.runtime).toMatch(/^node v24\./)
    expectSession(r)
  })

  it("Node 22 (the npm node@22 package)", async () => {
    const r = await runWith(runtimes.node22, ["node.mjs"])
    expect(r.runtime).toMatch(/^node v22\./)
    expectSession(r)
  })

  it("Bun (the npm bun package)", async () => {
    const r = await runWith(runtimes.bun, ["run", "node.mjs"])
    expect(r.runtime).toMatch(/^bun /)
    expectSession(r)
  })

  it("Deno (the npm deno package), resolving the project's node_modules", async () => {
    const r = await runWith(runtimes.deno, ["run", "--allow-env", "--allow-net", "--allow-read", "node.mjs"])
    expect(r.runtime).toBe("deno")
    expectSession(r)
  })

  it("installed outside the workspace, resolving dist/ (never the TypeScript sources)", async () => {
    expect(lib.startsWith(workspaceRoot)).toBe(false)
    const { stdout } = await exec(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        'console.log(import.meta.resolve("@soracom-auth/core"), import.meta.resolve("@soracom-auth/http-ky"))',
      ],
      { cwd: lib },
    )
    const urls = stdout.trim().split(" ")
    expect(urls).toHaveLength(2)
    for (const url of urls) expect(url).toMatch(/\/node_modules\/@soracom-auth\/[^/]+\/dist\/index\.js$/)
  })
})
