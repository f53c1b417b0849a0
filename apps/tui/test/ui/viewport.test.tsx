/**
 * The viewport on a terminal of a given size: a screen that fits is drawn roomy; one that does not is drawn
 * compact, and what still does not fit is cut — the frame is never taller than `rows - 1` (a frame as tall as the
 * terminal makes Ink clear the screen, which terminals push into scrollback).
 */
import { EventEmitter } from "node:events"
import { Box, render, Text } from "ink"
import stripAnsi from "strip-ansi"
import { afterEach, describe, expect, it } from "vitest"
import { useGap, useLayout, Viewport } from "../../src/ui/components/viewport.tsx"

/** A terminal's stdout: a TTY with a size; every frame written is kept. */
class FakeTerminal extends EventEmitter {
  readonly isTTY = true
  readonly frames: Array<string> = []
  readonly columns: number
  readonly rows: number
  constructor(columns: number, rows: number) {
    super()
    this.columns = columns
    this.rows = rows
  }
  write = (frame: string) => {
    this.frames.push(frame)
    return true
  }
}

class FakeKeyboard extends EventEmitter {
  readonly isTTY = true
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
  read = () => null
}

/** `parts` lines, each followed by a gap row (none when compact); the last line says which layout drew it. */
const Screen = ({ parts }: { readonly parts: number }) => {
  const gap = useGap()
  const { compact } = useLayout()
  return (
    <Box flexDirection="column">
      {Array.from({ length: parts }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list
        <Box key={i} marginBottom={gap}>
          <Text>part {i + 1}</Text>
        </Box>
      ))}
      <Text>{compact ? "compact" : "roomy"}</Text>
    </Box>
  )
}

const unmounts: Array<() => void> = []
afterEach(() => {
  for (const unmount of unmounts.splice(0)) unmount()
})

const draw = async (parts: number, rows: number) => {
  const stdout = new FakeTerminal(40, rows)
  const instance = render(
    <Viewport>
      <Screen parts={parts} />
    </Viewport>,
    {
      stdout: stdout as unknown as NodeJS.WriteStream,
      stdin: new FakeKeyboard() as unknown as NodeJS.ReadStream,
      debug: true,
      exitOnCtrlC: false,
      patchConsole: false,
    },
  )
  unmounts.push(instance.unmount)
  // the measurement lands after the first frame: wait until the frames stop changing
  const deadline = Date.now() + 10_000
  let last = ""
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 50))
    const frame = stripAnsi(stdout.frames.at(-1) ?? "")
    if (frame !== "" && frame === last) return frame.replace(/\n+$/, "").split("\n")
    if (Date.now() > deadline) throw new Error(`no steady frame:\n${frame}`)
    last = frame
  }
}

describe("Viewport", () => {
  it("a screen that fits is drawn roomy", async () => {
    const lines = await draw(3, 24)
    expect(lines.at(-1)).toBe("roomy")
    expect(lines).toHaveLength(7)
  })

  it("a screen too tall when roomy is drawn compact, and then fits in rows - 1", async () => {
    // roomy: 6 parts + 6 gaps + 1 = 13 rows; compact: 7 rows; terminal of 10 → at most 9
    const lines = await draw(6, 10)
    expect(lines.at(-1)).toBe("compact")
    expect(lines).toHaveLength(7)
  })

  it("a screen too tall even compact is cut at rows - 1: its title stays, nothing scrolls", async () => {
    const lines = await draw(30, 10)
    expect(lines).toHaveLength(9)
    expect(lines[0]).toBe("part 1")
  })
})
