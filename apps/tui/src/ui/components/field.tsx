/**
 * One input field: its label, the input (masked with `*` for secrets, never prefilled), an optional hint, and the
 * validation message under it. Exactly one field is mounted at a time.
 */
import { PasswordInput, TextInput } from "@inkjs/ui"
import { Box, Text } from "ink"
import { useState } from "react"
import { theme } from "../theme/theme.ts"

/** @category components */
export const Field = ({
  label,
  secret = false,
  defaultValue,
  placeholder,
  hint,
  error,
  onSubmit,
}: {
  readonly label: string
  readonly secret?: boolean
  readonly defaultValue?: string | undefined
  readonly placeholder?: string | undefined
  readonly hint?: string | undefined
  readonly error?: string | undefined
  readonly onSubmit: (value: string) => void
}) => {
  // The message stays until the value changes, then gives way to the hint.
  const [edited, setEdited] = useState(false)
  const showError = error !== undefined && !edited
  const submit = (value: string) => {
    setEdited(false)
    onSubmit(value)
  }
  const change = () => setEdited(true)
  return (
    <Box flexDirection="column">
      <Box>
        <Text bold>{label}: </Text>
        {secret ? (
          <PasswordInput
            onChange={change}
            onSubmit={submit}
            {...(placeholder === undefined ? {} : { placeholder })}
          />
        ) : (
          <TextInput
            onChange={change}
            onSubmit={submit}
            {...(defaultValue === undefined ? {} : { defaultValue })}
            {...(placeholder === undefined ? {} : { placeholder })}
          />
        )}
      </Box>
      {showError ? (
        <Text color={theme.color.error}>
          {theme.symbol.error} {error}
        </Text>
      ) : hint === undefined ? null : (
        <Text color={theme.color.muted}>{hint}</Text>
      )}
    </Box>
  )
}
