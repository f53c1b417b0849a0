/**
 * After `changeset version`: the version constants in the sources (`export const version = "…"`, kept equal to
 * package.json by each package's tests) follow the new package.json versions.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { publishable } from "./packages.ts"

const constant = /export const version = "[^"]*"/
for (const pkg of publishable()) {
  for (const file of ["src/version.ts", "src/runtime/version.ts"]) {
    const path = join(pkg.dir, file)
    if (!existsSync(path)) continue
    const text = readFileSync(path, "utf8")
    const next = text.replace(constant, `export const version = "${pkg.version}"`)
    if (next !== text) {
      writeFileSync(path, next)
      process.stdout.write(`${pkg.name}: ${file} → ${pkg.version}\n`)
    }
  }
}
