/**
 * A SORACOM session shared through Redis, so a fleet of processes (pods, workers, CI jobs) signs in once:
 * core's `AuthSession.Store` with distributed single-flight. The session of an identity (endpoint + who signs in) lives
 * under one key whose TTL is its remaining lifetime; before signing in, a process takes a lock (`SET NX PX`, a
 * random token, released by compare-and-delete in Lua) and the others poll for the session it saves. A holder that
 * dies loses the lock at its expiry; nobody waits longer than `maxWait`. Redis down, slow or refusing the password
 * never stops a sign-in: the store steps aside (one warning), AuthSession's in-process single-flight goes on, and
 * Redis is tried again after `retryAfter`.
 *
 * @since 0.1.0
 */
import { createHash, randomUUID } from "node:crypto"
import { hostname } from "node:os"
import * as NodeRedis from "@effect/platform-node/NodeRedis"
import { AuthResponse, AuthSession } from "@soracom-auth/core"
import {
  Clock,
  Context,
  DateTime,
  Duration,
  Effect,
  Exit,
  Fiber,
  Layer,
  Option,
  Redacted,
  References,
  Schema,
  Scope,
  Semaphore,
} from "effect"
import { Redis } from "effect/persistence"
import type { RedisClientOptions } from "redis"

/**
 * Options of the store. Every one has a default.
 *
 * @category models
 * @since 0.1.0
 */
export interface Options {
  /**
   * Key prefix. The session of an identity is `<key>:<sha-256 of the identity>` (no e-mail address or key id in
   * key names), its lock that key + `:lock`. Default `soracom-auth:session`.
   */
  readonly key?: string | undefined
  /**
   * The lock's lifetime: a holder extends it every third of it while its sign-in runs, so a holder that dies frees
   * it within this. Default 5 s.
   */
  readonly lockTtl?: Duration.Input | undefined
  /** The longest a process waits for another's sign-in before signing in itself. Default 30 s. */
  readonly maxWait?: Duration.Input | undefined
  /** A Redis command slower than this counts as Redis being unavailable. Default 1 s. */
  readonly commandTimeout?: Duration.Input | undefined
  /** After Redis failed, sign in without it for this long before trying it again. Default 5 s. */
  readonly retryAfter?: Duration.Input | undefined
}

/**
 * Options of {@link layerNode}: where Redis is, and how to reach it.
 *
 * @category models
 * @since 0.1.0
 */
export interface NodeOptions extends Options {
  /** `redis://host:port[/db]`, or `rediss://…` for TLS. Prefer `password` over a password inside the URL. */
  readonly url: string
  /** ACL user (Redis 6+); default the `default` user. */
  readonly username?: string | undefined
  readonly password?: Redacted.Redacted<string> | undefined
  /** More node-redis client options (e.g. `socket: { tls: true, ca }`), passed as they are. */
  readonly client?: Omit<RedisClientOptions, "url" | "username" | "password"> | undefined
  /**
   * Fail the layer with {@link RedisStoreUnavailable} when Redis cannot be reached (or refuses the credentials)
   * at start. Default `false`: start without Redis, warn once, and try again later.
   */
  readonly strict?: boolean | undefined
}

/**
 * Redis could not be reached, or refused the credentials, when a `strict` layer was built. The message is one
 * line and never holds the password.
 *
 * @category errors
 * @since 0.1.0
 */
export class RedisStoreUnavailable extends Schema.TaggedError<RedisStoreUnavailable>()(
  "RedisStoreUnavailable",
  { reason: Schema.String },
) {
  override get message(): string {
    return `The Redis session store is unavailable: ${this.reason}`
  }
}

const defaults = {
  key: "soracom-auth:session",
  lockTtl: Duration.seconds(5),
  maxWait: Duration.seconds(30),
  commandTimeout: Duration.seconds(1),
  retryAfter: Duration.seconds(5),
}

