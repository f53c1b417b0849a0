/**
 * The app's words, in one catalog: labels, statuses and the error table's sentences, for both front ends.
 * English here, Japanese in `messages-ja.ts` (typed `Messages`, so a missing key is a type error); the process
 * picks one at start (`chooseLanguage`) and `messages` is that catalog, so no screen or command holds a sentence of
 * its own for what is listed here.
 */
import { Errors, Fields } from "@soracom-auth/core"
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
  ui: {
    key: {
      move: "move",
      choose: "choose",
      submit: "continue",
      back: "back",
      cancel: "cancel",
      quit: "quit",
      exit: "exit",
      home: "home",
      overwrite: "overwrite",
      chooseAnotherName: "choose another name",
    },
    sandboxBadge: "sandbox",
    sandbox: {
      stop: "Press Ctrl+C to stop.",
    },
    /** The demo credentials box: whose each credential is, and the MFA user's current code. */
    demo: {
      title: (url: string) => `Demo: an embedded SORACOM Auth API sandbox at ${url} — not SORACOM.`,
      root: (operatorId: string, email: string, password: string) =>
        `Root user (${operatorId}): ${email} / ${password}`,
      rootAuthKey: (authKeyId: string) => `AuthKey of the root user: ${authKeyId}`,
      samUser: (operatorId: string, userName: string, password: string) =>
        `SAM user ${userName} (${operatorId}): password ${password}`,
      samUserAuthKey: (userName: string, authKeyId: string) =>
        `AuthKey of SAM user ${userName}: ${authKeyId}`,
      mfaCode: (userName: string, code: string) =>
        `MFA code of ${userName} now: ${code} (a new one every 30 s)`,
      onSignIn: "Each method's credentials are shown as you sign in.",
    },
    endpointLabel: {
      demo: "Embedded sandbox (demo)",
      given: "Given endpoint",
      profile: "Profile endpoint",
      sandbox: (coverage: string) => `SORACOM API sandbox (${coverage})`,
      jp: "Japan coverage (jp)",
      g: "Global coverage (g)",
    },
    backHome: "Back to home",
    tryAgain: "Try again",
    back: "Back",
    loading: "Loading…",
    needsTerminal:
      "soracom-auth: the interactive app needs a terminal. Use `soracom-auth login --help` " +
      "(secrets from --auth-key-stdin / --password-stdin or SORACOM_AUTH_KEY_ID + SORACOM_AUTH_KEY).",
    signInAction: "Sign in",
    endpoint: "Endpoint",
    /** A notice when a running step was stopped with Esc. */
    cancelled: "Cancelled.",
    home: {
      signedInAs: "Signed in as",
      liveProfiles: (list: string) => `Signed in with profiles: ${list}`,
      liveProfile: (name: string, left: string) => `${name} (${left} left)`,
      expiresIn: (duration: string) => `expires in ${duration}`,
      expired: "expired",
      current: { label: "Current sign-in", hint: "Details, save as profile, sign out" },
      signIn: { label: "Sign in", hint: "With an AuthKey, a root user email and password, or a SAM user" },
      signInAgain: "Sign in again",
      resetPassword: { label: "Reset password", hint: "Get a reset token by email, then set a new password" },
      profiles: { label: "Profiles", hint: "Sign in with, save or delete soracom-cli profiles" },
      quit: "Quit",
    },
    field: {
      authKeyId: "AuthKey ID",
      authKey: "AuthKey secret",
      email: "Email",
      password: "Password",
      operatorId: "Operator ID",
      userName: "User name",
      mfaOtpCode: "MFA code",
      tokenTimeoutSeconds: "Token lifetime (seconds)",
      token: "Reset token",
    } satisfies Record<Fields.FieldName, string>,
    methodItem: {
      authKey: {
        label: "AuthKey (recommended)",
        hint: "An AuthKey ID and secret — scoped, revocable, best for tools and scripts",
      },
      root: {
        label: "Root user (email + password)",
        hint: "The account owner's email address and password, with an MFA code if enabled",
      },
      samUser: {
        label: "SAM user",
        hint: "The operator ID, a SAM user name and that user's password, with an MFA code if enabled",
      },
    } satisfies Record<Method, { label: string; hint: string }>,
    signIn: {
      title: "Sign in",
      method: "Method",
      hidden: "entered (hidden)",
      mfaCode: "MFA code",
      mfaNone: "none",
      mfaEntered: "entered",
      tokenLifetime: "Token lifetime",
      howToSignIn: "How do you want to sign in?",
      mfaPlaceholder: "leave empty if MFA is off",
      mfaHint: "6 digits from your authenticator app. Used once, never saved.",
      changeLifetime: { label: "Change the token lifetime", hint: "From 3 minutes to 48 hours" },
      changeEndpoint: { label: "Change the endpoint", hint: "Japan (jp), global (g) or a sandbox" },
      addMfa: "Add an MFA code",
      changeMfa: "Change the MFA code",
      custom: "Custom…",
      customHint: (min: number, max: number) => `Any whole number of seconds from ${min} to ${max}`,
      howLong: "How long should the token stay valid?",
      customFieldHint: (min: number, max: number) => `From ${min} (3 minutes) to ${max} (48 hours).`,
      where: "Where do you want to sign in?",
      sandboxHint: "A sandbox: not your production account",
      submitting: (endpoint: string) => `Signing in to ${endpoint}…`,
      chooseAnotherEndpoint: "Choose another endpoint",
      lifetimeDefault: "(default)",
      lifetimeMaximum: "(the maximum)",
      preselected: (profile: string) => `Preselected from profile "${profile}".`,
      fromEnvironment: "AuthKey from SORACOM_AUTH_KEY_ID and SORACOM_AUTH_KEY.",
      idFromEnvironment: "AuthKey ID from SORACOM_AUTH_KEY_ID.",
      cancelled: "Sign-in cancelled.",
    },
    profiles: {
      title: "Profiles",
      directory: (dir: string) => `Profile directory: ${dir} (shared with soracom-cli)`,
      reading: "Reading profiles…",
      none: 'No profiles yet. Sign in, then choose "Save as profile…".',
      cannotRead: "cannot be read",
      incomplete: "no complete credentials",
      live: (left: string) => `signed in, ${left} left`,
      saveCurrent: "Save the current sign-in as a profile…",
      profile: (name: string) => `Profile "${name}"`,
      credentials: "Credentials",
      tokenLifetime: "Token lifetime",
      signIn: "Sign in with this profile",
      signInMfa: "Sign in with an MFA code",
      edit: { label: "Open in the sign-in form", hint: "Change the method, lifetime or endpoint" },
      delete: "Delete…",
      keyDelete: "delete",
      keyKeep: "keep",
      confirmDelete: (name: string, path: string) => `Delete profile "${name}"? This removes ${path}.`,
      deleting: (name: string) => `Deleting profile "${name}"…`,
      signingIn: (name: string) => `Signing in with profile "${name}"…`,
      readingOne: (name: string) => `Reading profile "${name}"…`,
      deleted: (name: string) => `Deleted profile "${name}".`,
      incompleteError: (name: string) =>
        `Profile "${name}" holds no complete credentials; open it in the sign-in form.`,
    },
    resetPassword: {
      title: "Reset password",
      requestNew: "Request a new token",
      enterTokenAgain: "Enter the token again",
      outboxDemo: (outbox: string) =>
        `This is the embedded sandbox: no mail is sent. Read the token at ${outbox}`,
      outboxCustom: (outbox: string) =>
        `If this is a soracom-auth sandbox, the token is in its outbox: ${outbox}`,
      sentTo: (email: string) => `A reset token was sent to ${email}.`,
      emailHint: "The root user's email address; SORACOM mails a reset token to it.",
      requesting: (email: string) => `Requesting a reset token for ${email}…`,
      tokenHint: "Paste the token from the email.",
      newPassword: "New password",
      newPasswordAgain: "New password again",
      verifying: "Setting the new password…",
      mismatch: "The two passwords do not match. Type the new password again.",
      done: "Your password was changed. Sign in with the new one.",
    },
    signedIn: {
      title: "Signed in",
      done: { label: "Done", hint: "Back to the home screen" },
      save: {
        label: "Save as profile…",
        hint: "A soracom-cli profile with these credentials (file mode 0600)",
      },
      exports: {
        label: "Quit and print shell exports",
        hint: "Prints SORACOM_API_KEY=… SORACOM_TOKEN=… to stdout after the app closes",
      },
      signOut: { label: "Sign out", hint: "Revokes this API key and token on the server" },
      operatorId: "Operator ID",
      userName: "User name",
      method: "Method",
      apiKey: "API key",
      profile: "Profile",
      tokenExpires: "Token expires",
      expiresIn: (duration: string) => `in ${duration}`,
      expired: "(expired — sign in again)",
      profileName: "Profile name",
      profileNameHint: "Letters, digits, '.', '_' and '-'. soracom-cli uses it with --profile.",
      overwrite: (name: string) => `A profile named "${name}" exists. Overwrite it?`,
      saving: (name: string) => `Saving profile "${name}"…`,
      signingOut: "Signing out…",
      signOutFailed: "Could not sign out.",
      forget: { label: "Forget this sign-in here anyway", hint: "The token stays valid until it expires" },
      switchUser: {
        label: "Switch user…",
        hint: "A session of another SAM user whose trust policy lists you (at most 1 h)",
      },
      switchOperatorId: "Operator ID to switch to",
      switchUserName: "SAM user name to switch to",
      switchRequired: "Required.",
      switching: (operatorId: string, userName: string) => `Switching to ${operatorId} / ${userName}…`,
      switched: (operatorId: string, userName: string) => `Switched to ${operatorId} / ${userName}.`,
      switchFailed: "Could not switch user.",
      nameRequired: "The profile name is required.",
      savedAs: (name: string, dir: string) => `Saved as profile "${name}" in ${dir}.`,
      saveFailed: (detail: string) => `Could not save the profile. ${detail}`,
      signedOut: "Signed out: the server revoked the API key and token.",
      forgotten: "Forgotten here; the token stays valid on the server until it expires.",
      signedOutLocally: "Signed out here; the server no longer accepted this session (expired or revoked).",
    },
  },
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
    profileTooOpen: {
      // soracom-cli's own sentences for a file, so users searching them find the same advice.
      title: (path: string, mode: string, folder: boolean) =>
        folder
          ? `The folder '${path}' which holds your credentials may be written by others (mode ${mode}).`
          : `Permissions for the file '${path}' which contains your credentials are too open.\n` +
            "It is required that your credential files are NOT accessible by others.",
      next: (path: string, folder: boolean) => `Fix it with: chmod ${folder ? "700" : "600"} '${path}'`,
    },
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
    sessionStoreInvalid: {
      // The value is never repeated: it may hold a password.
      title: "SORACOM_SESSION_STORE must be a redis:// or rediss:// URL.",
    },
    cancelled: { title: "Cancelled." },
    inputFile: { title: (path: string, reason: string) => `Could not read ${path}: ${reason}.` },
    unknown: {
      title: (detail: string) => `Something unexpected went wrong: ${detail}`,
      next: "Try again; if it keeps happening, report it with the command you ran.",
    },
  },
  cli: {
    /** effect/cli's help layout, its headings in the catalog (see cli/help.ts). */
    help: {
      description: "DESCRIPTION",
      usage: "USAGE",
      arguments: "ARGUMENTS",
      flags: "FLAGS",
      inheritedFlags: "INHERITED FLAGS",
      globalFlags: "GLOBAL FLAGS",
      subcommands: "SUBCOMMANDS",
      examples: "EXAMPLES",
      optional: "(optional)",
      choices: (choices: string) => `(choices: ${choices})`,
      usageWords: { subcommand: "<subcommand>", flags: "[flags]" },
      type: { string: "string", integer: "integer", choice: "choice", boolean: "boolean" },
    },
    /** The global flags, effect/cli's built-ins (help, version) included: described by name. */
    globalFlag: {
      help: "Show help information",
      version: "Show version information",
      json: "Machine-readable output: data and errors as JSON on stdout",
      verbose: "Trace HTTP exchanges on stderr (secrets redacted)",
      "no-input": "Never prompt or open the interactive app",
      lang: "Message language (default: SORACOM_LANG, else LC_ALL / LC_MESSAGES / LANG)",
    },
    flag: {
      profile: 'Profile name (default: SORACOM_PROFILE, else "default")',
      coverage: "SORACOM coverage: jp (api.soracom.io) or g (g.api.soracom.io)",
      endpoint: "API base URL, e.g. http://127.0.0.1:8080 (overrides SORACOM_ENDPOINT and --coverage)",
      profileCommand:
        "Run CMD for the credentials: it prints a profile JSON (may carry mfaOTPCode). No shell unless CMD has shell syntax; 10 s, 64 KiB",
      tokenTimeout: (minimum: number) =>
        `Token lifetime: seconds or a duration such as 2h, 90m, 1h30m (${minimum} s … 48h, default 24h)`,
    },
    root: {
      description:
        "Sign in to the SORACOM API and manage operator passwords. Without a command, opens the interactive app.",
      example: {
        app: "The interactive app (on a terminal)",
        eval: 'The app; "Quit and print shell exports" sets the variables',
        demo: "The app against an embedded sandbox, nothing to set up",
      },
    },
    login: {
      description:
        "Sign in and cache the session for the profile. Credentials from flags, SORACOM_AUTH_KEY_ID + SORACOM_AUTH_KEY, or the profile; without any, opens the app on a terminal (never with --no-input or --json)",
      flag: {
        authKeyId: "AuthKey ID (keyId-…)",
        authKeyStdin: "Read the AuthKey secret from stdin",
        authKeyFile: "Read the AuthKey secret from FILE",
        email: "Root user's email address",
        operatorId: "SAM user's operator ID (OP…)",
        userName: "SAM user name",
        passwordStdin: "Read the password from stdin",
        passwordFile: "Read the password from FILE",
        mfaCode: "6-digit MFA (TOTP) code of a root or SAM user",
        save: "Also store the credentials in profile P (soracom-cli format, 0600)",
      },
      example: {
        authKey: "Sign in with an AuthKey, the secret on stdin",
        root: "A root user with MFA, a two-hour token",
        profile: "With a profile's stored credentials, JSON out",
      },
    },
    token: {
      description:
        "Print the API token of the profile's session (signs in again when it can). SORACOM wants the API key too: see --format header and `soracom-auth env`",
      flag: {
        format:
          "token: the bare token · header: both headers SORACOM wants, one per line (curl -H @file) · json · env: shell exports",
      },
      example: {
        curl: "Both headers for curl (bash, zsh)",
        check: "Ask the server first; sign in again if it refuses",
      },
    },
    env: {
      description: "Print SORACOM_API_KEY and SORACOM_TOKEN as shell exports, for eval",
      flag: { shell: "Syntax of the exports: sh (bash, zsh, …), fish or pwsh" },
      example: {
        eval: 'Then: curl -H "X-Soracom-API-Key: $SORACOM_API_KEY" -H "X-Soracom-Token: $SORACOM_TOKEN" …',
        fish: "fish",
      },
    },
    check: "Ask the server whether it still accepts the session; sign in again if not",
    status: {
      description:
        "Show the profile's session and check it with the server (exit 4 when not signed in, expired or refused)",
      flag: { offline: "Do not ask the server; show the cached session only" },
      example: {
        default: "The default profile, checked with the server",
        offline: "Cached data only, as JSON",
      },
    },
    logout: {
      description: "Revoke the session on the server (when still valid) and remove the cached session",
      flag: { localOnly: "Only forget the cached session; leave it valid on the server" },
      example: { default: "Sign out of the default profile", localOnly: "Forget it here only" },
    },
    profiles: {
      description:
        "List the profiles (soracom-cli's files, shared with it) with their method, endpoint and session; or remove one",
      list: "List the profiles with their method, endpoint and session",
      remove: "Delete a profile (and sign out of its session)",
      name: "The profile to delete",
      example: {
        list: "Every profile, its method, endpoint and session",
        remove: "Delete one (signing out of its session)",
      },
    },
    switchUser: {
      description:
        "Switch user (POST /auth/switch_user) as the profile's signed-in user: a session of another SAM user whose trust policy lists you, at most 1 h",
      flag: {
        operatorId: "The operator to switch to (OP + 10 digits)",
        userName: "The SAM user to switch to",
        saveAs: "Cache the switched session under profile Q",
      },
    },
    resetPassword: {
      description: "Reset a root user's password: request a token, then verify it with a new password",
      request: "Ask SORACOM to mail a password reset token",
      verify: "Set a new password with a reset token",
      flag: {
        email: "The root user's email address",
        tokenStdin: "Read the reset token from stdin (first line)",
        tokenFile: "Read the reset token from FILE",
        passwordStdin: "Read the new password from stdin (next line)",
        passwordFile: "Read the new password from FILE (or set SORACOM_NEW_PASSWORD)",
      },
      example: {
        request: "SORACOM mails a token",
        verify: "Set the new password: the token and the password on two lines",
      },
    },
    sandbox: {
      description: "Run the embedded SORACOM Auth API sandbox until Ctrl+C",
      flag: {
        port: "TCP port (0 = a free one)",
        host: "Interface to listen on",
        seed: "Accounts to start with (JSON seed file)",
        hashCost: "scrypt cost as log2(N), 1…20",
        noRateLimit: "No rate limits",
      },
    },
    demo: {
      description: "Open the app against the embedded sandbox, with demo credentials (the default start)",
    },
    /** Wrong or missing flags and input (exit 2); effect/cli's parse errors worded by their tag. */
    usage: {
      needsTerminal: (commands: string) =>
        `soracom-auth needs a terminal for the interactive app. Commands for scripts: ${commands} (see --help).`,
      chooseSubcommand: "Choose a subcommand (see --help).",
      unrecognizedFlag: (flag: string) => `Unrecognized flag: ${flag}`,
      unknownSubcommand: (name: string) => `Unknown subcommand "${name}"`,
      didYouMean: (suggestions: string) => `Did you mean ${suggestions}?`,
      missingFlag: (flag: string) => `Missing required flag: --${flag}`,
      missingArgument: (name: string) => `Missing required argument: ${name}`,
      unexpectedArgument: (args: string) => `Unexpected argument: ${args}`,
      invalidValue: (flag: string, value: string, expected: string) =>
        `Invalid value for ${flag}: "${value}" (expected ${expected})`,
      invalidValueBare: (flag: string, value: string) => `Invalid value for ${flag}: "${value}"`,
      missingValue: (flag: string, expected: string) => `Missing value for ${flag} (expected ${expected})`,
      tokenTimeout: (value: string, minimum: number, maximum: number) =>
        `--token-timeout ${value}: give seconds or a duration such as 2h or 90m, from ${minimum} s (3m) to ${maximum} s (48h).`,
      missingCredentials: `No credentials to sign in with, and no terminal to ask for them.
Give them as flags (secrets from stdin, a file or the environment — never as a flag value):
  soracom-auth login --auth-key-id ID --auth-key-stdin            (or --auth-key-file FILE, or SORACOM_AUTH_KEY)
  soracom-auth login --email E --password-stdin                   (or --password-file FILE, or SORACOM_PASSWORD)
  soracom-auth login --operator-id OP… --user-name U --password-stdin
or set SORACOM_AUTH_KEY_ID and SORACOM_AUTH_KEY, or store credentials in a profile (--profile, SORACOM_PROFILE).`,
      passwordWithoutUser: "A password was given without --email or --user-name.",
      mfaWithAuthKey: "--mfa-code is for a root or SAM user; an AuthKey signs in without MFA.",
      oneMethod: (kinds: string) => `Use one sign-in method at a time, not ${kinds}.`,
      and: " and ",
      authKeyIdNeedsSecret:
        "--auth-key-id needs the secret: --auth-key-stdin, --auth-key-file FILE or SORACOM_AUTH_KEY.",
      emailNeedsPassword:
        "--email needs the password: --password-stdin, --password-file FILE or SORACOM_PASSWORD.",
      samNeedsBoth: "A SAM user signs in with both --operator-id and --user-name.",
      userNameNeedsPassword:
        "--user-name needs the password: --password-stdin, --password-file FILE or SORACOM_PASSWORD.",
      secretWithoutId: "An AuthKey secret was given without --auth-key-id.",
      stdinTooLong: (name: string, bytes: number) =>
        `--${name}-stdin: more than ${bytes} bytes without a line end; give the secret on one line.`,
      notUtf8: (flag: string) => `${flag}: the secret is not valid UTF-8.`,
      fileTooLarge: (name: string, path: string, bytes: number) =>
        `--${name}-file: ${path} is larger than ${bytes} bytes.`,
      stdinAndFile: (name: string) =>
        `Give the ${name} either with --${name}-stdin or with --${name}-file, not both.`,
      stdinEmpty: (name: string) => `--${name}-stdin: nothing was read from stdin.`,
      fileEmpty: (name: string, path: string) => `--${name}-file: ${path} is empty.`,
      resetToken: "Give the reset token with --token-stdin or --token-file FILE.",
      newPassword:
        "Give the new password with --password-stdin, --password-file FILE or SORACOM_NEW_PASSWORD.",
      port: (port: number) => `--port must be 0…65535, got ${port}.`,
      sandboxStart: (detail: string) => `Could not start the sandbox: ${detail}`,
      seed: (detail: string) => `The seed file cannot be used: ${detail}`,
    },
    /** Field-validation reasons, by core's rule codes (`InvalidRequest.rule`, `Fields.problem`). */
    invalid: {
      required: (label: string) => `${label} is required.`,
      tooLong: (label: string, maximum: number) => `${label} must be at most ${maximum} characters long.`,
      spaces: (label: string) => `${label} must not contain spaces.`,
      unsendable: (label: string) =>
        `${label} contains a character that cannot be sent (NUL or a broken Unicode character).`,
      format: {
        email: "The email address is not well formed (expected name@example.com).",
        operatorId: "The operator ID must be OP followed by 10 digits.",
        mfaOtpCode: "The MFA code must be 6 digits.",
        other: (label: string) => `${label} is not well formed.`,
      },
      range: (minimum: number, maximum: number) =>
        `The token lifetime must be a whole number of seconds from ${minimum} to ${maximum}.`,
      oneKind:
        "Give exactly one kind of credentials: email and password, AuthKey ID and secret, or operator ID, user name and password.",
      endpointCredentials:
        "The endpoint must not contain a user name or password (user:password@host); SORACOM takes credentials only in the request.",
      endpointQuery: "The endpoint must not contain a query (?…) or a fragment (#…).",
      endpointUrl: "The endpoint must be an absolute http:// or https:// URL.",
      // in English, the library's own labels: its messages and ours name a field alike
      label: Fields.labels,
    },
    /** How the commands describe a session (login, switch-user, status). */
    session: {
      signedInAs: (who: string, method: string, identity: string) =>
        `Signed in as ${who} with ${method} ${identity}.`,
      expires: (at: string, left: string) => `Token expires ${at}, in ${left}.`,
      replaced: "The session it replaces was signed out on the server.",
      cached: (profile: string) =>
        `Session cached for profile "${profile}". Print the token with \`soracom-auth token\`.`,
      cachedAs: (profile: string) =>
        `Session cached for profile "${profile}". Print the token with \`soracom-auth token --profile ${profile}\`.`,
      saved: (profile: string, path: string) => `Credentials saved to profile "${profile}" (${path}).`,
      profileIgnored: (profile: string, reason: string) => `Profile "${profile}" ignored: ${reason}.`,
      signingIn: (method: string) => `Signing in with ${method}…`,
      switching: (operatorId: string, userName: string, profile: string) =>
        `Switching to ${operatorId} / ${userName} as profile "${profile}"…`,
      renewing: "The cached session is expiring; renewing it…",
      signingInBecause: {
        rejected: (method: string) =>
          `The server no longer accepts the cached session; signing in with ${method}…`,
        none: (method: string) => `No session cached; signing in with ${method}…`,
        expiring: (method: string) => `The cached session is expiring; signing in with ${method}…`,
      },
    },
    statusRow: {
      profile: "Profile",
      signedIn: "Signed in",
      signedInValue: (method: string, identity: string) => `as ${method} ${identity}`,
      operator: "Operator",
      user: "User",
      apiKey: "API key",
      endpoint: "Endpoint",
      expires: "Expires",
      expiresValue: (at: string, left: string) => `${at}, in ${left}`,
      renews: "; `token` renews it",
      server: "Server",
      accepted: "accepts the session (checked just now)",
      unknown: (detail: string) => `could not be asked: ${detail}`,
      unreachable: "no answer",
    },
    logoutOut: {
      nothing: (profile: string) => `No session cached for profile "${profile}"; nothing to do.`,
      revoked: (profile: string) =>
        `Signed out: the server revoked the API key and token, and the cached session of "${profile}" was removed.`,
      expired: (profile: string) =>
        `The session had already expired; removed the cached session of "${profile}" (nothing to revoke).`,
      rejected: (profile: string) =>
        `The server no longer accepted the session; removed the cached session of "${profile}".`,
      local: (profile: string) =>
        `Removed the cached session of "${profile}"; it stays valid on the server until it expires.`,
    },
    profilesOut: {
      none: (dir: string) => `No profiles in ${dir}. Save one with \`soracom-auth login --save NAME\`.`,
      noCredentials: "no credentials",
      noProfileFile: "no profile file",
      sessionNone: "no session",
      sessionExpired: "session expired",
      sessionLive: (left: string) => `signed in, ${left} left`,
      sandbox: (coverage: string) => `${coverage} sandbox`,
      notFound: (profile: string, dir: string) =>
        `There is no profile "${profile}" in ${dir}; nothing to do.`,
      removed: (profile: string) => `Removed profile "${profile}".`,
      removedSignedOut: (profile: string) => `Removed profile "${profile}" and signed out of its session.`,
    },
    resetPasswordOut: {
      sent: (email: string) => `SORACOM sent a password reset token to ${email}.`,
      nextStep:
        "Then: soracom-auth reset-password verify --token-stdin --password-stdin, with the token and the new password on two lines",
      changed: "The password was changed. Sign in with the new one: `soracom-auth login`.",
    },
    /** The `sandbox` command's banner (from the sandbox's structured `sandboxInfo`). */
    banner: {
      listening: (url: string) => `SORACOM Auth API sandbox listening on ${url}`,
      soracomCli: (endpoint: string) => `  soracom-cli: SORACOM_ENDPOINT=${endpoint}`,
      admin: (url: string) => `  admin API:   ${url} (outbox, faults, exchanges)`,
      credentials: "Credentials (local test data only):",
      root: (operatorId: string, email: string, password: string) =>
        `  root      ${operatorId}  email ${email}  password ${password}`,
      rootMfa: (secret: string) => `  MFA (TOTP) secret ${secret}`,
      authKey: (operatorId: string, owner: string, authKeyId: string, authKey: string) =>
        `  AuthKey   ${operatorId} (${owner})\n            authKeyId ${authKeyId}\n            authKey   ${authKey}`,
      rootOwner: "root",
      samUser: (operatorId: string, userName: string, password: string) =>
        `  SAM user  ${operatorId}  userName ${userName}  password ${password}`,
      samMfa: (secret: string) => `\n            MFA (TOTP) secret ${secret}`,
    },
    /** Warnings on stderr: core's retries and the Redis session store, worded from their log annotations. */
    log: {
      retry: (operation: string, seconds: string, attempt: number, maxAttempts: number, why: string) =>
        `retrying the ${operation} in ${seconds} s (attempt ${attempt} of ${maxAttempts} failed): ${why}.`,
      // in English, the library's own names: its messages and ours name an operation alike
      operation: Errors.operationLabels,
      serverError: (status: number, code: string) => `SORACOM answered HTTP ${status}${code}`,
      rateLimited: (code: string) => `SORACOM is rate-limiting requests (HTTP 429${code})`,
      transport: (why: string) => `no answer: ${why}`,
      redisUnavailable: (detail: string, seconds: string) =>
        `redis session store unavailable (${detail}): signing in without sharing, trying Redis again in ${seconds} s`,
      redisWaited: (seconds: string) =>
        `redis session store: waited ${seconds} s for another process's sign-in; signing in here`,
    },
    completion: {
      description: "Print a shell completion script (bash, zsh or fish)",
      shell: "bash, zsh or fish",
      example: {
        bash: "bash: add to ~/.bashrc",
        zsh: "zsh (with ~/.zfunc on fpath)",
        fish: "fish",
      },
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
