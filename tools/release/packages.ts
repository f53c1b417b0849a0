/**
 * The workspace's publishable packages (every package under packages/ and apps/ not marked private) and packing
 * them into tarballs, as `pnpm publish` would (`workspace:*` rewritten, `publishConfig` applied). Shared by
 * `pnpm release:check` and the consumer tests (tools/consumer).
 */
import { execFile } from "node:child_process"
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"

export const workspaceRoot = fileURLToPath(new URL("../../", import.meta.url))

export interface Publishable {
  readonly name: string
  readonly version: string
  readonly dir: string
}

export const publishable = (): ReadonlyArray<Publishable> => {
  const found: Array<Publishable> = []
  for (const group of ["packages", "apps"]) {
    const base = join(workspaceRoot, group)
    for (const entry of readdirSync(base).sort()) {
      const file = join(base, entry, "package.json")
      if (!existsSync(file)) continue
      const pkg = JSON.parse(readFileSync(file, "utf8")) as {
        name: string
        version: string
        private?: boolean
      }
      if (pkg.private !== true) found.push({ name: pkg.name, version: pkg.version, dir: join(base, entry) })
    }
  }
  return found
}

const exec = promisify(execFile)

/** pnpm as the running script was started with (`pnpm run …` sets npm_execpath), else the pinned one via npx. */
const pnpm = (args: ReadonlyArray<string>, cwd: string) => {
  const execPath = process.env.npm_execpath
  return execPath !== undefined && /pnpm/.test(execPath)
    ? exec(process.execPath, [execPath, ...args], { cwd, maxBuffer: 16 * 1024 * 1024 })
    : exec("npx", ["-y", "pnpm@10.34.9", ...args], { cwd, maxBuffer: 16 * 1024 * 1024 })
}

/** Fails naming the package when its build output is missing (packing would silently ship no `dist/`). */
export const assertBuilt = (pkg: Publishable): void => {
  if (!existsSync(join(pkg.dir, "dist")))
    throw new Error(`${pkg.name} is not built (no dist/): run \`npx -y pnpm@10.34.9 build\` first`)
}

/** Packs one package into `destination`; resolves to the tarball's path. */
export const pack = async (pkg: Publishable, destination: string): Promise<string> => {
  assertBuilt(pkg)
  const { stdout } = await pnpm(["pack", "--pack-destination", destination], pkg.dir)
  const tarball = stdout
    .trim()
    .split("\n")
    .reverse()
    .find((line) => line.trim().endsWith(".tgz"))
    ?.trim()
  if (tarball === undefined || !existsSync(tarball))
    throw new Error(`pnpm pack ${pkg.name}: no tarball in\n${stdout}`)
  return tarball
}
