/**
 * The `soracom-auth` entry point: runs the command line (or the interactive app) and exits with its code.
 *
 * `soracom-auth` alone on a terminal opens the app straight away, without loading effect/cli and the commands
 * (about half the time to the first frame); `runApp` fills the profile and endpoint from `SORACOM_PROFILE`,
 * `SORACOM_ENDPOINT` and `SORACOM_COVERAGE_TYPE`. Everything else — `--help`, `--version`, every command, and no
 * arguments without a terminal — goes through `runCli`, except `--version` alone, answered from one constant
 * without loading effect/cli (its output is the same line).
 */
const argv = process.argv.slice(2)

// HTTPS_PROXY / HTTP_PROXY (either case) and NO_PROXY: Node's built-in proxy support for every request (fetch
// tunnels through the proxy), turned on only when a proxy is set, so a start without one loads nothing more.
if (["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"].some((name) => process.env[name])) {
  const { setGlobalProxyFromEnv } = await import("node:http")
  // Node < 24.14 lacks it: there, NODE_USE_ENV_PROXY=1 does the same (see the README).
  if (typeof setGlobalProxyFromEnv === "function") setGlobalProxyFromEnv()
}

const openAppDirectly = async (): Promise<number> => {
  try {
    const [{ runApp }, { language }] = await Promise.all([
      import("./ui/index.tsx"),
      import("./environment.ts"),
    ])
    return await runApp({ lang: language(undefined, process.env) })
  } catch (defect) {
    // as `runCli` reports a defect: one line on stderr, exit 1
    const [{ describe }, { renderError }] = await Promise.all([
      import("./presentation/errors.ts"),
      import("./cli/output.ts"),
    ])
    const described = describe(defect, { surface: "cli", now: Date.now() })
    renderError(described, { json: false })
    return described.exitCode
  }
}

const printVersion = async (): Promise<number> => {
  const { version } = await import("./version.ts")
  process.stdout.write(`${version}\n`)
  return 0
}

const code =
  argv.length === 0 && process.stdin.isTTY === true && process.stdout.isTTY === true
    ? await openAppDirectly()
    : argv.length === 1 && argv[0] === "--version"
      ? await printVersion()
      : await import("./cli/run.ts").then(({ runCli }) => runCli(argv))
process.exitCode = code
// Nothing the commands start may keep the process alive (keep-alive sockets, a read stdin): once stdout and
// stderr have drained, exit.
const drain = (stream: NodeJS.WriteStream) =>
  new Promise<void>((resolve) => (stream.writableNeedDrain ? stream.once("drain", resolve) : resolve()))
await Promise.all([drain(process.stdout), drain(process.stderr)])
process.exit(code)
