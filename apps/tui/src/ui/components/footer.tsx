/**
 * The keys that work on the current screen, always on the last line.
 */
import { Box, Text } from "ink"
import { messages } from "../../presentation/messages.ts"
import { theme } from "../theme/theme.ts"
import { useGap } from "./viewport.tsx"

/** @category models */
export type KeyHint = readonly [key: string, action: string]

/** Common hints, in the process's language (getters: read when a screen renders). @category constants */
export const keys = {
  get move(): KeyHint {
    return ["↑↓", messages.ui.key.move]
  },
  get choose(): KeyHint {
    return ["Enter", messages.ui.key.choose]
  },
  get submit(): KeyHint {
    return ["Enter", messages.ui.key.submit]
  },
  get back(): KeyHint {
    return ["Esc", messages.ui.key.back]
  },
  get cancel(): KeyHint {
    return ["Esc", messages.ui.key.cancel]
  },
  get quit(): KeyHint {
    return ["q", messages.ui.key.quit]
  },
  get ctrlC(): KeyHint {
    return ["Ctrl+C", messages.ui.key.exit]
  },
  get home(): KeyHint {
    return ["Esc", messages.ui.key.home]
  },
}

/** @category components */
export const Footer = ({ hints }: { readonly hints: ReadonlyArray<KeyHint> }) => (
  <Box marginTop={useGap()}>
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
