/**
 * The frame never fills the terminal. Ink redraws a frame as tall as the terminal (or taller) by clearing the
 * screen, and a terminal pushes a cleared screen into its scrollback (tmux's `scroll-on-clear`, VS Code, Windows
 * Terminal): with the per-second countdown, a copy of the frame every second and the title scrolled away. So the
 * frame is at most `rows - 1` tall. The viewport measures the screen: when it does not fit, the screen is drawn
 * `compact` (no blank rows between its parts); what still does not fit is cut at the bottom, never scrolled.
 */
import { Box, type DOMElement, useBoxMetrics, useStdout, useWindowSize } from "ink"
import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from "react"

/** @category models */
export interface Layout {
  readonly columns: number
  readonly rows: number
  /** The roomy layout did not fit: no blank rows between a screen's parts. */
  readonly compact: boolean
}

const LayoutContext = createContext<Layout>({ columns: 80, rows: 24, compact: false })

/** The terminal's size and whether the current screen is drawn compact. @category hooks */
export const useLayout = (): Layout => useContext(LayoutContext)

/** The blank rows between two parts of a screen: one, none when compact. @category hooks */
export const useGap = (): number => (useLayout().compact ? 0 : 1)

/**
 * Mount one per screen (`key` it by the screen): a new screen is measured afresh, roomy first; a screen stays
 * compact at this terminal size once it was too tall, so a countdown or a hint coming and going cannot make it
 * flicker between the two.
 *
 * @category components
 */
export const Viewport = ({ children }: { readonly children: ReactNode }) => {
  const { columns, rows } = useWindowSize()
  // Not a terminal (a test's fake stream): nothing scrolls, and the size would be whatever terminal ran the test.
  const { stdout } = useStdout()
  const terminal = "isTTY" in stdout && stdout.isTTY === true
  const ref = useRef<DOMElement>(null)
  const { height, hasMeasured } = useBoxMetrics(ref)
  const room = terminal ? Math.max(1, rows - 1) : Number.POSITIVE_INFINITY
  const size = `${columns}×${rows}`
  const [tooTallAt, setTooTallAt] = useState<string | undefined>(undefined)
  const compact = tooTallAt === size
  useEffect(() => {
    if (hasMeasured && !compact && height > room) setTooTallAt(size)
  }, [hasMeasured, compact, height, room, size])
  return (
    <LayoutContext.Provider value={{ columns, rows, compact }}>
      <Box flexDirection="column" {...(terminal ? { maxHeight: room, overflow: "hidden" } : {})}>
        <Box ref={ref} flexDirection="column" flexShrink={0}>
          {children}
        </Box>
      </Box>
    </LayoutContext.Provider>
  )
}