const millis = (input: Duration.Input | undefined, fallback: Duration.Duration): number =>
  Duration.toMillis(input === undefined ? fallback : Duration.fromInputUnsafe(input))

/** Compare-and-delete: only the holder's token frees the lock. */
const release = Redis.script((lock: string, token: string) => [lock, token], {
  lua: 'if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("DEL", KEYS[1]) else return 0 end',
  numberOfKeys: 1,
}).withReturnType<number>()

/** Compare-and-extend: the holder keeps its lock alive while its sign-in runs. */
const extend = Redis.script((lock: string, token: string, ttl: number) => [lock, token, String(ttl)], {
  lua: 'if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("PEXPIRE", KEYS[1], ARGV[2]) else return 0 end',
  numberOfKeys: 1,
}).withReturnType<number>()

const encode = Schema.encodeSync(Schema.fromJsonString(AuthResponse.Json))
const decode = Schema.decodeUnknownOption(Schema.fromJsonString(AuthResponse.Json))

/** One line about why Redis failed, without `secrets` (e.g. the password, should an error echo it). */
const describe = (cause: unknown, secrets: ReadonlyArray<string>): string => {
  const inner = Schema.is(Redis.RedisError)(cause) ? cause.cause : cause
  const text =
    inner instanceof Error
      ? `${inner.message || inner.name}`
      : typeof inner === "object" && inner !== null && "_tag" in inner
        ? String(inner._tag)
        : String(inner)
  let line = (text.split("\n") as [string, ...Array<string>])[0].slice(0, 200) // split answers ≥ 1 element
  for (const s of secrets) if (s.length > 0) line = line.split(s).join("***")
  return line
}

/** Polls start often (a sign-in on loopback takes milliseconds) and back off to this. */
const maxPollMillis = 100

