/**
 * How times, durations and secrets are shown — and how a duration is read — by both front ends.
 */
import { Redacted } from "effect"

const pad = (n: number) => String(n).padStart(2, "0")

/**
 * A duration for people: "26h 05m 00s", "4m 05s", "42s"; "0s" at or below zero (tokens live 48 hours at most).
 *
 * @category formatting
 */
export const formatDuration = (ms: number): string => {
  const total = Math.max(0, Math.floor(ms / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  if (h > 0) return `${h}h ${pad(m)}m ${pad(s)}s`
  if (m > 0) return `${m}m ${pad(s)}s`
  return `${s}s`
}

/**
 * A local date and time with its UTC offset, ISO-like and locale-independent: `2026-11-30 14:05:09 +09:00`.
 *
 * @category formatting
 */
export const formatLocalTime = (epochMs: number): string => {
  const d = new Date(epochMs)
  const offset = -d.getTimezoneOffset()
  const abs = Math.abs(offset)
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ` +
    `${offset >= 0 ? "+" : "-"}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  )
}

/** `HH:MM:SS` local time (e.g. "try again after 14:05:09"). @category formatting */
export const formatClock = (epochMs: number): string => {
  const d = new Date(epochMs)
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}

/**
 * A secret shown as its last 4 characters behind 8 `*` (never its length); short secrets as `********` alone.
 *
 * @category formatting
 */
export const mask = (secret: Redacted.Redacted<string> | string): string => {
  const value = typeof secret === "string" ? secret : Redacted.value(secret)
  return value.length <= 8 ? "********" : `********${value.slice(-4)}`
}

const units: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86400 }

/**
 * Reads a duration in seconds: a whole number of seconds (`3600`), or units `d`, `h`, `m`, `s` in that order
 * (`2h`, `90m`, `1h30m`, `1d`). `undefined` when it is neither.
 *
 * @category parsing
 */
export const parseDuration = (raw: string): number | undefined => {
  const text = raw.trim().toLowerCase()
  if (/^\d+$/.test(text)) return Number(text)
  const match = /^(?:(\d+)d)?\s*(?:(\d+)h)?\s*(?:(\d+)m)?\s*(?:(\d+)s)?$/.exec(text)
  if (match === null || text === "" || !/\d/.test(text)) return undefined
  const [, d, h, m, s] = match
  return [
    [d, units.d],
    [h, units.h],
    [m, units.m],
    [s, units.s],
  ].reduce((sum, [n, unit]) => sum + (n === undefined ? 0 : Number(n) * Number(unit)), 0)
}

/** "24 hours", "1 hour 30 minutes", "3 minutes", "200 seconds". @category formatting */
export const formatLifetime = (seconds: number): string => {
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = seconds % 60
  const parts: Array<string> = []
  if (h > 0) parts.push(`${h} hour${h === 1 ? "" : "s"}`)
  if (m > 0) parts.push(`${m} minute${m === 1 ? "" : "s"}`)
  if (s > 0 || parts.length === 0) parts.push(`${s} second${s === 1 ? "" : "s"}`)
  return parts.join(" ")
}
