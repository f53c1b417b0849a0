/**
 * Dates, clocks and durations for people, per language. English stays ISO-like and locale-independent
 * (`2026-11-30 14:05:09 +09:00`); Japanese reads as Japanese dates do (`2026年12月1日 20:12`). Machine output
 * (`--json`) never goes through here: it is ISO 8601 in every language.
 */
import type { Language } from "../environment.ts"

const pad = (n: number) => String(n).padStart(2, "0")

const offsetOf = (d: Date): string => {
  const offset = -d.getTimezoneOffset()
  const abs = Math.abs(offset)
  return `${offset >= 0 ? "+" : "-"}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

/** A local date and time (with its UTC offset in English, where the ISO shape makes it natural). @category formatting */
export const dateTime = (epochMs: number, language: Language): string => {
  const d = new Date(epochMs)
  const hm = `${pad(d.getHours())}:${pad(d.getMinutes())}`
  return language === "ja"
    ? `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${hm}`
    : `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${hm}:${pad(d.getSeconds())} ${offsetOf(d)}`
}

/** `HH:MM:SS` local time; the same in both languages. @category formatting */
export const clock = (epochMs: number): string => {
  const d = new Date(epochMs)
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}

/** A countdown: "26h 05m 00s" / "26時間05分00秒"; zero or less is "0s" / "0秒". @category formatting */
export const duration = (ms: number, language: Language): string => {
  const total = Math.max(0, Math.floor(ms / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  if (language === "ja") {
    if (h > 0) return `${h}時間${pad(m)}分${pad(s)}秒`
    if (m > 0) return `${m}分${pad(s)}秒`
    return `${s}秒`
  }
  if (h > 0) return `${h}h ${pad(m)}m ${pad(s)}s`
  if (m > 0) return `${m}m ${pad(s)}s`
  return `${s}s`
}

/** A token lifetime: "1 hour 30 minutes" / "1時間30分". @category formatting */
export const lifetime = (seconds: number, language: Language): string => {
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = seconds % 60
  if (language === "ja") {
    const parts = [
      h > 0 ? `${h}時間` : "",
      m > 0 ? `${m}分` : "",
      s > 0 || (h === 0 && m === 0) ? `${s}秒` : "",
    ]
    return parts.join("")
  }
  const parts: Array<string> = []
  if (h > 0) parts.push(`${h} hour${h === 1 ? "" : "s"}`)
  if (m > 0) parts.push(`${m} minute${m === 1 ? "" : "s"}`)
  if (s > 0 || parts.length === 0) parts.push(`${s} second${s === 1 ? "" : "s"}`)
  return parts.join(" ")
}
