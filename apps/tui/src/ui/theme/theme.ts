/**
 * Every colour and symbol the app uses, in one place. Colour is never the only signal: each status also has a word
 * or a symbol, so the app reads the same with `NO_COLOR` (mapped to `FORCE_COLOR=0` before Ink loads, see
 * `no-color.ts`) or a screen reader.
 */
import type { TextProps } from "ink"

type Color = NonNullable<TextProps["color"]>

/** @category models */
export interface Theme {
  readonly color: {
    readonly accent: Color
    readonly success: Color
    readonly error: Color
    readonly warning: Color
    readonly muted: Color
    readonly badge: Color
  }
  readonly symbol: {
    readonly pointer: string
    readonly success: string
    readonly error: string
    readonly warning: string
    readonly info: string
    readonly bullet: string
    readonly live: string
  }
}

/** @category constants */
export const theme: Theme = {
  color: {
    accent: "cyan",
    success: "green",
    error: "red",
    warning: "yellow",
    muted: "gray",
    badge: "magenta",
  },
  symbol: {
    pointer: "›",
    success: "✔",
    error: "✖",
    warning: "!",
    info: "i",
    bullet: "·",
    live: "●",
  },
}
