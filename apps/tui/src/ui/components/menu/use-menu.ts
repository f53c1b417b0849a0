/**
 * Keys for a menu: ↑/↓ (or k/j) move, Enter chooses, 1–9 choose directly. The focus is also kept in a ref, so
 * keys arriving in one chunk (fast typing, tmux `send-keys Down Down Enter`) act on the latest focus, not on the
 * one of the last render.
 *
 * The letter and digit shortcuts are typed keys only, never pasted text: a menu has no text to paste into (no
 * filter), so, like a select prompt with its filter empty, pasted text is dropped. A paste arrives on Ink's own
 * channel (`usePaste`, bracketed paste mode while a menu is up), so a pasted "2" or "keyId-…" cannot choose or
 * move; an unbracketed paste arrives as one chunk of several characters, which matches no shortcut.
 */
import { useInput, usePaste } from "ink"
import { useRef, useState } from "react"
import { initialMenu, type MenuEvent, type MenuItem, type MenuState, menuReducer } from "./use-menu-state.ts"

/** @category hooks */
export const useMenu = <V extends string>(
  items: ReadonlyArray<MenuItem<V>>,
  onChoose: (value: V) => void,
  options: {
    readonly initial?: V | undefined
    readonly isActive?: boolean
    /** Told the focused item's value whenever the focus moves. */
    readonly onFocus?: ((value: V) => void) | undefined
  } = {},
): MenuState => {
  const current = useRef<MenuState | undefined>(undefined)
  if (current.current === undefined) current.current = initialMenu(items, options.initial)
  const [state, setState] = useState(current.current)
  const isActive = options.isActive ?? true
  const dispatch = (event: MenuEvent) => {
    const previous = current.current!
    const next = menuReducer(previous, event)
    current.current = next
    setState(next)
    const focused = items[next.focused]
    if (next.focused !== previous.focused && focused !== undefined) options.onFocus?.(focused.value)
  }
  useInput(
    (input, key) => {
      if (key.upArrow || input === "k") dispatch({ _tag: "Up" })
      else if (key.downArrow || input === "j") dispatch({ _tag: "Down" })
      else if (key.return) {
        const item = items[current.current!.focused]
        if (item !== undefined) onChoose(item.value)
      } else if (/^[1-9]$/.test(input)) {
        const item = items[Number(input) - 1]
        if (item !== undefined) onChoose(item.value)
      }
    },
    { isActive },
  )
  // Pasted text is not a key: taken off the input channel and dropped.
  usePaste(() => undefined, { isActive })
  return state
}
