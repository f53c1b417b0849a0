/**
 * How times, durations and secrets are shown.
 */
import { Redacted } from "effect"

/** The last 4 characters of a secret, the rest as `*` (at most 8 of them, so the length is not shown). @category getters */
export const maskTail = (secret: Redacted.Redacted<string>): string => {
  const value = Redacted.value(secret)
  return value.length <= 8 ? "********" : `********${value.slice(-4)}`
}

/** "23h 59m 58s", "4m 05s", "42s"; "expired" at or below zero. @category getters */
export const formatRemaining = (ms: number): string => {
  if (ms <= 0) return "expired"
  const total = Math.floor(ms / 1000)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const pad = (n: number) => String(n).padStart(2, "0")
  if (h > 0) return `${h}h ${pad(m)}m ${pad(s)}s`
  if (m > 0) return `${m}m ${pad(s)}s`
  return `${s}s`
}

/** A local date and time with its zone, e.g. "2026-11-30 14:05:09 GMT+9". @category getters */
export const formatLocalTime = (epochMs: number): string => {
  const d = new Date(epochMs)
  const pad = (n: number) => String(n).padStart(2, "0")
  const offset = -d.getTimezoneOffset()
  const sign = offset >= 0 ? "+" : "-"
  const oh = Math.floor(Math.abs(offset) / 60)
  const om = Math.abs(offset) % 60
  const zone = offset === 0 ? "UTC" : `GMT${sign}${oh}${om === 0 ? "" : `:${pad(om)}`}`
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ${zone}`
  )
}
