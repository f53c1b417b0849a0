/**
 * What an application observes of the store, against a real redis-server and sandbox: the annotations on its two
 * warnings (the app words its own warnings from them, not from the English text), the span a shared sign-in runs
 * in, and the rhythm of a waiter's polls (read from the sleeps it asks its Clock for, so no wall-clock assertion).
 */
import { AuthResponse, AuthSession } from "@soracom-auth/core"
import {
  Clock,
  DateTime,
  Deferred,
  Duration,
  Effect,
  Fiber,
  Logger,
  ManagedRuntime,
  Option,
  Redacted,
  References,
  Tracer,
} from "effect"
import { assert, describe, it } from "vitest"
import { RedisSessionStore } from "../src/index.ts"
import { processLayer, signInPosts } from "./process.ts"
import { hasRedis } from "./redis-server.ts"
import { useWorld } from "./world.ts"

describe.runIf(hasRedis())("RedisSessionStore as an application observes it", { timeout: 60_000 }, () => {
  const world = useWorld()

  /** A "process" whose logger keeps each warning with the annotations it was logged with. */
  const processWith = (options: Partial<RedisSessionStore.NodeOptions> = {}) => {
    const warnings: Array<{
      readonly text: string
      readonly annotations: Readonly<Record<string, unknown>>
    }> = []
    const logger = Logger.make(({ logLevel, message, fiber }) => {
      if (logLevel !== "Warn") return
      warnings.push({
        text: Array.isArray(message) ? message.join(" ") : String(message),
        annotations: { ...fiber.getRef(References.CurrentLogAnnotations) },
      })
    })
    const runtime = ManagedRuntime.make(processLayer(world.redis, world.sandbox, options, logger))
    world.runtimes.push(runtime)
    return {
      warnings,
      run: <A, E>(effect: Effect.Effect<A, E, AuthSession.AuthSession>) => runtime.runPromise(effect),
      headers: () => runtime.runPromise(AuthSession.AuthSession.use((s) => s.headers)),
    }
  }

  it("Redis refusing the password: the warning is annotated redisStore=unavailable with the cause and the retry delay", async () => {
    const a = processWith({ password: Redacted.make("not-the-password-42"), retryAfter: 7_000 })
    await a.headers()
    assert.strictEqual(a.warnings.length, 1, JSON.stringify(a.warnings))
    const { annotations, text } = a.warnings[0]!
    assert.deepStrictEqual(Object.keys(annotations).sort(), ["detail", "redisStore", "retryAfterMillis"])
    assert.strictEqual(annotations.redisStore, "unavailable")
    assert.strictEqual(annotations.retryAfterMillis, 7_000)
    // the cause as Redis gave it, enough for an app to word the warning in its own language
    assert.match(String(annotations.detail), /^WRONGPASS/)
    assert.include(text, String(annotations.detail))
  })

  it("a lock held past maxWait: the warning is annotated redisStore=waited with how long it waited", async () => {
    const a = processWith()
    await a.headers()
    const [sessionKey] = await world.raw.keys("*")
    await world.raw.del(sessionKey!)
    await world.raw.set(`${sessionKey}:lock`, "stuck-host:1:stuck", { PX: 60_000 })
    const b = processWith({ maxWait: 1_200 })
    await b.headers()
    assert.strictEqual(signInPosts(world.sandbox), 2)
    assert.strictEqual(b.warnings.length, 1, JSON.stringify(b.warnings))
    assert.deepStrictEqual(b.warnings[0]!.annotations, { redisStore: "waited", waitedMillis: 1_200 })
  })

  it("a sign-in through the store is traced as RedisSessionStore.singleFlight, inside AuthSession.get", async () => {
    const spans: Array<{ readonly name: string; readonly parent: string | undefined }> = []
    const tracer = Tracer.make({
      span(options) {
        const parent = Option.getOrUndefined(options.parent)
        spans.push({ name: options.name, parent: parent?._tag === "Span" ? parent.name : undefined })
        return new Tracer.NativeSpan(options)
      },
    })
    const a = processWith()
    await a.run(AuthSession.AuthSession.use((s) => s.headers).pipe(Effect.withTracer(tracer)))
    assert.strictEqual(signInPosts(world.sandbox), 1)
    const shared = spans.filter((s) => s.name.startsWith("RedisSessionStore"))
    assert.deepStrictEqual(shared, [{ name: "RedisSessionStore.singleFlight", parent: "AuthSession.get" }])
  })

  it("a waiter polls soon at first (a sign-in takes milliseconds), then less and less often, never slower than every 100 ms", async () => {
    const session = new AuthResponse.AuthResponse({
      apiKey: Redacted.make("api-key-observed"),
      token: Redacted.make("token-observed"),
      operatorId: "OP0012345678",
      expiresAt: DateTime.makeUnsafe(Date.now() + 3_600_000),
    })
    const result = await Effect.runPromise(
      Effect.scoped(
        Effect.gen(function* () {
          // two "processes" with their own connection, the same identity
          const options = {
            url: world.redis.url,
            password: Redacted.make(world.redis.password),
            commandTimeout: 4_000,
          }
          const holder = (yield* RedisSessionStore.makeNode(options))("observed")
          const waiter = (yield* RedisSessionStore.makeNode(options))("observed")
          const release = yield* Deferred.make<void>()
          const started = yield* Deferred.make<void>()
          // the holder's sign-in waits for the test, then saves its session (as AuthSession does)
          const holding = yield* Effect.forkChild(
            holder.singleFlight!(
              Deferred.succeed(started, undefined).pipe(
                Effect.andThen(Deferred.await(release)),
                Effect.andThen(holder.save(session)),
                Effect.as(session),
              ),
              () => Effect.succeed(true),
            ),
          )
          yield* Deferred.await(started)
          // the waiter's Clock records every sleep it asks for; the command timeouts (4 s) go through it too
          const sleeps: Array<number> = []
          const live = yield* Clock.Clock
          const recording: Clock.Clock = {
            currentTimeMillisUnsafe: () => live.currentTimeMillisUnsafe(),
            currentTimeMillis: live.currentTimeMillis,
            currentTimeNanosUnsafe: () => live.currentTimeNanosUnsafe(),
            currentTimeNanos: live.currentTimeNanos,
            monotonicTimeNanosUnsafe: () => live.monotonicTimeNanosUnsafe(),
            monotonicTimeNanos: live.monotonicTimeNanos,
            sleep: (duration) => {
              sleeps.push(Duration.toMillis(duration))
              return live.sleep(duration)
            },
          }
          const polls = () => sleeps.filter((ms) => ms < 4_000)
          const waiting = yield* Effect.forkChild(
            waiter.singleFlight!(Effect.die("the waiter must not sign in itself"), () =>
              Effect.succeed(true),
            ).pipe(Effect.provideService(Clock.Clock, recording)),
          )
          // let it poll a dozen times (or stop at a pause longer than 100 ms, which fails below), then let the
          // holder finish
          while (polls().length < 12 && polls().every((ms) => ms <= 100))
            yield* Effect.sleep(Duration.millis(20))
          yield* Deferred.succeed(release, undefined)
          const found = yield* Fiber.join(waiting)
          yield* Fiber.join(holding)
          return { found, polls: polls() }
        }),
      ),
    )
    assert.strictEqual(Redacted.value(result.found.apiKey), "api-key-observed")
    const { polls } = result
    assert.isBelow(polls[0]!, 50, String(polls))
    for (let i = 1; i < polls.length; i++) assert.isAtLeast(polls[i]!, polls[i - 1]!, String(polls))
    assert.isAtMost(Math.max(...polls), 100, String(polls))
    assert.isAbove(polls.at(-1)!, polls[0]!, String(polls))
  })
})
