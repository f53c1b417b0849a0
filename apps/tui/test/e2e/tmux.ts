/**
 * A real terminal for end-to-end tests: the app runs in its own tmux session (unique name), keys go in with
 * `send-keys`, the screen comes back with `capture-pane`, and every byte the app writes to the terminal is logged
 * with `pipe-pane` (for the secret canary). The exit code is written to a file when the process ends.
 */
import { execFileSync } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

const tmux = (...args: ReadonlyArray<string>): string =>
  execFileSync("tmux", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] })

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

const quote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`

let counter = 0

export interface TerminalOptions {
  /** argv, run with `sh -c` in the pane. */
  readonly command: ReadonlyArray<string>
  readonly env?: Readonly<Record<string, string>>
  readonly cwd?: string
  readonly columns?: number
  readonly rows?: number
}

export class Terminal {
  readonly name: string
  readonly dir: string
  private readonly exitFile: string
  private readonly logFile: string

  private constructor(name: string, dir: string) {
    this.name = name
    this.dir = dir
    this.exitFile = join(dir, "exit-code")
    this.logFile = join(dir, "output.log")
  }

  static start(options: TerminalOptions): Terminal {
    const name = `soracom-auth-e2e-${process.pid}-${++counter}-${Math.random().toString(36).slice(2, 8)}`
    const dir = mkdtempSync(join(tmpdir(), "soracom-auth-e2e-"))
    const term = new Terminal(name, dir)
    // A human's terminal: no CI variable unless a test sets it (a tmux server keeps the environment of whoever
    // started it, e.g. CI=true in a CI run).
    const env = Object.entries({ TERM: "xterm-256color", ...options.env }).map(([k, v]) => `${k}=${quote(v)}`)
    const script =
      `cd ${quote(options.cwd ?? process.cwd())} && env -u CI ${env.join(" ")} ${options.command.map(quote).join(" ")}; ` +
      `echo $? > ${quote(term.exitFile)}; sleep 600`
    tmux(
      "new-session",
      "-d",
      "-s",
      name,
      "-x",
      String(options.columns ?? 110),
      "-y",
      String(options.rows ?? 40),
      "sh",
      "-c",
      script,
    )
    tmux("pipe-pane", "-o", "-t", name, `cat >> ${quote(term.logFile)}`)
    return term
  }

  /** The visible screen, trailing blank lines dropped. */
  screen(): string {
    try {
      return tmux("capture-pane", "-p", "-t", this.name).replace(/\s+$/, "")
    } catch {
      return ""
    }
  }

  /** Everything the app wrote to the terminal so far (raw bytes, escape sequences included). */
  output(): string {
    return existsSync(this.logFile) ? readFileSync(this.logFile, "utf8") : ""
  }

  /** Waits until the screen shows `expected` (line wraps ignored for strings); returns the screen. */
  async waitFor(
    expected: string | RegExp | ((screen: string) => boolean),
    timeoutMs = 20_000,
  ): Promise<string> {
    const deadline = Date.now() + timeoutMs
    const flat = (s: string) => s.replace(/\s+/g, " ")
    for (;;) {
      const screen = this.screen()
      const ok =
        typeof expected === "string"
          ? flat(screen).includes(flat(expected))
          : expected instanceof RegExp
            ? expected.test(screen)
            : expected(screen)
      if (ok) {
        // Let the new screen's key handlers attach before the next key (a frame is drawn before they do).
        await sleep(60)
        return screen
      }
      if (Date.now() > deadline)
        throw new Error(`Timed out waiting for ${String(expected)}. Screen:\n${screen}`)
      await sleep(50)
    }
  }

  /** Sends text literally (no key names). */
  async type(text: string): Promise<void> {
    tmux("send-keys", "-t", this.name, "-l", "--", text)
    await sleep(40)
  }

  /** Sends named keys: Enter, Escape, Up, Down, C-c, … one at a time. */
  async press(...keys: ReadonlyArray<string>): Promise<void> {
    for (const key of keys) {
      tmux("send-keys", "-t", this.name, key)
      await sleep(60)
    }
  }

  /**
   * Types text, waits until the screen echoes it (as `*`s for a masked field), then presses Enter — so that text and
   * Enter reach the app as two reads even when it is slow to read (one chunk "text\r" is a paste, not Enter).
   * A field narrower than the text shows its end after a `…`: then the end (or 8 more `*`s) is the echo.
   */
  async enter(text: string): Promise<void> {
    const before = this.screen()
    await this.type(text)
    if (text.length > 0) {
      const stars = "*".repeat(text.length)
      const flatText = text.replace(/\s+/g, "")
      const tail = flatText.slice(-12)
      const longestStars = (screen: string) =>
        Math.max(0, ...(screen.match(/\*+/g) ?? []).map((run) => run.length))
      await this.waitFor((screen) => {
        const flat = screen.replace(/\s+/g, "")
        return (
          flat.includes(flatText) ||
          (screen.includes(stars) && !before.includes(stars)) ||
          (text.length > 12 && flat.includes(tail) && !before.replace(/\s+/g, "").includes(tail)) ||
          (text.length > 8 && screen.includes("…*") && longestStars(screen) >= longestStars(before) + 8)
        )
      })
    }
    await this.press("Enter")
  }

  /** The process's exit code once it ended. */
  async exitCode(timeoutMs = 20_000): Promise<number> {
    const deadline = Date.now() + timeoutMs
    while (!existsSync(this.exitFile) || readFileSync(this.exitFile, "utf8").trim() === "") {
      if (Date.now() > deadline) throw new Error(`The app did not exit. Screen:\n${this.screen()}`)
      await sleep(50)
    }
    return Number(readFileSync(this.exitFile, "utf8").trim())
  }

  kill(): void {
    try {
      tmux("kill-session", "-t", this.name)
    } catch {
      // already gone
    }
    rmSync(this.dir, { recursive: true, force: true })
  }
}
