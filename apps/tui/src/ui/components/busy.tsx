/**
 * Work in progress: a spinner, or plain text when a screen reader is on; under it, the last warning the work
 * logged (a retry notice), if any.
 */
import { Spinner } from "@inkjs/ui"
import { Box, Text, useIsScreenReaderEnabled } from "ink"
import { theme } from "../theme/theme.ts"

/** @category components */
export const Busy = ({ label, note }: { readonly label: string; readonly note?: string | undefined }) => {
  const screenReader = useIsScreenReaderEnabled()
  return (
    <Box flexDirection="column">
      {screenReader ? <Text>{label}</Text> : <Spinner label={label} />}
      {note === undefined ? null : (
        <Text color={theme.color.warning}>
          {theme.symbol.warning} {note}
        </Text>
      )}
    </Box>
  )
}
