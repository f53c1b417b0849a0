/** How the per-call benchmarks drive the calls they compare. */

export type Call = () => Promise<unknown>

/**
 * `n` sequential calls of each side, in alternating blocks so drift and GC hit every side alike: each call's
 * latency (ms) and each side's process CPU per call (µs, client side only when the server is another process).
 */
export const interleaved = async (calls: Record<string, Call>, n: number, block: number) => {
  const samples: Record<string, Array<number>> = Object.fromEntries(Object.keys(calls).map((k) => [k, []]))
  const cpu: Record<string, number> = Object.fromEntries(Object.keys(calls).map((k) => [k, 0]))
  for (let done = 0; done < n; done += block) {
    for (const [name, call] of Object.entries(calls)) {
      const before = process.cpuUsage()
      for (let i = 0; i < Math.min(block, n - done); i++) {
        const t = performance.now()
        await call()
        samples[name]!.push(performance.now() - t)
      }
      const used = process.cpuUsage(before)
      cpu[name]! += used.user + used.system
    }
  }
  return { samples, cpuPerCall: Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, v / n])) }
}

/** `n` calls, `width` at a time: calls per second. */
export const throughput = async (call: Call, n: number, width: number) => {
  let next = 0
  const start = performance.now()
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next++ < n) await call()
    }),
  )
  return n / ((performance.now() - start) / 1000)
}