/**
 * Builds the stores (one per identity, sharing one Redis connection and one view of its health) over a way to get
 * the `Redis` service — which may fail while Redis is unreachable.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (
  connect: Effect.Effect<Redis.Redis["Service"], Redis.RedisError>,
  options: Options = {},
): ((identity: string) => AuthSession.Store) => stores(connect, options, []).storeFor

/** The stores, and a ping that connects (and warns) ahead of the first sign-in. */
const stores = (
  connect: Effect.Effect<Redis.Redis["Service"], Redis.RedisError>,
  options: Options,
  secrets: ReadonlyArray<string>,
) => {
  const prefix = options.key ?? defaults.key
  const lockTtl = millis(options.lockTtl, defaults.lockTtl)
  const maxWait = millis(options.maxWait, defaults.maxWait)
  const commandTimeout = millis(options.commandTimeout, defaults.commandTimeout)
  const retryAfter = millis(options.retryAfter, defaults.retryAfter)
  // Whose lock it is, for whoever looks at Redis (and the kill -9 test); the UUID makes it unguessable.
  const owner = `${hostname()}:${process.pid}`

  const health = { downUntil: 0, warned: false }

  /** Runs `f` on Redis; None while Redis is considered down, or when this call fails (which marks it down). */
  const use = <A>(f: (redis: Redis.Redis["Service"]) => Effect.Effect<A, Redis.RedisError>) =>
    Effect.gen(function* () {
      const now = yield* Clock.currentTimeMillis
      if (now < health.downUntil) return Option.none<A>()
      const result = yield* connect.pipe(
        Effect.timeout(commandTimeout * 5),
        Effect.flatMap((redis) => Effect.timeout(f(redis), commandTimeout)),
        Effect.result,
      )
      if (result._tag === "Success") {
        if (health.warned) {
          health.warned = false
          yield* Effect.logInfo("Redis session store available again: sessions are shared")
        }
        return Option.some(result.success)
      }
      health.downUntil = (yield* Clock.currentTimeMillis) + retryAfter
      if (!health.warned) {
        health.warned = true
        const detail = describe(result.failure, secrets)
        // annotated, for an app that words the warning itself
        yield* Effect.logWarning(
          `Redis session store unavailable (${detail}): signing in without sharing, trying Redis again in ${retryAfter} ms`,
        ).pipe(Effect.annotateLogs({ redisStore: "unavailable", detail, retryAfterMillis: retryAfter }))
      }
      return Option.none<A>()
    })

  const storeFor = (identity: string): AuthSession.Store => {
    const key = `${prefix}:${createHash("sha256").update(identity).digest("hex")}`
    const lock = `${key}:lock`

    const load: Effect.Effect<Option.Option<AuthResponse.AuthResponse>> = use((redis) =>
      redis.send<string | null>("GET", key),
    ).pipe(
      Effect.map((reply) => Option.flatMap(reply, (raw) => (raw === null ? Option.none() : decode(raw)))),
    )

    const save = (session: AuthResponse.AuthResponse) =>
      Effect.gen(function* () {
        const ttl = DateTime.toEpochMillis(session.expiresAt) - (yield* Clock.currentTimeMillis)
        if (ttl <= 0) return
        yield* use((redis) => redis.send("SET", key, encode(session), "PX", String(ttl)))
      })

    const clear = Effect.asVoid(use((redis) => redis.send("DEL", key)))

    const singleFlight = <E>(
      refresh: Effect.Effect<AuthResponse.AuthResponse, E>,
      isFresh: (session: AuthResponse.AuthResponse) => Effect.Effect<boolean>,
    ): Effect.Effect<AuthResponse.AuthResponse, E> =>
      Effect.gen(function* () {
        const freshStored = Effect.flatMap(load, (stored) =>
          Option.isSome(stored)
            ? Effect.map(isFresh(stored.value), (ok) => (ok ? stored : Option.none()))
            : Effect.succeedNone,
        )
        const deadline = (yield* Clock.currentTimeMillis) + maxWait
        let poll = 5
        while (true) {
          const found = yield* freshStored
          if (Option.isSome(found)) return found.value
          const token = `${owner}:${randomUUID()}`
          const taken = yield* use((redis) =>
            redis.send<string | null>("SET", lock, token, "NX", "PX", String(lockTtl)),
          )
          // Redis unreachable: in-process single-flight only (AuthSession's).
          if (Option.isNone(taken)) return yield* refresh
          if (taken.value !== null) {
            const freed = use((redis) => redis.eval(release)(lock, token))
            const keepAlive = Effect.sleep(Duration.millis(lockTtl / 3)).pipe(
              Effect.andThen(use((redis) => redis.eval(extend)(lock, token, lockTtl))),
              Effect.forever,
            )
            return yield* Effect.gen(function* () {
              // Another may have saved between our GET and our SET.
              const again = yield* freshStored
              if (Option.isSome(again)) return again.value
              const extending = yield* Effect.forkChild(keepAlive)
              return yield* refresh.pipe(Effect.ensuring(Fiber.interrupt(extending)))
            }).pipe(Effect.ensuring(freed))
          }
          if ((yield* Clock.currentTimeMillis) >= deadline) {
            yield* Effect.logWarning(
              `Redis session store: waited ${maxWait} ms for another process's sign-in; signing in here`,
            ).pipe(Effect.annotateLogs({ redisStore: "waited", waitedMillis: maxWait }))
            return yield* refresh
          }
          yield* Effect.sleep(Duration.millis(poll))
          poll = Math.min(poll * 2, maxPollMillis)
        }
      }).pipe(Effect.withSpan("RedisSessionStore.singleFlight"))

    return { load, save, clear, singleFlight }
  }

  return { storeFor, ping: Effect.asVoid(use((redis) => redis.send("PING"))) }
}

/**
 * The shared store over the `Redis` service in context (e.g. `NodeRedis.layer`): provides core's
 * `AuthSession.SharedStore`, so every `AuthSession` built with it shares its session through Redis. A failing
 * command makes the store step aside (see the module doc); how the connection itself reconnects and logs is the
 * provided layer's.
 *
 * @category layers
 * @since 0.1.0
 */
