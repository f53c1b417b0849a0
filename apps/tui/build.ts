/**
 * Bundles the `soracom-auth` entry with esbuild into dist/ (ESM, code-split so that the sandbox and the Ink UI
 * load only when a command needs them); bin/soracom-auth.js runs it, in the repository and in the published
 * package. Workspace packages are bundled from their sources (the `@soracom-auth/source` export condition), so
 * nothing else has to be built first. Run: `pnpm --filter soracom-auth build`. Tests bundle into their own
 * directory with `buildBundle({ outdir })` and run that, so they exercise what ships.
 */
import { rmSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { type BuildOptions, build, type Metafile } from "esbuild"

export const defaultOutdir = fileURLToPath(new URL("./dist", import.meta.url))

/** How the app's sources are bundled, whatever the output format (also tools/bench/cli-snapshot's CommonJS build). */
export const bundleOptions: BuildOptions = {
  bundle: true,
  platform: "node",
  target: "node22",
  jsx: "automatic",
  conditions: ["@soracom-auth/source"],
  // identifiers too: ~10 % less CPU at start-up than whitespace + syntax alone
  minify: true,
  legalComments: "none",
  // Ink and React stay as packages: loaded only by the interactive app, from node_modules.
  external: ["ink", "react", "react/*", "@inkjs/ui", "ink-*", "yoga-layout", "yoga-layout/*"],
}

export const buildBundle = async (
  options: {
    readonly outdir?: string
    /** Receives esbuild's metafile (inputs and imports of each chunk), for tests of what a start loads. */
    readonly onMetafile?: (metafile: Metafile) => void
    /** Source maps beside the chunks, to map a CPU profile back to the modules (tools/bench/cli-cold-start.ts --profile). */
    readonly sourcemap?: boolean
  } = {},
): Promise<string> => {
  const outdir = options.outdir ?? defaultOutdir
  rmSync(outdir, { recursive: true, force: true })
  const result = await build({
    ...bundleOptions,
    entryPoints: { main: fileURLToPath(new URL("./src/main.ts", import.meta.url)) },
    outdir,
    splitting: true,
    format: "esm",
    banner: {
      // bundled CommonJS dependencies may use require / __filename / __dirname
      js: [
        "import { createRequire as __sa_createRequire } from 'node:module';",
        "import { fileURLToPath as __sa_fileURLToPath } from 'node:url';",
        "const require = __sa_createRequire(import.meta.url);",
        "const __filename = __sa_fileURLToPath(import.meta.url);",
        "const __dirname = __sa_fileURLToPath(new URL('.', import.meta.url));",
      ].join(" "),
    },
    metafile: options.onMetafile !== undefined,
    sourcemap: options.sourcemap === true,
    logLevel: "warning",
  })
  if (result.metafile !== undefined) options.onMetafile?.(result.metafile)
  return `${outdir}/main.js`
}

// Silent on success: `pnpm soracom-auth …` builds before every run, and its output belongs to the command.
if (import.meta.main) await buildBundle()
