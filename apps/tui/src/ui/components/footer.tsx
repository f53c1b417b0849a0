/**
 * The keys that work on the current screen, always on the last line.
 */
import { Box, Text } from "ink"
import { theme } from "../theme/theme.ts"

/** @category models */
export type KeyHint = readonly [key: string, action: string]

/** Common hints. @category constants */
export const keys = {
  move: ["↑↓", "move"],
  choose: ["Enter", "choose"],
  submit: ["Enter", "continue"],
  back: ["Esc", "back"],
  cancel: ["Esc", "cancel"],
  quit: ["q", "quit"],
  ctrlC: ["Ctrl+C", "exit"],
} as const satisfies Record<string, KeyHint>

/** @category components */
export const Footer = ({ hints }: { readonly hints: ReadonlyArray<KeyHint> }) => (
  <Box marginTop={1}>
    <Text color={theme.color.muted}>
      {hints.map(([key, action], i) => (
        <Text key={key + action}>
          {i > 0 ? ` ${theme.symbol.bullet} ` : ""}
          <Text bold>{key}</Text> {action}
        </Text>
      ))}
    </Text>
  </Box>
)
