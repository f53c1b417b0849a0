/**
 * The current time from the runtime's clock, re-read every `intervalMs` while `active` (for live countdowns).
 */
import { useEffect, useState } from "react"
import { useRuntime } from "./runtime-context.tsx"

/** @category hooks */
export const useNow = (active: boolean, intervalMs = 1000): number => {
  const runtime = useRuntime()
  const [now, setNow] = useState(runtime.now)
  useEffect(() => {
    if (!active) return
    setNow(runtime.now())
    const timer = setInterval(() => setNow(runtime.now()), intervalMs)
    return () => clearInterval(timer)
  }, [active, intervalMs, runtime])
  return now
}
