/**
 * The app's words, in one catalog: labels, statuses and the error table's sentences, for both front ends.
 * English here, Japanese in `messages-ja.ts` (typed `Messages`, so a missing key is a type error); the process
 * picks one at start (`chooseLanguage`) and `messages` is that catalog, so no screen or command holds a sentence of
 * its own for what is listed here.
 */
import type { Errors } from "@soracom-auth/core"
import type { Language } from "../environment.ts"
import type { Method } from "../session/method.ts"
import * as ProcessLanguage from "./language.ts"
import { ja } from "./messages-ja.ts"

const en = {
  method: {
    authKey: "AuthKey",
    root: "Root user",
    samUser: "SAM user",
  } satisfies Record<Method, string>,
  server: {
    soracom: "SORACOM",
    other: (host: string) => `the API at ${host}`,
    soracomAt: (url: string) => `SORACOM at ${url}`,
  },
  error: {
    invalidRequest: { next: "Correct it and try again." },
    authFailed: {
      title: (server: string) => `${server} did not accept the credentials.`,
      nextAuthKey: "Check the AuthKey ID and secret, then try again.",
      nextWithMfa: "Check the password and the MFA code (a code is valid for 30 seconds), then try again.",
      nextMaybeMfa: "Check them and try again, or add an MFA code if the account uses MFA.",
      nextMaybeMfaCli: "Check them, add --mfa-code if the account uses MFA, then try again.",
      nextSession: "Sign in again.",
    },
    invalidEmail: {
      title: (server: string) => `${server} did not accept that email address.`,
      next: "Check it and try again.",
    },
    invalidToken: {
      title: "That password reset token is not valid.",
      next: "Request a new one.",
      nextCli: "Request a new one with `soracom-auth reset-password request`.",
    },
    tokenExpired: {
      title: "That password reset token has expired.",
      next: "Request a new one.",
      nextCli: "Request a new one with `soracom-auth reset-password request`.",
    },
    rateLimited: {
      title: (server: string) => `${server} is limiting requests from this address (too many attempts).`,
      nextUnknown: "Wait a minute, then try again.",
      nextAt: (clock: string, seconds: number) => `Try again after ${clock}, in ${seconds} s.`,
    },
    serverError: {
      title: (server: string, status: number) => `${server} had a problem on its side: HTTP ${status}.`,
      next: "Try again in a moment.",
    },
    transport: {
      title: (where: string, why: string) => `Could not reach ${where}: ${why}.`,
      why: {
        ConnectionRefused: "the connection was refused",
        ConnectionReset: "the connection was reset",
        DnsFailure: "the host name could not be resolved",
        Timeout: "it did not answer in time",
        Aborted: "the request was aborted",
        NotBuilt: "the request could not be built",
        Unknown: "no response arrived",
      } satisfies Record<Errors.TransportReason, string>,
      next: "Check the network and the endpoint, then try again or choose another endpoint.",
      nextCli: "Check the endpoint (--endpoint, SORACOM_ENDPOINT) and the network, then try again.",
    },
    unexpected: {
      title: (server: string, status: number, detail: string) =>
        `${server} answered with something this app does not understand: HTTP ${status}, ${detail}.`,
      next: "Try again; if it keeps happening, run the command with --verbose and report the trace.",
    },
    switchUserNotAllowed: {
      title: (server: string) => `${server} does not allow switching to that user.`,
      next: "The target user's trust policy must list the user you signed in as; choose another user or ask its administrator.",
    },
    renewalRefused: {
      title: (server: string) => `${server} refused to renew the session.`,
      next: "Sign in again with `soracom-auth login`.",
    },
    profileTooOpen: { next: (path: string) => `Fix it with: chmod 600 '${path}'` },
    profileCommand: {
      next: "Run the command yourself: it must print a profile JSON (e.g. authKeyId and authKey) and exit 0.",
    },
    sourceProfile: {
      next: "A switch profile names a source profile with its own credentials, plus the operatorId and username to switch to.",
    },
    profileNotFound: {
      title: (name: string, path: string) => `There is no profile "${name}" at ${path}.`,
      next: (name: string) =>
        `Save one with \`soracom-auth login --save ${name}\`, or choose another profile.`,
    },
    invalidProfileName: {
      title: (name: string) => `"${name}" is not a valid profile name.`,
      next: "Use letters, digits, '.', '_' and '-', at most 64 characters.",
    },
    profileFile: {
      title: (operation: string, path: string, reason: string) =>
        `Could not ${operation} ${path}: ${reason}.`,
      next: "Check the profile folder (permissions, free space), then try again.",
    },
    usage: { nextFlags: "Run with --help to see the flags." },
    notSignedIn: {
      title: (profile: string) => `Not signed in (profile "${profile}").`,
      titleExpired: (profile: string, at: string) => `The session of profile "${profile}" expired at ${at}.`,
      titleRevoked: (profile: string) => `The server no longer accepts the session of profile "${profile}".`,
      next: "Sign in with `soracom-auth login`, or store credentials in the profile with `login --save`.",
    },
    cancelled: { title: "Cancelled." },
    inputFile: { title: (path: string, reason: string) => `Could not read ${path}: ${reason}.` },
    unknown: {
      title: (detail: string) => `Something unexpected went wrong: ${detail}`,
      next: "Try again; if it keeps happening, report it with the command you ran.",
    },
  },
}

/** The catalog's shape: what every language provides. @category models */
export type Messages = typeof en

/** @category constants */
export const catalogs: Readonly<Record<Language, Messages>> = { en, ja }

/** The catalog for a language. @category getters */
export const messagesFor = (language: Language): Messages => catalogs[language]

/** This process's catalog (a live binding: `chooseLanguage` switches it). @category state */
export let messages: Messages = en

/**
 * Switches the process to a language: the catalog (`messages`) and the formatters (dates, durations). Called
 * where the language is resolved — the CLI's start (`--lang` included) and the app's mount.
 *
 * @category state
 */
export const chooseLanguage = (language: Language): void => {
  ProcessLanguage.set(language)
  messages = messagesFor(language)
}
