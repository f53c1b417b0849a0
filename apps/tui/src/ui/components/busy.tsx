/**
 * Work in progress: a spinner, or plain text when a screen reader is on.
 */
import { Spinner } from "@inkjs/ui"
import { Text, useIsScreenReaderEnabled } from "ink"

/** @category components */
export const Busy = ({ label }: { readonly label: string }) => {
  const screenReader = useIsScreenReaderEnabled()
  return screenReader ? <Text>{label}</Text> : <Spinner label={label} />
}
