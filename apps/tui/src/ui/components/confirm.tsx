/**
 * A yes/no question; "no" is the default (Enter, n). Esc is left to the screen (it goes back).
 */
import { Text, useInput } from "ink"
import { theme } from "../theme/theme.ts"

/** @category components */
export const Confirm = ({
  question,
  onAnswer,
}: {
  readonly question: string
  readonly onAnswer: (yes: boolean) => void
}) => {
  useInput((input, key) => {
    if (input === "y" || input === "Y") onAnswer(true)
    else if (input === "n" || input === "N" || key.return) onAnswer(false)
  })
  return (
    <Text>
      <Text color={theme.color.warning}>{theme.symbol.warning}</Text> {question}{" "}
      <Text color={theme.color.muted}>(y/N)</Text>
    </Text>
  )
}
