/**
 * Hashing and comparing secrets: scrypt for passwords and AuthKey secrets (cost configurable), SHA-256 for
 * high-entropy random tokens (reset tokens, API tokens) so they can be looked up, constant-time comparisons.
 */
import { hash, randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto"

/** A scrypt hash with its parameters, so hashes made at one cost verify at another. */
export interface SecretHash {
  readonly salt: Buffer
  readonly hash: Buffer
  readonly cost: number
}

const keyLength = 32

/** scrypt parameters per cost, made once. */
const paramsByCost = new Map<number, ScryptOptions>()

const paramsOf = (cost: number): ScryptOptions => {
  let params = paramsByCost.get(cost)
  if (params === undefined) {
    const N = 2 ** cost
    params = { N, r: 8, p: 1, maxmem: 256 * N * 8 + 1024 * 1024 }
    paramsByCost.set(cost, params)
  }
  return params
}

/**
 * scrypt with N = 2^cost, r = 8, p = 1, always on the libuv thread pool: even at cost 1 a synchronous scrypt
 * (OpenSSL set-up included) was the largest single cost of a sign-in on the event loop; off the loop, the loop
 * serves other requests meanwhile.
 */
const derive = (secret: string, salt: Buffer, cost: number): Promise<Buffer> => {
  const params = paramsOf(cost)
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, keyLength, params, (error, key) => (error ? reject(error) : resolve(key)))
  })
}

export const hashSecret = async (secret: string, cost: number): Promise<SecretHash> => {
  const salt = randomBytes(16)
  return { salt, hash: await derive(secret, salt, cost), cost }
}

export const verifySecret = async (secret: string, stored: SecretHash): Promise<boolean> =>
  timingSafeEqual(await derive(secret, stored.salt, stored.cost), stored.hash)

/** A hash to burn the same time when the identity is unknown, so timing does not reveal which identities exist. */
export const dummyHash = (cost: number): Promise<SecretHash> =>
  hashSecret(randomBytes(16).toString("hex"), cost)

export const sha256 = (value: string): Buffer => hash("sha256", value, "buffer")

export const sha256Hex = (value: string): string => hash("sha256", value, "hex")

export const sameBytes = (a: Buffer, b: Buffer): boolean => a.length === b.length && timingSafeEqual(a, b)

/** `bytes` random bytes as base64url (32 → 256 bits). */
export const randomToken = (bytes = 32): string => randomBytes(bytes).toString("base64url")
