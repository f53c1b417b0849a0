/**
 * The Japanese catalog: the same shape as the English one (`Messages`), so a missing or misspelt key is a type
 * error. Terms follow SORACOM's Japanese documentation: オペレーター, SAM ユーザー, AuthKey, ルートユーザー,
 * パスワードリセットトークン, MFA. Names, codes, commands and flags stay as they are typed.
 */
import type { Messages } from "./messages.ts"

const profileOperation = { read: "読み込め", write: "書き込め", remove: "削除でき", list: "一覧表示でき" }

export const ja: Messages = {
  method: {
    authKey: "AuthKey",
    root: "ルートユーザー",
    samUser: "SAM ユーザー",
  },
  server: {
    soracom: "SORACOM",
    other: (host: string) => `${host} の API`,
    soracomAt: (url: string) => `SORACOM (${url})`,
  },
  error: {
    invalidRequest: { next: "入力を修正して、もう一度お試しください。" },
    authFailed: {
      title: (server: string) => `${server} が認証情報を受け付けませんでした。`,
      nextAuthKey: "AuthKey ID とシークレットを確認して、もう一度お試しください。",
      nextWithMfa: "パスワードと MFA コード (コードの有効期間は 30 秒) を確認して、もう一度お試しください。",
      nextMaybeMfa:
        "入力内容を確認して、もう一度お試しください。アカウントで MFA を使っている場合は MFA コードも入力してください。",
      nextMaybeMfaCli:
        "入力内容を確認し、アカウントで MFA を使っている場合は --mfa-code を付けて、もう一度お試しください。",
      nextSession: "もう一度サインインしてください。",
    },
    invalidEmail: {
      title: (server: string) => `${server} がそのメールアドレスを受け付けませんでした。`,
      next: "メールアドレスを確認して、もう一度お試しください。",
    },
    invalidToken: {
      title: "そのパスワードリセットトークンは正しくありません。",
      next: "新しいトークンを発行してください。",
      nextCli: "`soracom-auth reset-password request` で新しいトークンを発行してください。",
    },
    tokenExpired: {
      title: "そのパスワードリセットトークンは有効期限が切れています。",
      next: "新しいトークンを発行してください。",
      nextCli: "`soracom-auth reset-password request` で新しいトークンを発行してください。",
    },
    rateLimited: {
      title: (server: string) =>
        `${server} がこのアドレスからのリクエストを制限しています (試行回数が多すぎます)。`,
      nextUnknown: "1 分ほど待ってから、もう一度お試しください。",
      nextAt: (clock: string, seconds: number) =>
        `${clock} 以降 (${seconds} 秒後) にもう一度お試しください。`,
    },
    serverError: {
      title: (server: string, status: number) => `${server} 側で問題が発生しました: HTTP ${status}。`,
      next: "しばらくしてから、もう一度お試しください。",
    },
    transport: {
      title: (where: string, why: string) => `${where} に接続できませんでした: ${why}。`,
      why: {
        ConnectionRefused: "接続が拒否されました",
        ConnectionReset: "接続がリセットされました",
        DnsFailure: "ホスト名を解決できませんでした",
        Timeout: "時間内に応答がありませんでした",
        Aborted: "リクエストが中断されました",
        NotBuilt: "リクエストを組み立てられませんでした",
        Unknown: "応答がありませんでした",
      },
      next: "ネットワークとエンドポイントを確認して、もう一度お試しいただくか、別のエンドポイントを選んでください。",
      nextCli:
        "エンドポイント (--endpoint、SORACOM_ENDPOINT) とネットワークを確認して、もう一度お試しください。",
    },
    unexpected: {
      title: (server: string, status: number, detail: string) =>
        `${server} からこのアプリが解釈できない応答がありました: HTTP ${status}、${detail}。`,
      next: "もう一度お試しください。繰り返し起きる場合は --verbose を付けてコマンドを実行し、そのトレースを報告してください。",
    },
    switchUserNotAllowed: {
      title: (server: string) => `${server} はそのユーザーへのスイッチを許可していません。`,
      next: "スイッチ先のユーザーの信頼ポリシーに、サインインしたユーザーが登録されている必要があります。別のユーザーを選ぶか、管理者に依頼してください。",
    },
    renewalRefused: {
      title: (server: string) => `${server} がセッションの更新を拒否しました。`,
      next: "`soracom-auth login` でもう一度サインインしてください。",
    },
    profileTooOpen: { next: (path: string) => `次のコマンドで修正してください: chmod 600 '${path}'` },
    profileNotFound: {
      title: (name: string, path: string) => `${path} にプロファイル「${name}」はありません。`,
      next: (name: string) =>
        `\`soracom-auth login --save ${name}\` で保存するか、別のプロファイルを選んでください。`,
    },
    invalidProfileName: {
      title: (name: string) => `「${name}」はプロファイル名として使えません。`,
      next: "英字、数字、'.'、'_'、'-' を使い、64 文字以内にしてください。",
    },
    profileFile: {
      title: (operation: string, path: string, reason: string) =>
        `${path} を${profileOperation[operation as keyof typeof profileOperation] ?? `${operation} でき`}ませんでした: ${reason}。`,
      next: "プロファイルのフォルダー (権限、空き容量) を確認して、もう一度お試しください。",
    },
    usage: { nextFlags: "--help でフラグの一覧を確認してください。" },
    notSignedIn: {
      title: (profile: string) => `サインインしていません (プロファイル「${profile}」)。`,
      titleExpired: (profile: string, at: string) =>
        `プロファイル「${profile}」のセッションは ${at} に有効期限が切れました。`,
      titleRevoked: (profile: string) =>
        `プロファイル「${profile}」のセッションは、サーバーで無効になっています。`,
      next: "`soracom-auth login` でサインインするか、`login --save` で認証情報をプロファイルに保存してください。",
    },
    cancelled: { title: "キャンセルしました。" },
    inputFile: { title: (path: string, reason: string) => `${path} を読み込めませんでした: ${reason}。` },
    unknown: {
      title: (detail: string) => `予期しない問題が発生しました: ${detail}`,
      next: "もう一度お試しください。繰り返し起きる場合は、実行したコマンドを添えて報告してください。",
    },
  },
}
