/**
 * Where things go: data on stdout, status and progress on stderr, `--json` errors as
 * `{"error":{"_tag","message","code"?}}` on stdout. Colour only on a TTY and never with `NO_COLOR` (any value)
 * or `FORCE_COLOR=0`.
 */
import type { Described } from "../presentation/errors.ts"

/** @category models */
export interface Io {
  readonly stdout: { write(s: string): unknown; readonly isTTY?: boolean | undefined }
  readonly stderr: { write(s: string): unknown; readonly isTTY?: boolean | undefined }
  readonly env: Readonly<Record<string, string | undefined>>
}

/** @category constants */
export const processIo: Io = { stdout: process.stdout, stderr: process.stderr, env: process.env }

/** Whether colour may be used on a stream. @category getters */
export const colorEnabled = (io: Io, stream: "stdout" | "stderr" = "stderr"): boolean => {
  if ("NO_COLOR" in io.env) return false
  const force = io.env.FORCE_COLOR
  if (force !== undefined) return force !== "0" && force !== "false"
  return io[stream].isTTY === true
}

const paint = (on: boolean, code: string, text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text)

/** @category models */
export interface Output {
  readonly json: boolean
  /** A line of data on stdout. */
  readonly data: (line: string) => void
  /** A value as one line of JSON on stdout. */
  readonly dataJson: (value: unknown) => void
  /** Status on stderr (suppressed with --json, where stdout carries everything). */
  readonly status: (line: string) => void
  readonly success: (line: string) => void
  readonly warn: (line: string) => void
  readonly bold: (text: string) => string
  readonly dim: (text: string) => string
}

/** @category constructors */
export const makeOutput = (options: { readonly json: boolean; readonly io?: Io }): Output => {
  const io = options.io ?? processIo
  const color = colorEnabled(io)
  const outColor = colorEnabled(io, "stdout")
  return {
    json: options.json,
    data: (line) => io.stdout.write(`${line}\n`),
    dataJson: (value) => io.stdout.write(`${JSON.stringify(value)}\n`),
    status: (line) => {
      if (!options.json) io.stderr.write(`${line}\n`)
    },
    success: (line) => {
      if (!options.json) io.stderr.write(`${paint(color, "32", "✓")} ${line}\n`)
    },
    warn: (line) => {
      if (!options.json) io.stderr.write(`${paint(color, "33", "!")} ${line}\n`)
    },
    bold: (text) => paint(outColor, "1", text),
    dim: (text) => paint(outColor, "2", text),
  }
}

/**
 * Renders a failure: JSON on stdout with `--json`, else the message and the next step on stderr.
 *
 * @category rendering
 */
export const renderError = (
  described: Described,
  options: { readonly json: boolean; readonly io?: Io },
): void => {
  const io = options.io ?? processIo
  if (options.json) {
    const error: Record<string, string> = { _tag: described._tag, message: described.title }
    if (described.code !== undefined) error.code = described.code
    io.stdout.write(`${JSON.stringify({ error })}\n`)
    return
  }
  const color = colorEnabled(io)
  const lines = [`${paint(color, "31", "✗")} ${described.title}`]
  if (described.next !== "") lines.push(`  ${described.next}`)
  io.stderr.write(`${lines.join("\n")}\n`)
}
