/**
 * Opens the interactive app directly (not through the `soracom-auth` dispatcher), for the tmux tests and local tries.
 * Usage: tsx test/e2e/launch-app.ts [--demo URL] [--endpoint URL] [--sign-in]
 */
import { runApp } from "../../src/ui/index.tsx"
import type { AppOptions } from "../../src/ui/options.ts"

const args = process.argv.slice(2)
const flag = (name: string) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}
const demo = flag("--demo")
const endpoint = flag("--endpoint")
const options: AppOptions = {
  ...(demo === undefined ? {} : { demo: { url: demo, credentialsText: process.env.DEMO_TEXT ?? "" } }),
  ...(endpoint === undefined ? {} : { endpoint: { _tag: "Url", url: endpoint } }),
  ...(args.includes("--sign-in") ? { initialScreen: "signIn" } : {}),
}
process.exitCode = await runApp(options)
