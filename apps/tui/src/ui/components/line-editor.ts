/**
 * The editing state of a one-line text field, with the readline keys people type without thinking: Ctrl+A / Home
 * and Ctrl+E / End move to the start and end, Ctrl+B/F and ←/→ move a character, Ctrl+U deletes to the start,
 * Ctrl+K to the end, Ctrl+W the word before the cursor, Backspace/Ctrl+H and Delete/Ctrl+D a character. Control
 * characters never become text (a masked field would otherwise hold a wrong password silently). Pure.
 */

/** @category models */
export interface LineState {
  readonly value: string
  /** The cursor, 0…value.length. */
  readonly cursor: number
}

/** The subset of Ink's `Key` the editor reads. @category models */
export interface LineKey {
  readonly ctrl?: boolean
  readonly meta?: boolean
  readonly leftArrow?: boolean
  readonly rightArrow?: boolean
  readonly upArrow?: boolean
  readonly downArrow?: boolean
  readonly backspace?: boolean
  readonly delete?: boolean
  readonly home?: boolean
  readonly end?: boolean
  readonly return?: boolean
  readonly escape?: boolean
  readonly tab?: boolean
}

/** @category constructors */
export const initialLine = (value = ""): LineState => ({ value, cursor: value.length })

const at = (_previous: LineState, value: string, cursor: number): LineState => ({
  value,
  cursor: Math.max(0, Math.min(cursor, value.length)),
})

/** The start of the word before `cursor` (spaces before it skipped), as readline's unix-word-rubout. */
const wordStart = (value: string, cursor: number): number => {
  let i = cursor
  while (i > 0 && /\s/.test(value[i - 1] ?? "")) i--
  while (i > 0 && !/\s/.test(value[i - 1] ?? "")) i--
  return i
}

// Terminals send Backspace as DEL (0x7f), which Ink reports as `delete`; a real forward Delete is `ESC [3~`.
const isForwardDelete = (input: string) => input === "\u001b[3~"

/**
 * The next state after one key. Unchanged for keys the editor does not handle (Enter, Esc, Tab, ↑/↓).
 *
 * @category reducers
 */
export const editLine = (state: LineState, input: string, key: LineKey): LineState => {
  const { value, cursor } = state
  if (key.return || key.escape || key.tab || key.upArrow || key.downArrow) return state
  if (key.ctrl) {
    switch (input) {
      case "a":
        return at(state, value, 0)
      case "e":
        return at(state, value, value.length)
      case "b":
        return at(state, value, cursor - 1)
      case "f":
        return at(state, value, cursor + 1)
      case "u":
        return at(state, value.slice(cursor), 0)
      case "k":
        return at(state, value.slice(0, cursor), cursor)
      case "w": {
        const start = wordStart(value, cursor)
        return at(state, value.slice(0, start) + value.slice(cursor), start)
      }
      case "h":
        return cursor === 0 ? state : at(state, value.slice(0, cursor - 1) + value.slice(cursor), cursor - 1)
      case "d":
        return at(state, value.slice(0, cursor) + value.slice(cursor + 1), cursor)
      default:
        return state
    }
  }
  if (key.home) return at(state, value, 0)
  if (key.end) return at(state, value, value.length)
  if (key.leftArrow) return at(state, value, cursor - 1)
  if (key.rightArrow) return at(state, value, cursor + 1)
  if (isForwardDelete(input)) return at(state, value.slice(0, cursor) + value.slice(cursor + 1), cursor)
  if (key.backspace || key.delete) {
    return cursor === 0 ? state : at(state, value.slice(0, cursor - 1) + value.slice(cursor), cursor - 1)
  }
  if (key.meta) return state
  // Pasted text may hold line breaks or control characters: only printable characters become text.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is removed
  const text = input.replace(/[\u0000-\u001f\u007f]/g, "")
  if (text === "") return state
  return at(state, value.slice(0, cursor) + text + value.slice(cursor), cursor + text.length)
}
