/**
 * Where the app draws and reads keys: the standard streams when they are terminals, else the controlling terminal
 * `/dev/tty`, as fzf does — so `eval "$(soracom-auth)"` works with stdout captured, and with stderr redirected too.
 * No Ink here: the CLI asks `available()` before deciding to load the app.
 */
import { closeSync, openSync } from "node:fs"
import { ReadStream, WriteStream } from "node:tty"

/** A terminal to draw on: stdout, else stderr, else `/dev/tty`; `undefined` when there is none. */
export const drawingStream = (
  stdout: NodeJS.WriteStream,
  stderr: NodeJS.WriteStream,
): NodeJS.WriteStream | undefined => {
  if (stdout.isTTY === true) return stdout
  if (stderr.isTTY === true) return stderr
  try {
    return new WriteStream(openSync("/dev/tty", "w"))
  } catch {
    return undefined
  }
}

/** The keyboard: stdin when it is a terminal, else `/dev/tty`. */
export const keyboardStream = (stdin: NodeJS.ReadStream): NodeJS.ReadStream | undefined => {
  if (stdin.isTTY === true) return stdin
  try {
    return new ReadStream(openSync("/dev/tty", "r"))
  } catch {
    return undefined
  }
}

const controllingTerminal = (): boolean => {
  try {
    closeSync(openSync("/dev/tty", "r+"))
    return true
  } catch {
    return false
  }
}

/** Whether this process has somewhere to draw the app and a keyboard to read, by the rules above. */
export const available = (
  stdin: NodeJS.ReadStream = process.stdin,
  stdout: NodeJS.WriteStream = process.stdout,
  stderr: NodeJS.WriteStream = process.stderr,
): boolean =>
  (stdin.isTTY === true && (stdout.isTTY === true || stderr.isTTY === true)) || controllingTerminal()
