/**
 * How times, durations and secrets are shown — and how a duration is read — by both front ends.
 */
import { Redacted } from "effect"
import * as ProcessLanguage from "./language.ts"
import * as Time from "./time.ts"

/**
 * A duration for people, in this process's language: "26h 05m 00s" / "26時間05分00秒"; "0s" at or below zero.
 *
 * @category formatting
 */
export const formatDuration = (ms: number): string => Time.duration(ms, ProcessLanguage.current())

/**
 * A local date and time, in this process's language: `2026-11-30 14:05:09 +09:00` / `2026年11月30日 14:05`.
 *
 * @category formatting
 */
export const formatLocalTime = (epochMs: number): string => Time.dateTime(epochMs, ProcessLanguage.current())

/** `HH:MM:SS` local time (e.g. "try again after 14:05:09"). @category formatting */
export const formatClock = (epochMs: number): string => Time.clock(epochMs)

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

/** "24 hours" / "24時間", "1 hour 30 minutes", "200 seconds". @category formatting */
export const formatLifetime = (seconds: number): string => Time.lifetime(seconds, ProcessLanguage.current())
