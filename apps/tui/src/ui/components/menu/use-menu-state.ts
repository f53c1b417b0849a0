/**
 * A vertical menu's state: which item has the focus. Pure; wraps around at both ends.
 */

/** @category models */
export interface MenuItem<V extends string> {
  readonly value: V
  readonly label: string
  /** One line of help, shown under the focused item. */
  readonly hint?: string
}

/** @category models */
export interface MenuState {
  readonly focused: number
  readonly count: number
}

/** @category models */
export type MenuEvent =
  | { readonly _tag: "Up" }
  | { readonly _tag: "Down" }
  | { readonly _tag: "Jump"; readonly index: number }

/** @category constructors */
export const initialMenu = <V extends string>(items: ReadonlyArray<MenuItem<V>>, initial?: V): MenuState => ({
  focused: Math.max(
    0,
    items.findIndex((i) => i.value === initial),
  ),
  count: items.length,
})

/** @category reducers */
export const menuReducer = (state: MenuState, event: MenuEvent): MenuState => {
  if (state.count === 0) return state
  switch (event._tag) {
    case "Up":
      return { ...state, focused: (state.focused - 1 + state.count) % state.count }
    case "Down":
      return { ...state, focused: (state.focused + 1) % state.count }
    case "Jump":
      return event.index >= 0 && event.index < state.count ? { ...state, focused: event.index } : state
  }
}
