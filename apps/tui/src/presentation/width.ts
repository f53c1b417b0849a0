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
