/**
 * Core's `POST /auth` over an in-memory `fetch` (no socket, no server): what the CPU-per-call benches
 * (`../transport-overhead.ts`, `../ky-adapter.ts`) send through each layer, so every layer sees the same request.
 */
import * as Effect from "effect/Effect"
import * as HttpClient from "effect/http/HttpClient"
import * as HttpClientRequest from "effect/http/HttpClientRequest"
import type * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"

const answer = JSON.stringify({ apiKey: "api-key", token: "token", operatorId: "OP0012345678" })

/** Reads the request's body, as a server would, and answers SORACOM's success body. */
export const memoryFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
  const request = new Request(input, init)
  if (request.body !== null) await request.arrayBuffer()
  return new Response(answer, { status: 200, headers: { "content-type": "application/json" } })
}) as typeof fetch

export const url = "http://127.0.0.1:9/v1/auth"
/** The body and headers core sends for an AuthKey sign-in. */
export const body = JSON.stringify({ authKeyId: "keyId-1", authKey: "secret-1", tokenTimeoutSeconds: 86400 })
export const headers = {
  accept: "application/json",
  "x-soracom-lang": "en",
  "content-type": "application/json",
}

const clientRequest = HttpClientRequest.post(url).pipe(
  HttpClientRequest.setHeaders(headers),
  HttpClientRequest.bodyText(body, "application/json"),
)

/** The request sent through an Effect `HttpClient` alone (no client span), body read. */
export const viaClient = (layer: Layer.Layer<HttpClient.HttpClient, unknown>) => {
  const runtime = ManagedRuntime.make(layer)
  const effect = Effect.flatMap(HttpClient.execute(clientRequest), (r) => r.text).pipe(
    Effect.provideService(HttpClient.TracerDisabledWhen, () => true),
  )
  return () => runtime.runPromise(effect)
}
