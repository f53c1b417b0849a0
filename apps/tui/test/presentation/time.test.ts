/** Dates and durations per language; `--json` never uses these (ISO 8601 there). */
import { describe, expect, it } from "vitest"
import * as Time from "../../src/presentation/time.ts"

// a local time, whatever the machine's zone
const at = new Date(2026, 11, 1, 20, 12, 5).getTime()

describe("Time", () => {
  it("dateTime: Japanese dates read as Japanese dates, English stays ISO-like", () => {
    expect(Time.dateTime(at, "ja")).toBe("2026年12月1日 20:12")
    expect(Time.dateTime(at, "en")).toMatch(/^2026-12-01 20:12:05 [+-]\d\d:\d\d$/)
  })
  it("duration and lifetime in both languages", () => {
    expect(Time.duration(26 * 3600_000 + 5 * 60_000, "ja")).toBe("26時間05分00秒")
    expect(Time.duration(26 * 3600_000 + 5 * 60_000, "en")).toBe("26h 05m 00s")
    expect(Time.duration(-5, "ja")).toBe("0秒")
    expect(Time.duration(245_000, "ja")).toBe("4分05秒")
    expect(Time.lifetime(5400, "ja")).toBe("1時間30分")
    expect(Time.lifetime(5400, "en")).toBe("1 hour 30 minutes")
    expect(Time.lifetime(0, "ja")).toBe("0秒")
    expect(Time.lifetime(86400, "en")).toBe("24 hours")
  })
})
