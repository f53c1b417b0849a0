/**
 * Opens the interactive app directly (not through the `soracom-auth` dispatcher), for the tmux tests and local tries.
 * Usage: tsx test/e2e/launch-app.ts [--demo URL] [--endpoint URL] [--sign-in] [--sandbox]
 * `--sandbox` starts an embedded sandbox in this process and opens the app in demo mode against it.
 */
import { seedCredentials, startSandbox } from "@soracom-auth/sandbox"
import { runApp } from "../../src/ui/index.tsx"
import type { AppOptions } from "../../src/ui/options.ts"

const args = process.argv.slice(2)
const flag = (name: string) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}
const sandbox = args.includes("--sandbox") ? await startSandbox({ port: 0, log: false }) : undefined
const demo = flag("--demo") ?? sandbox?.url
const endpoint = flag("--endpoint")
const options: AppOptions = {
  ...(demo === undefined
    ? {}
    : { demo: { url: demo, credentials: sandbox === undefined ? [] : seedCredentials(sandbox.seed) } }),
  ...(endpoint === undefined ? {} : { endpoint: { _tag: "Url", url: endpoint } }),
  ...(args.includes("--sign-in") ? { initialScreen: "signIn" } : {}),
}
const code = await runApp(options)
await sandbox?.close()
process.exitCode = code
