/**
 * Fails (exit 1) when a project's source or package.json breaks the dependency direction in `rules.ts`.
 * Reads import specifiers with TypeScript's own scanner, so comments and strings never count as imports.
 */
import { readdirSync, readFileSync, statSync } from "node:fs"
import { join, relative } from "node:path"
import ts from "typescript"
import { nothingDependsOnApps, type Rule, rulesByProject, rulesByTag } from "./rules.ts"

const root = process.argv[2] ?? join(import.meta.dirname, "..", "..")

interface Project {
  readonly name: string
  readonly dir: string
  readonly tags: ReadonlyArray<string>
  readonly dependencies: ReadonlyArray<string>
  readonly devDependencies: ReadonlyArray<string>
}

const readProject = (dir: string): Project => {
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"))
  return {
    name: pkg.name,
    dir,
    tags: pkg.nx?.tags ?? [],
    dependencies: Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies }),
    devDependencies: Object.keys(pkg.devDependencies ?? {}),
  }
}

const projectDirs = (): ReadonlyArray<string> => {
  const dirs: Array<string> = []
  for (const group of ["packages", "apps"]) {
    const base = join(root, group)
    for (const entry of readdirSync(base)) {
      if (statSync(join(base, entry)).isDirectory()) dirs.push(join(base, entry))
    }
  }
  dirs.push(join(root, "tools"))
  return dirs
}

const sourceFiles = (dir: string): ReadonlyArray<string> => {
  const out: Array<string> = []
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name === "dist") continue
      const p = join(d, entry.name)
      if (entry.isDirectory()) walk(p)
      else if (/\.(m|c)?[jt]sx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(p)
    }
  }
  walk(dir)
  return out
}

const importsOf = (file: string): ReadonlyArray<{ specifier: string; line: number }> => {
  const text = readFileSync(file, "utf8")
  const info = ts.preProcessFile(text, true, true)
  const lineOf = (pos: number) => text.slice(0, pos).split("\n").length
  return info.importedFiles.map((f) => ({ specifier: f.fileName, line: lineOf(f.pos) }))
}

const isRelative = (s: string) => s.startsWith(".") || s.startsWith("/")

const violations: Array<string> = []
const report = (rule: Rule, where: string, what: string) =>
  violations.push(`${where}: ${what} breaks rule "${rule.name}": ${rule.why}`)

for (const dir of projectDirs()) {
  const project = readProject(dir)
  const rules = [...project.tags.flatMap((t) => rulesByTag[t] ?? []), ...(rulesByProject[project.name] ?? [])]
  for (const dep of project.dependencies) {
    for (const rule of [...rules, nothingDependsOnApps]) {
      if (dep !== project.name && !rule.allows(dep))
        report(rule, `${relative(root, dir)}/package.json`, `dependency "${dep}"`)
    }
  }
  for (const dep of project.devDependencies) {
    if (dep !== project.name && !nothingDependsOnApps.allows(dep))
      report(nothingDependsOnApps, `${relative(root, dir)}/package.json`, `devDependency "${dep}"`)
  }
  const src = join(dir, "src")
  let files: ReadonlyArray<string> = []
  try {
    files = sourceFiles(src)
  } catch {
    files = []
  }
  for (const file of files) {
    for (const { specifier, line } of importsOf(file)) {
      if (isRelative(specifier)) continue
      for (const rule of [...rules, nothingDependsOnApps]) {
        if (project.name !== "soracom-auth" || rule !== nothingDependsOnApps) {
          if (!rule.allows(specifier))
            report(rule, `${relative(root, file)}:${line}`, `import "${specifier}"`)
        }
      }
    }
  }
}

if (violations.length > 0) {
  console.error(`boundaries: ${violations.length} violation(s)`)
  for (const v of violations) console.error(`  ${v}`)
  process.exit(1)
}
console.log("boundaries: ok (core → effect only; adapters → core; client → core, http-ky; nothing → apps)")
