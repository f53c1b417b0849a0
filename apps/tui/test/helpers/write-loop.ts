/**
 * Child process for the crash test: rewrites one profile through the ProfileStore as fast as it can, alternating
 * two contents, until it is killed. Prints "ready" after the first write.
 * Usage: node write-loop.ts <dir>
 */
import { Effect, Redacted } from "effect"
import { ProfileStore } from "../../src/profiles/ProfileStore.ts"

const dir = process.argv[2]!
const store = ProfileStore.make({ dir })
const big = "x".repeat(64 * 1024)
let i = 0
const loop = async () => {
  for (;;) {
    i++
    await Effect.runPromise(
      store.write(
        "crash",
        { authKeyId: `keyId-${i % 2 === 0 ? "even" : "odd"}`, authKey: Redacted.make(`secret-${i}`) },
        { extra: { padding: big } },
      ),
    )
    if (i === 1) process.stdout.write("ready\n")
  }
}
void loop()