export const layer = (options: Options = {}): Layer.Layer<never, never, Redis.Redis> =>
  Layer.effect(
    AuthSession.SharedStore,
    Effect.map(
      Redis.Redis.useSync((redis) => redis),
      (redis) => make(Effect.succeed(redis), options),
    ),
  )

/**
 * The shared store on its own node-redis connection (Effect's `NodeRedis`). Redis unreachable at start (or
 * refusing the credentials) is not an error unless `strict`: the store warns once, steps aside, and connects on a
 * later sign-in. Once connected, node-redis reconnects by itself; commands fail fast while it does (no offline
 * queue), and its own per-attempt error logs are kept below this store's one warning.
 *
 * @category layers
 * @since 0.1.0
 */
export const layerNode = (options: NodeOptions): Layer.Layer<never, RedisStoreUnavailable> =>
  Layer.effect(AuthSession.SharedStore, makeNode(options))

/**
 * The stores (one per identity) on their own node-redis connection, closed with the scope: what
 * {@link layerNode} provides, for code that wires it by hand (e.g. the Promise `redisStore`).
 *
 * @category constructors
 * @since 0.1.0
 */
export const makeNode = (
  options: NodeOptions,
): Effect.Effect<(identity: string) => AuthSession.Store, RedisStoreUnavailable, Scope.Scope> =>
  Effect.gen(function* () {
    const scope = yield* Effect.scope
    const secrets = [
      ...(options.password === undefined ? [] : [Redacted.value(options.password)]),
      ...passwordInUrl(options.url),
    ]
    let connected = false
    const socket = options.client?.socket
    const nodeLayer = NodeRedis.layer({
      ...options.client,
      url: options.url,
      ...(options.username === undefined ? {} : { username: options.username }),
      ...(options.password === undefined ? {} : { password: Redacted.value(options.password) }),
      disableOfflineQueue: true,
      socket: {
        connectTimeout: millis(options.commandTimeout, defaults.commandTimeout) * 5,
        ...socket,
        // The first connection fails fast (the store retries it); once up, reconnect forever with backoff.
        reconnectStrategy: (retries: number, cause: Error) =>
          connected ? Math.min(2 ** retries * 50, 2000) + Math.floor(Math.random() * 200) : cause,
      } as NonNullable<RedisClientOptions["socket"]>,
    })
    let redis: Redis.Redis["Service"] | undefined
    const lock = yield* Semaphore.make(1)
    const connect = Effect.suspend(() => {
      if (redis !== undefined) return Effect.succeed(redis)
      return lock.withPermits(1)(
        Effect.suspend(() => {
          if (redis !== undefined) return Effect.succeed(redis)
          return Effect.gen(function* () {
            const attempt = yield* Scope.fork(scope)
            const context = yield* Layer.buildWithScope(nodeLayer, attempt).pipe(
              Effect.provideService(References.MinimumLogLevel, "Error"),
              // node-redis throws on a URL it cannot parse: Redis unavailable like any other, not a crash
              Effect.catchDefect((cause) => Effect.fail(new Redis.RedisError({ cause }))),
              Effect.onError((cause) => Scope.close(attempt, Exit.failCause(cause))),
            )
            connected = true
            redis = Context.get(context, Redis.Redis)
            return redis
          })
        }),
      )
    })
    if (options.strict === true) {
      yield* connect.pipe(
        Effect.timeout(millis(options.commandTimeout, defaults.commandTimeout) * 5),
        Effect.mapError((cause) => new RedisStoreUnavailable({ reason: describe(cause, secrets) })),
      )
    }
    const { storeFor, ping } = stores(connect, options, secrets)
    // Connect now (and warn now if Redis is unavailable) rather than on the first sign-in.
    if (options.strict !== true) yield* ping
    return storeFor
  })

const passwordInUrl = (url: string): ReadonlyArray<string> => {
  try {
    const password = decodeURIComponent(new URL(url).password)
    return password === "" ? [] : [password]
  } catch {
    return []
  }
}
