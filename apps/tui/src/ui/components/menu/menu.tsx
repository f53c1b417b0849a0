/**
 * A vertical menu: the focused item marked with the pointer and the accent colour, its one-line hint under it.
 */
import { Box, Text } from "ink"
import { theme } from "../../theme/theme.ts"
import { useMenu } from "./use-menu.ts"
import type { MenuItem } from "./use-menu-state.ts"

export type { MenuItem } from "./use-menu-state.ts"

/** @category components */
export const Menu = <V extends string>({
  items,
  onChoose,
  initial,
  onFocus,
}: {
  readonly items: ReadonlyArray<MenuItem<V>>
  readonly onChoose: (value: V) => void
  readonly initial?: V | undefined
  /** Told the focused item's value whenever the focus moves. */
  readonly onFocus?: ((value: V) => void) | undefined
}) => {
  const { focused } = useMenu(items, onChoose, { initial, onFocus })
  return (
    <Box flexDirection="column">
      {items.map((item, index) => {
        const isFocused = index === focused
        return (
          <Box key={item.value} flexDirection="column">
            <Text {...(isFocused ? { color: theme.color.accent, bold: true } : {})}>
              {isFocused ? `${theme.symbol.pointer} ` : "  "}
              {item.label}
            </Text>
            {isFocused && item.hint !== undefined ? (
              <Text color={theme.color.muted}>
                {"    "}
                {item.hint}
              </Text>
            ) : null}
          </Box>
        )
      })}
    </Box>
  )
}
