/**
 * Terminal display width: Japanese (and other East Asian wide) characters take two columns, so padding and
 * truncation count columns with string-width (the measure Ink itself lays boxes out with), never `.length`.
 */
import stringWidth from "string-width"

/** Columns a string takes in a terminal. @category getters */
export const width = (text: string): number => stringWidth(text)

/** Pads with spaces to at least `columns` display columns. @category formatting */
export const padEndWidth = (text: string, columns: number): string =>
  text + " ".repeat(Math.max(0, columns - stringWidth(text)))

/** Cuts to at most `columns` display columns, ending with `…` when cut. @category formatting */
export const truncateWidth = (text: string, columns: number): string => {
  if (stringWidth(text) <= columns) return text
  let out = ""
  for (const char of text) {
    if (stringWidth(`${out}${char}…`) > columns) break
    out += char
  }
  return `${out}…`
}

/** The last characters of `text` that fit in `columns`. */
const fitEnd = (text: string, columns: number): string => {
  const chars = [...text]
  let out = ""
  for (let i = chars.length - 1; i >= 0; i--) {
    if (stringWidth(chars[i] + out) > columns) break
    out = chars[i] + out
  }
  return out
}

/** The first characters of `text` that fit in `columns`. */
const fitStart = (text: string, columns: number): string => {
  let out = ""
  for (const char of text) {
    if (stringWidth(out + char) > columns) break
    out += char
  }
  return out
}

/** @category models */
export interface LineWindow {
  readonly before: string
  /** The character under the cursor (`""` at the end of the line). */
  readonly under: string
  readonly after: string
}

/**
 * What a one-line field shows in `columns` display columns: the cursor always in view, as much as fits before it
 * (typing happens at the end), then after it; a cut end is marked `…`. The line never wraps under its label.
 *
 * @category formatting
 */
export const lineWindow = (text: string, cursor: number, columns: number): LineWindow => {
  const before = text.slice(0, cursor)
  const under = [...text.slice(cursor)][0] ?? ""
  const after = text.slice(cursor + under.length)
  let room = Math.max(0, columns - Math.max(1, stringWidth(under)))
  // keep one column for what follows the cursor (a character or its `…`)
  const forBefore = after === "" ? room : Math.max(0, room - 1)
  const shownBefore =
    stringWidth(before) <= forBefore ? before : forBefore < 1 ? "" : `…${fitEnd(before, forBefore - 1)}`
  room -= stringWidth(shownBefore)
  const shownAfter = stringWidth(after) <= room ? after : room < 1 ? "" : `${fitStart(after, room - 1)}…`
  return { before: shownBefore, under, after: shownAfter }
}
