/**
 * `SORACOM_SESSION_STORE=redis://…`: the session shared between processes (parallel CI jobs sign in once) through
 * `@soracom-auth/session-redis`, loaded only when the variable is set. Redis down or refusing the password is not
 * an error: the store warns once on stderr and the command signs in on its own (the library's default).
 */
import { Effect, Layer } from "effect"
import * as Environment from "../environment.ts"
import { UsageError } from "./errors.ts"

/** core's `AuthSession.SharedStore` over Redis when `SORACOM_SESSION_STORE` is set, else nothing. @category layers */
export const sharedStoreLayer = (env: Environment.Env): Layer.Layer<never, UsageError> => {
  const config = Environment.sessionStore(env)
  if (config === undefined) return Layer.empty
  if (config === "Invalid") {
    return Layer.effectDiscard(Effect.fail(UsageError.of((m) => m.error.sessionStoreInvalid.title)))
  }
  return Layer.unwrap(
    Effect.map(
      Effect.promise(() => import("@soracom-auth/session-redis")),
      ({ RedisSessionStore }) => RedisSessionStore.layerNode(config).pipe(Layer.orDie),
    ),
  )
}
