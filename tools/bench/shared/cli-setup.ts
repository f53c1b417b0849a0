/**
 * What the CLI start-up benches (`cli-cold-start.ts`, `cli-snapshot.ts`) share: the app as its tarball ships it
 * (bin/ + the esbuild bundle in dist/, built into a temporary folder), a local sandbox to sign in to, a profile
 * folder, and the subjects both compare the app with (`node -e 0`, the bare Node fetch script).
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { demoSeed, startSandbox } from "@soracom-auth/sandbox"
import { buildBundle } from "../../../apps/tui/build.ts"

/** One timed process. */
export interface Subject {
  /** The executable: this Node binary unless given (a single executable). */
  readonly command?: string
  readonly args: ReadonlyArray<string>
  readonly stdin?: string
  readonly env?: Record<string, string>
  /** What stdout must contain for the run to count. */
  readonly expect: string
  /** Run before each (untimed). */
  readonly before?: () => void
}

export const cliSetup = async (options: {
  readonly hashCost: number
  /** Source maps beside the bundle (for `--cpu-prof` breakdowns). */
  readonly sourcemap?: boolean
}) => {
  const appDir = fileURLToPath(new URL("../../../apps/tui/", import.meta.url))
  const packageDir = mkdtempSync(join(tmpdir(), "soracom-auth-cli-bench-"))
  // also when a build fails part-way (a single executable is ~130 MB)
  process.on("exit", () => rmSync(packageDir, { recursive: true, force: true }))
  mkdirSync(join(packageDir, "bin"))
  copyFileSync(join(appDir, "bin/soracom-auth.js"), join(packageDir, "bin/soracom-auth.js"))
  await buildBundle({ outdir: join(packageDir, "dist"), sourcemap: options.sourcemap ?? false })
  const bin = join(packageDir, "bin/soracom-auth.js")

  const key = demoSeed.operators[0]!.authKeys![0]!
  const sandbox = await startSandbox({ port: 0, hashCost: options.hashCost, rateLimit: false, log: false })
  const profileDir = mkdtempSync(join(tmpdir(), "soracom-auth-bench-"))
  const appEnv = { SORACOM_PROFILE_DIR: profileDir }
  const loginArgs = [
    "login",
    "--json",
    "--endpoint",
    sandbox.endpoint,
    "--auth-key-id",
    key.authKeyId,
    "--auth-key-stdin",
  ]
  /** A first sign-in each time: an empty profile folder of its own, so it sends the one POST the script sends. */
  const firstSignIn = (args: ReadonlyArray<string>, dir: string, command?: string): Subject => ({
    ...(command === undefined ? {} : { command }),
    args,
    stdin: key.authKey,
    env: { SORACOM_PROFILE_DIR: dir },
    expect: "operatorId",
    before: () => rmSync(dir, { recursive: true, force: true }),
  })
  const body = JSON.stringify({ authKeyId: key.authKeyId, authKey: key.authKey })
  const references = {
    nodeEmpty: { args: ["-e", "0"], expect: "" },
    /** The same POST /auth from a bare Node script. */
    bare: {
      args: [
        "--input-type=module",
        "-e",
        `const r = await fetch(${JSON.stringify(`${sandbox.url}/auth`)}, { method: "POST", headers: { "content-type": "application/json" }, body: ${JSON.stringify(body)} }); process.stdout.write(await r.text())`,
      ],
      expect: "operatorId",
    },
  } satisfies Record<string, Subject>
  const close = async () => {
    await sandbox.close()
    rmSync(profileDir, { recursive: true, force: true })
    rmSync(packageDir, { recursive: true, force: true })
  }
  return {
    packageDir,
    bin,
    authKey: key.authKey,
    appEnv,
    profileDir,
    loginArgs,
    firstSignIn,
    references,
    close,
  }
}
