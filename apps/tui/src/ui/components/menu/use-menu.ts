/**
 * Keys for a menu: ↑/↓ (or k/j) move, Enter chooses, 1–9 choose directly. The focus is also kept in a ref, so
 * keys arriving in one chunk (fast typing, tmux `send-keys Down Down Enter`) act on the latest focus, not on the
 * one of the last render.
 */
import { useInput } from "ink"
import { useRef, useState } from "react"
import { initialMenu, type MenuEvent, type MenuItem, type MenuState, menuReducer } from "./use-menu-state.ts"

/** @category hooks */
export const useMenu = <V extends string>(
  items: ReadonlyArray<MenuItem<V>>,
  onChoose: (value: V) => void,
  options: { readonly initial?: V | undefined; readonly isActive?: boolean } = {},
): MenuState => {
  const current = useRef<MenuState | undefined>(undefined)
  if (current.current === undefined) current.current = initialMenu(items, options.initial)
  const [state, setState] = useState(current.current)
  const dispatch = (event: MenuEvent) => {
    const next = menuReducer(current.current!, event)
    current.current = next
    setState(next)
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
    { isActive: options.isActive ?? true },
  )
  return state
}
