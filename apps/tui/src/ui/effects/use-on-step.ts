/**
 * Runs `effect` each time the flow enters a new step (a new step object), with the latest callbacks — the way the
 * screens start a request when their state machine reaches "Submitting", "Saving", ….
 */
import { useEffect, useRef } from "react"

/** @category hooks */
export const useOnStep = <S>(step: S, effect: (step: S) => void): void => {
  const latest = useRef(effect)
  latest.current = effect
  useEffect(() => {
    latest.current(step)
  }, [step])
}
