/**
 * The `soracom-auth` entry point: runs the command line (or the interactive app) and exits with its code.
 */
import { runCli } from "./cli/run.ts"

const code = await runCli(process.argv.slice(2))
process.exitCode = code
// Nothing the commands start may keep the process alive (keep-alive sockets, a read stdin): once stdout and
// stderr have drained, exit.
const drain = (stream: NodeJS.WriteStream) =>
  new Promise<void>((resolve) => (stream.writableNeedDrain ? stream.once("drain", resolve) : resolve()))
await Promise.all([drain(process.stdout), drain(process.stderr)])
process.exit(code)
