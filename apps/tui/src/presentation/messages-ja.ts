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
  ui: {
    key: {
      move: "移動",
      choose: "選択",
      submit: "次へ",
      back: "戻る",
      cancel: "キャンセル",
      quit: "終了",
      exit: "強制終了",
      home: "ホーム",
      overwrite: "上書き",
      chooseAnotherName: "別の名前にする",
    },
    sandboxBadge: "サンドボックス",
    sandbox: {
      stop: "Ctrl+C で停止します。",
    },
    demo: {
      title: (url: string) =>
        `デモ: ${url} の組み込み SORACOM Auth API サンドボックスです (本物の SORACOM ではありません)。`,
      root: (operatorId: string, email: string, password: string) =>
        `ルートユーザー (${operatorId}): ${email} / ${password}`,
      rootAuthKey: (authKeyId: string) => `ルートユーザーの AuthKey: ${authKeyId}`,
      samUser: (operatorId: string, userName: string, password: string) =>
        `SAM ユーザー ${userName} (${operatorId}): パスワード ${password}`,
      samUserAuthKey: (userName: string, authKeyId: string) =>
        `SAM ユーザー ${userName} の AuthKey: ${authKeyId}`,
      mfaCode: (userName: string, code: string) =>
        `${userName} の現在の MFA コード: ${code} (30 秒ごとに変わります)`,
      onSignIn: "各方法の認証情報はサインイン画面に表示されます。",
    },
    endpointLabel: {
      demo: "組み込みサンドボックス (デモ)",
      given: "指定されたエンドポイント",
      profile: "プロファイルのエンドポイント",
      sandbox: (coverage: string) => `SORACOM API サンドボックス (${coverage})`,
      jp: "日本カバレッジ (jp)",
      g: "グローバルカバレッジ (g)",
    },
    backHome: "ホームに戻る",
    tryAgain: "もう一度試す",
    back: "戻る",
    loading: "読み込み中…",
    needsTerminal:
      "soracom-auth: 対話アプリには端末が必要です。`soracom-auth login --help` を参照してください " +
      "(シークレットは --auth-key-stdin / --password-stdin、または SORACOM_AUTH_KEY_ID + SORACOM_AUTH_KEY から)。",
    signInAction: "サインイン",
    endpoint: "エンドポイント",
    cancelled: "キャンセルしました。",
    home: {
      signedInAs: "サインイン中:",
      liveProfiles: (list: string) => `サインイン中のプロファイル: ${list}`,
      liveProfile: (name: string, left: string) => `${name} (残り ${left})`,
      expiresIn: (duration: string) => `有効期限まで ${duration}`,
      expired: "有効期限切れ",
      current: { label: "現在のサインイン", hint: "詳細、プロファイルとして保存、サインアウト" },
      signIn: {
        label: "サインイン",
        hint: "AuthKey、ルートユーザーのメールアドレスとパスワード、または SAM ユーザーで",
      },
      signInAgain: "もう一度サインイン",
      resetPassword: {
        label: "パスワードをリセット",
        hint: "メールでパスワードリセットトークンを受け取り、新しいパスワードを設定します",
      },
      profiles: { label: "プロファイル", hint: "soracom-cli のプロファイルでサインイン、保存、削除" },
      quit: "終了",
    },
    field: {
      authKeyId: "AuthKey ID",
      authKey: "AuthKey シークレット",
      email: "メールアドレス",
      password: "パスワード",
      operatorId: "オペレーター ID",
      userName: "SAM ユーザー名",
      mfaOtpCode: "MFA コード",
      tokenTimeoutSeconds: "トークンの有効期間 (秒)",
      token: "パスワードリセットトークン",
    },
    methodItem: {
      authKey: {
        label: "AuthKey (推奨)",
        hint: "AuthKey ID とシークレット — 権限を絞れて無効化でき、ツールやスクリプトに最適",
      },
      root: {
        label: "ルートユーザー (メールアドレス + パスワード)",
        hint: "アカウント所有者のメールアドレスとパスワード (MFA が有効なら MFA コードも)",
      },
      samUser: {
        label: "SAM ユーザー",
        hint: "オペレーター ID、SAM ユーザー名とそのパスワード (MFA が有効なら MFA コードも)",
      },
    },
    signIn: {
      title: "サインイン",
      method: "方法",
      hidden: "入力済み (非表示)",
      mfaCode: "MFA コード",
      mfaNone: "なし",
      mfaEntered: "入力済み",
      tokenLifetime: "トークンの有効期間",
      howToSignIn: "どの方法でサインインしますか?",
      mfaPlaceholder: "MFA を使っていなければ空のまま",
      mfaHint: "認証アプリに表示される 6 桁の数字。一度だけ使い、保存しません。",
      changeLifetime: { label: "トークンの有効期間を変更", hint: "3 分から 48 時間まで" },
      changeEndpoint: {
        label: "エンドポイントを変更",
        hint: "日本 (jp)、グローバル (g)、またはサンドボックス",
      },
      addMfa: "MFA コードを入力",
      changeMfa: "MFA コードを変更",
      custom: "指定…",
      customHint: (min: number, max: number) => `${min} 〜 ${max} の整数 (秒)`,
      howLong: "トークンの有効期間はどれくらいにしますか?",
      customFieldHint: (min: number, max: number) => `${min} (3 分) 〜 ${max} (48 時間)。`,
      where: "どこにサインインしますか?",
      sandboxHint: "サンドボックス: 本番のアカウントではありません",
      submitting: (endpoint: string) => `${endpoint} にサインインしています…`,
      chooseAnotherEndpoint: "別のエンドポイントを選ぶ",
      lifetimeDefault: "(デフォルト)",
      lifetimeMaximum: "(最大)",
      preselected: (profile: string) => `プロファイル「${profile}」の内容を選択しました。`,
      fromEnvironment: "AuthKey は SORACOM_AUTH_KEY_ID と SORACOM_AUTH_KEY から入力しました。",
      idFromEnvironment: "AuthKey ID は SORACOM_AUTH_KEY_ID から入力しました。",
      cancelled: "サインインをキャンセルしました。",
    },
    profiles: {
      title: "プロファイル",
      directory: (dir: string) => `プロファイルのフォルダー: ${dir} (soracom-cli と共用)`,
      reading: "プロファイルを読み込んでいます…",
      none: "プロファイルはまだありません。サインインしてから「プロファイルとして保存…」を選んでください。",
      cannotRead: "読み込めません",
      incomplete: "認証情報が揃っていません",
      live: (left: string) => `サインイン中、残り ${left}`,
      saveCurrent: "現在のサインインをプロファイルとして保存…",
      profile: (name: string) => `プロファイル「${name}」`,
      credentials: "認証情報",
      tokenLifetime: "トークンの有効期間",
      signIn: "このプロファイルでサインイン",
      signInMfa: "MFA コードを入力してサインイン",
      edit: { label: "サインイン画面で開く", hint: "方法、有効期間、エンドポイントを変更できます" },
      delete: "削除…",
      keyDelete: "削除",
      keyKeep: "残す",
      confirmDelete: (name: string, path: string) =>
        `プロファイル「${name}」を削除しますか? ${path} を削除します。`,
      deleting: (name: string) => `プロファイル「${name}」を削除しています…`,
      signingIn: (name: string) => `プロファイル「${name}」でサインインしています…`,
      readingOne: (name: string) => `プロファイル「${name}」を読み込んでいます…`,
      deleted: (name: string) => `プロファイル「${name}」を削除しました。`,
      incompleteError: (name: string) =>
        `プロファイル「${name}」には認証情報が揃っていません。サインイン画面で開いてください。`,
    },
    resetPassword: {
      title: "パスワードをリセット",
      requestNew: "新しいトークンを発行する",
      enterTokenAgain: "トークンを入力し直す",
      outboxDemo: (outbox: string) =>
        `組み込みのサンドボックスなのでメールは送信されません。トークンはこちらで確認できます: ${outbox}`,
      outboxCustom: (outbox: string) =>
        `soracom-auth のサンドボックスなら、トークンは送信箱にあります: ${outbox}`,
      sentTo: (email: string) => `${email} にパスワードリセットトークンを送信しました。`,
      emailHint: "ルートユーザーのメールアドレス。SORACOM からパスワードリセットトークンがメールで届きます。",
      requesting: (email: string) => `${email} のパスワードリセットトークンを発行しています…`,
      tokenHint: "メールに記載されているトークンを貼り付けてください。",
      newPassword: "新しいパスワード",
      newPasswordAgain: "新しいパスワード (確認)",
      verifying: "新しいパスワードを設定しています…",
      mismatch: "2 つのパスワードが一致しません。新しいパスワードをもう一度入力してください。",
      done: "パスワードを変更しました。新しいパスワードでサインインしてください。",
    },
    signedIn: {
      title: "サインイン済み",
      done: { label: "完了", hint: "ホーム画面に戻ります" },
      save: {
        label: "プロファイルとして保存…",
        hint: "この認証情報を soracom-cli のプロファイルに保存します (ファイルモード 0600)",
      },
      exports: {
        label: "終了してシェル用の export を出力",
        hint: "アプリを閉じたあと SORACOM_API_KEY=… SORACOM_TOKEN=… を標準出力に出します",
      },
      signOut: { label: "サインアウト", hint: "サーバー上でこの API キーと API トークンを無効化します" },
      operatorId: "オペレーター ID",
      userName: "SAM ユーザー名",
      method: "方法",
      apiKey: "API キー",
      profile: "プロファイル",
      tokenExpires: "有効期限",
      expiresIn: (duration: string) => `残り ${duration}`,
      expired: "(期限切れ — もう一度サインインしてください)",
      profileName: "プロファイル名",
      profileNameHint: "英字、数字、'.'、'_'、'-' が使えます。soracom-cli では --profile で指定します。",
      overwrite: (name: string) => `プロファイル「${name}」はすでにあります。上書きしますか?`,
      saving: (name: string) => `プロファイル「${name}」を保存しています…`,
      signingOut: "サインアウトしています…",
      signOutFailed: "サインアウトできませんでした。",
      forget: {
        label: "それでもこの端末ではサインインを忘れる",
        hint: "トークンは有効期限まで有効なままです",
      },
      switchUser: {
        label: "ユーザーを切り替え…",
        hint: "信頼ポリシーであなたを許可している別の SAM ユーザーのセッション (最長 1 時間)",
      },
      switchOperatorId: "切り替え先のオペレーター ID",
      switchUserName: "切り替え先の SAM ユーザー名",
      switchRequired: "入力してください。",
      switching: (operatorId: string, userName: string) => `${operatorId} / ${userName} に切り替えています…`,
      switched: (operatorId: string, userName: string) => `${operatorId} / ${userName} に切り替えました。`,
      switchFailed: "ユーザーを切り替えられませんでした。",
      nameRequired: "プロファイル名を入力してください。",
      savedAs: (name: string, dir: string) => `プロファイル「${name}」として ${dir} に保存しました。`,
      saveFailed: (detail: string) => `プロファイルを保存できませんでした。${detail}`,
      signedOut: "サインアウトしました: サーバーが API キーと API トークンを無効化しました。",
      forgotten: "この端末では忘れました。トークンはサーバー上で有効期限まで有効なままです。",
      signedOutLocally:
        "この端末でサインアウトしました。サーバーはこのセッションをすでに受け付けていませんでした (期限切れまたは無効化済み)。",
    },
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
    profileTooOpen: {
      title: (path: string, mode: string, folder: boolean) =>
        folder
          ? `認証情報を保存するフォルダー '${path}' に他のユーザーが書き込めます (モード ${mode})。`
          : `認証情報を含むファイル '${path}' のパーミッションが緩すぎます (モード ${mode})。\n` +
            "認証情報のファイルは、他のユーザーがアクセスできないようにする必要があります。",
      next: (path: string, folder: boolean) =>
        `次のコマンドで修正してください: chmod ${folder ? "700" : "600"} '${path}'`,
    },
    profileCommand: {
      next: "そのコマンドを自分で実行して確認してください: プロファイルの JSON (authKeyId と authKey など) を出力し、終了コード 0 で終わる必要があります。",
    },
    sourceProfile: {
      next: "スイッチ用のプロファイルには、認証情報を持つソースプロファイルと、スイッチ先の operatorId と username を指定します。",
    },
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
    sessionStoreInvalid: {
      title: "SORACOM_SESSION_STORE には `redis://` または `rediss://` の URL を指定してください。",
    },
    cancelled: { title: "キャンセルしました。" },
    inputFile: { title: (path: string, reason: string) => `${path} を読み込めませんでした: ${reason}。` },
    unknown: {
      title: (detail: string) => `予期しない問題が発生しました: ${detail}`,
      next: "もう一度お試しください。繰り返し起きる場合は、実行したコマンドを添えて報告してください。",
    },
  },
  cli: {
    help: {
      description: "説明",
      usage: "使い方",
      arguments: "引数",
      flags: "フラグ",
      inheritedFlags: "親コマンドのフラグ",
      globalFlags: "共通フラグ",
      subcommands: "サブコマンド",
      examples: "例",
      optional: "(省略可)",
      choices: (choices: string) => `(選択肢: ${choices})`,
      usageWords: { subcommand: "<サブコマンド>", flags: "[フラグ]" },
      type: { string: "文字列", integer: "整数", choice: "選択", boolean: "真偽値" },
    },
    globalFlag: {
      help: "ヘルプを表示します",
      version: "バージョンを表示します",
      json: "機械向けの出力: データもエラーも JSON で標準出力へ",
      verbose: "HTTP のやり取りを標準エラー出力にトレースします (シークレットは伏せ字)",
      "no-input": "入力を求めず、対話アプリも開きません",
      lang: "メッセージの言語 (既定: SORACOM_LANG、なければ LC_ALL / LC_MESSAGES / LANG)",
    },
    flag: {
      profile: "プロファイル名 (既定: SORACOM_PROFILE、なければ「default」)",
      coverage: "SORACOM のカバレッジ: jp (api.soracom.io) または g (g.api.soracom.io)",
      endpoint: "API のベース URL。例: http://127.0.0.1:8080 (SORACOM_ENDPOINT と --coverage より優先)",
      profileCommand:
        "認証情報を得るために CMD を実行します: CMD はプロファイルの JSON を出力します (mfaOTPCode も可)。CMD にシェルの構文がなければシェルを使いません。10 秒、64 KiB まで",
      tokenTimeout: (minimum: number) =>
        `トークンの有効期間: 秒数、または 2h、90m、1h30m のような期間 (${minimum} 秒〜48 時間、既定 24 時間)`,
    },
    root: {
      description:
        "SORACOM API にサインインし、オペレーターのパスワードを管理します。コマンドなしで実行すると対話アプリを開きます。",
      example: {
        app: "対話アプリ (端末で)",
        eval: "対話アプリ。「終了してシェル用の export を出力」で変数が設定されます",
        demo: "組み込みサンドボックスに接続した対話アプリ (準備不要)",
      },
    },
    login: {
      description:
        "サインインして、セッションをプロファイルにキャッシュします。認証情報はフラグ、SORACOM_AUTH_KEY_ID + SORACOM_AUTH_KEY、またはプロファイルから。どれもなければ端末では対話アプリを開きます (--no-input や --json のときは開きません)",
      flag: {
        authKeyId: "AuthKey ID (`keyId-…`)",
        authKeyStdin: "AuthKey シークレットを標準入力から読みます",
        authKeyFile: "AuthKey シークレットをファイル FILE から読みます",
        email: "ルートユーザーのメールアドレス",
        operatorId: "SAM ユーザーのオペレーター ID (OP…)",
        userName: "SAM ユーザー名",
        passwordStdin: "パスワードを標準入力から読みます",
        passwordFile: "パスワードをファイル FILE から読みます",
        mfaCode: "ルートユーザーまたは SAM ユーザーの 6 桁の MFA (TOTP) コード",
        save: "認証情報をプロファイル P にも保存します (soracom-cli の形式、0600)",
      },
      example: {
        authKey: "AuthKey でサインイン (シークレットは標準入力から)",
        root: "MFA を使うルートユーザー、有効期間 2 時間のトークン",
        profile: "プロファイルに保存された認証情報で、JSON で出力",
      },
    },
    token: {
      description:
        "プロファイルのセッションの API トークンを出力します (可能なら再サインインします)。SORACOM は API キーも必要とします: `--format header` と `soracom-auth env` を参照",
      flag: {
        format:
          "`token`: トークンのみ · `header`: SORACOM が必要とする 2 つのヘッダーを 1 行ずつ (`curl -H @file`) · `json` · `env`: シェル用の `export`",
      },
      example: {
        curl: "`curl` に 2 つのヘッダーを渡す (`bash`、`zsh`)",
        check: "先にサーバーに確認し、受け付けられなければ再サインイン",
      },
    },
    env: {
      description: "SORACOM_API_KEY と SORACOM_TOKEN をシェル用の `export` として出力します (`eval` 向け)",
      flag: { shell: "`export` の構文: `sh` (`bash`、`zsh` など)、`fish` または `pwsh`" },
      example: {
        eval: '続けて: `curl -H "X-Soracom-API-Key: $SORACOM_API_KEY" -H "X-Soracom-Token: $SORACOM_TOKEN" …`',
        fish: "`fish` の場合",
      },
    },
    check: "セッションをまだ受け付けるかサーバーに確認し、受け付けられなければ再サインインします",
    status: {
      description:
        "プロファイルのセッションを表示し、サーバーに確認します (未サインイン、期限切れ、拒否のときは終了コード 4)",
      flag: { offline: "サーバーに確認せず、キャッシュされたセッションだけを表示します" },
      example: {
        default: "既定のプロファイルを、サーバーに確認して表示",
        offline: "キャッシュされた情報のみを JSON で",
      },
    },
    logout: {
      description:
        "サーバー上のセッションを無効にし (まだ有効な場合)、キャッシュされたセッションを削除します",
      flag: { localOnly: "キャッシュされたセッションを削除するだけで、サーバー上では有効なままにします" },
      example: { default: "既定のプロファイルからサインアウト", localOnly: "この端末でだけ削除" },
    },
    profiles: {
      description:
        "プロファイル (soracom-cli と共有するファイル) を、認証方法、エンドポイント、セッションとともに一覧表示します。または 1 つを削除します",
      list: "プロファイルを、認証方法、エンドポイント、セッションとともに一覧表示します",
      remove: "プロファイルを削除します (そのセッションからもサインアウトします)",
      name: "削除するプロファイル",
      example: {
        list: "すべてのプロファイルと、その認証方法、エンドポイント、セッション",
        remove: "1 つを削除 (そのセッションからサインアウト)",
      },
    },
    switchUser: {
      description:
        "ユーザーを切り替えます (POST /auth/switch_user): プロファイルでサインイン中のユーザーとして、信頼ポリシーにそのユーザーを含む別の SAM ユーザーのセッションを得ます (最長 1 時間)",
      flag: {
        operatorId: "切り替え先のオペレーター (OP + 10 桁)",
        userName: "切り替え先の SAM ユーザー",
        saveAs: "切り替えたセッションをプロファイル Q にキャッシュします",
      },
    },
    resetPassword: {
      description:
        "ルートユーザーのパスワードをリセットします: トークンを要求し、新しいパスワードとともに検証します",
      request: "パスワードリセットトークンのメール送信を SORACOM に依頼します",
      verify: "パスワードリセットトークンで新しいパスワードを設定します",
      flag: {
        email: "ルートユーザーのメールアドレス",
        tokenStdin: "パスワードリセットトークンを標準入力 (1 行目) から読みます",
        tokenFile: "パスワードリセットトークンをファイル FILE から読みます",
        passwordStdin: "新しいパスワードを標準入力 (次の行) から読みます",
        passwordFile: "新しいパスワードをファイル FILE から読みます (または SORACOM_NEW_PASSWORD)",
      },
      example: {
        request: "SORACOM がトークンをメールで送ります",
        verify: "新しいパスワードを設定: トークンとパスワードを 2 行で",
      },
    },
    sandbox: {
      description: "組み込みの SORACOM Auth API サンドボックスを Ctrl+C まで実行します",
      flag: {
        port: "TCP ポート (0 = 空いているポート)",
        host: "待ち受けるインターフェース",
        seed: "最初に用意するアカウント (JSON のシードファイル)",
        hashCost: "`scrypt` のコスト (`log2(N)`)、1〜20",
        noRateLimit: "レート制限なし",
      },
    },
    demo: {
      description: "組み込みサンドボックスに接続し、デモ用の認証情報で対話アプリを開きます (既定の起動方法)",
    },
    usage: {
      needsTerminal: (commands: string) =>
        `対話アプリには端末が必要です。スクリプト向けのコマンド: \`${commands}\` (--help を参照)。`,
      chooseSubcommand: "サブコマンドを指定してください (--help を参照)。",
      unrecognizedFlag: (flag: string) => `不明なフラグです: ${flag}`,
      unknownSubcommand: (name: string) => `不明なサブコマンドです:「${name}」`,
      didYouMean: (suggestions: string) => `もしかして: \`${suggestions}\``,
      missingFlag: (flag: string) => `必須のフラグがありません: --${flag}`,
      missingArgument: (name: string) => `必須の引数がありません:「${name}」`,
      unexpectedArgument: (args: string) => `余分な引数です:「${args}」`,
      invalidValue: (flag: string, value: string, expected: string) =>
        `${flag} の値が正しくありません:「${value}」(指定できる値: ${expected})`,
      invalidValueBare: (flag: string, value: string) => `${flag} の値が正しくありません:「${value}」`,
      missingValue: (flag: string, expected: string) =>
        `${flag} の値がありません (指定できる値: ${expected})`,
      tokenTimeout: (value: string, minimum: number, maximum: number) =>
        `--token-timeout「${value}」: 秒数、または 2h や 90m のような期間を、${minimum} 秒 (3 分) から ${maximum} 秒 (48 時間) の範囲で指定してください。`,
      missingCredentials: `サインインに使う認証情報がなく、入力を求める端末もありません。
フラグで指定してください (シークレットは標準入力、ファイル、環境変数から。フラグの値には書きません):
  \`soracom-auth login --auth-key-id ID --auth-key-stdin\`          (または --auth-key-file FILE、SORACOM_AUTH_KEY)
  \`soracom-auth login --email E --password-stdin\`                 (または --password-file FILE、SORACOM_PASSWORD)
  \`soracom-auth login --operator-id OP… --user-name U --password-stdin\`
または SORACOM_AUTH_KEY_ID と SORACOM_AUTH_KEY を設定するか、認証情報をプロファイルに保存してください (--profile、SORACOM_PROFILE)。`,
      passwordWithoutUser: "パスワードが指定されましたが、--email も --user-name もありません。",
      mfaWithAuthKey:
        "--mfa-code はルートユーザーと SAM ユーザー用です。AuthKey は MFA なしでサインインします。",
      oneMethod: (kinds: string) =>
        `サインイン方法は 1 つだけ指定してください (${kinds} が指定されています)。`,
      and: " と ",
      authKeyIdNeedsSecret:
        "--auth-key-id にはシークレットが必要です: --auth-key-stdin、--auth-key-file FILE または SORACOM_AUTH_KEY。",
      emailNeedsPassword:
        "--email にはパスワードが必要です: --password-stdin、--password-file FILE または SORACOM_PASSWORD。",
      samNeedsBoth: "SAM ユーザーは --operator-id と --user-name の両方でサインインします。",
      userNameNeedsPassword:
        "--user-name にはパスワードが必要です: --password-stdin、--password-file FILE または SORACOM_PASSWORD。",
      secretWithoutId: "AuthKey シークレットが指定されましたが、--auth-key-id がありません。",
      stdinTooLong: (name: string, bytes: number) =>
        `--${name}-stdin: 改行のないまま ${bytes} バイトを超えました。シークレットは 1 行で渡してください。`,
      notUtf8: (flag: string) => `${flag}: シークレットが正しい UTF-8 ではありません。`,
      fileTooLarge: (name: string, path: string, bytes: number) =>
        `--${name}-file: ${path} は ${bytes} バイトを超えています。`,
      stdinAndFile: (name: string) =>
        `--${name}-stdin と --${name}-file は同時に指定できません。どちらか一方にしてください。`,
      stdinEmpty: (name: string) => `--${name}-stdin: 標準入力から何も読み込めませんでした。`,
      fileEmpty: (name: string, path: string) => `--${name}-file: ${path} は空です。`,
      resetToken: "パスワードリセットトークンを --token-stdin または --token-file FILE で指定してください。",
      newPassword:
        "新しいパスワードを --password-stdin、--password-file FILE または SORACOM_NEW_PASSWORD で指定してください。",
      port: (port: number) => `--port は 0〜65535 で指定してください (指定値: ${port})。`,
      sandboxStart: (detail: string) => `サンドボックスを起動できませんでした: ${detail}`,
      seed: (detail: string) => `シードファイルを使用できません: ${detail}`,
    },
    invalid: {
      required: (label: string) => `${label}を入力してください。`,
      tooLong: (label: string, maximum: number) => `${label}は ${maximum} 文字以内にしてください。`,
      spaces: (label: string) => `${label}に空白は使えません。`,
      unsendable: (label: string) =>
        `${label}に送信できない文字 (NUL または壊れた Unicode 文字) が含まれています。`,
      format: {
        email: "メールアドレスの形式が正しくありません (例: `name@example.com`)。",
        operatorId: "オペレーター ID は OP に続く 10 桁の数字です。",
        mfaOtpCode: "MFA コードは 6 桁の数字です。",
        other: (label: string) => `${label}の形式が正しくありません。`,
      },
      range: (minimum: number, maximum: number) =>
        `トークンの有効期間は ${minimum} から ${maximum} までの整数 (秒) で指定してください。`,
      oneKind:
        "認証情報は 1 種類だけ指定してください: メールアドレスとパスワード、AuthKey ID とシークレット、またはオペレーター ID、ユーザー名、パスワード。",
      endpointCredentials:
        "エンドポイントにユーザー名やパスワード (`user:password@host`) を含めることはできません。SORACOM は認証情報をリクエストでのみ受け取ります。",
      endpointQuery: "エンドポイントにクエリ (?…) やフラグメント (#…) を含めることはできません。",
      endpointUrl: "エンドポイントは `http://` または `https://` で始まる絶対 URL にしてください。",
      label: {
        email: "メールアドレス",
        password: "パスワード",
        authKeyId: "AuthKey ID ",
        authKey: "AuthKey シークレット",
        operatorId: "オペレーター ID ",
        userName: "ユーザー名",
        mfaOtpCode: "MFA コード",
        tokenTimeoutSeconds: "トークンの有効期間",
        token: "パスワードリセットトークン",
      },
    },
    session: {
      signedInAs: (who: string, method: string, identity: string) =>
        `${who} としてサインインしました (${method} ${identity})。`,
      expires: (at: string, left: string) => `トークンの有効期限: ${at} (あと ${left})。`,
      replaced: "置き換えたセッションはサーバー上でサインアウトしました。",
      cached: (profile: string) =>
        `セッションをプロファイル「${profile}」にキャッシュしました。トークンは \`soracom-auth token\` で出力できます。`,
      cachedAs: (profile: string) =>
        `セッションをプロファイル「${profile}」にキャッシュしました。トークンは \`soracom-auth token --profile ${profile}\` で出力できます。`,
      saved: (profile: string, path: string) =>
        `認証情報をプロファイル「${profile}」に保存しました (${path})。`,
      profileIgnored: (profile: string, reason: string) =>
        `プロファイル「${profile}」を無視しました: ${reason}。`,
      signingIn: (method: string) => `${method} でサインインしています…`,
      switching: (operatorId: string, userName: string, profile: string) =>
        `プロファイル「${profile}」として ${operatorId} / ${userName} に切り替えています…`,
      renewing: "キャッシュされたセッションの有効期限が近いため、更新しています…",
      signingInBecause: {
        rejected: (method: string) =>
          `キャッシュされたセッションをサーバーが受け付けなくなったため、${method} でサインインしています…`,
        none: (method: string) => `キャッシュされたセッションがないため、${method} でサインインしています…`,
        expiring: (method: string) =>
          `キャッシュされたセッションの有効期限が近いため、${method} でサインインしています…`,
      },
    },
    statusRow: {
      profile: "プロファイル",
      signedIn: "サインイン",
      signedInValue: (method: string, identity: string) => `${method} ${identity}`,
      operator: "オペレーター",
      user: "ユーザー",
      apiKey: "API キー",
      endpoint: "エンドポイント",
      expires: "有効期限",
      expiresValue: (at: string, left: string) => `${at} (あと ${left})`,
      renews: "。`token` で更新されます",
      server: "サーバー",
      accepted: "セッションを受け付けています (たった今確認)",
      unknown: (detail: string) => `確認できませんでした: ${detail}`,
      unreachable: "応答なし",
    },
    logoutOut: {
      nothing: (profile: string) =>
        `プロファイル「${profile}」にキャッシュされたセッションはありません。何もしませんでした。`,
      revoked: (profile: string) =>
        `サインアウトしました: サーバーが API キーとトークンを無効にし、「${profile}」のキャッシュされたセッションを削除しました。`,
      expired: (profile: string) =>
        `セッションはすでに期限切れでした。「${profile}」のキャッシュされたセッションを削除しました (無効にするものはありません)。`,
      rejected: (profile: string) =>
        `サーバーはすでにセッションを受け付けていませんでした。「${profile}」のキャッシュされたセッションを削除しました。`,
      local: (profile: string) =>
        `「${profile}」のキャッシュされたセッションを削除しました。サーバー上では有効期限まで有効です。`,
    },
    profilesOut: {
      none: (dir: string) =>
        `${dir} にプロファイルはありません。\`soracom-auth login --save NAME\` で保存できます。`,
      noCredentials: "認証情報なし",
      noProfileFile: "プロファイルファイルなし",
      sessionNone: "セッションなし",
      sessionExpired: "セッション期限切れ",
      sessionLive: (left: string) => `サインイン中 (残り ${left})`,
      sandbox: (coverage: string) => `${coverage} サンドボックス`,
      notFound: (profile: string, dir: string) =>
        `${dir} にプロファイル「${profile}」はありません。何もしませんでした。`,
      removed: (profile: string) => `プロファイル「${profile}」を削除しました。`,
      removedSignedOut: (profile: string) =>
        `プロファイル「${profile}」を削除し、そのセッションからサインアウトしました。`,
    },
    resetPasswordOut: {
      sent: (email: string) => `SORACOM が ${email} にパスワードリセットトークンを送信しました。`,
      nextStep:
        "次に: トークンと新しいパスワードを 2 行で渡して `soracom-auth reset-password verify --token-stdin --password-stdin` を実行してください",
      changed: "パスワードを変更しました。新しいパスワードでサインインしてください: `soracom-auth login`。",
    },
    banner: {
      listening: (url: string) => `SORACOM Auth API サンドボックスが ${url} で待ち受けています`,
      soracomCli: (endpoint: string) => `  soracom-cli: SORACOM_ENDPOINT=${endpoint}`,
      admin: (url: string) => `  管理 API:    ${url} (送信メール、障害の注入、やり取りの記録)`,
      credentials: "認証情報 (ローカルのテスト用データのみ):",
      root: (operatorId: string, email: string, password: string) =>
        `  ルートユーザー  ${operatorId}  メールアドレス ${email}  パスワード ${password}`,
      rootMfa: (secret: string) => `  MFA (TOTP) シークレット ${secret}`,
      authKey: (operatorId: string, owner: string, authKeyId: string, authKey: string) =>
        `  AuthKey         ${operatorId} (${owner})\n                  AuthKey ID          ${authKeyId}\n                  AuthKey シークレット ${authKey}`,
      rootOwner: "ルートユーザー",
      samUser: (operatorId: string, userName: string, password: string) =>
        `  SAM ユーザー    ${operatorId}  ユーザー名 ${userName}  パスワード ${password}`,
      samMfa: (secret: string) => `\n                  MFA (TOTP) シークレット ${secret}`,
    },
    log: {
      retry: (operation: string, seconds: string, attempt: number, maxAttempts: number, why: string) =>
        `${operation}を ${seconds} 秒後に再試行します (${maxAttempts} 回中 ${attempt} 回目が失敗): ${why}。`,
      operation: {
        auth: "サインイン",
        issuePasswordResetToken: "パスワードリセットの依頼",
        verifyPasswordResetToken: "パスワードリセット",
        logout: "サインアウト",
        switchUser: "ユーザーの切り替え",
        generateAuthToken: "トークンの更新",
      },
      serverError: (status: number, code: string) => `SORACOM の応答は HTTP ${status}${code}`,
      rateLimited: (code: string) => `SORACOM がリクエストを制限しています (HTTP 429${code})`,
      transport: (why: string) => `応答がありません: ${why}`,
      redisUnavailable: (detail: string, seconds: string) =>
        `Redis のセッションストアを使えません (${detail}): 共有せずにサインインし、${seconds} 秒後に Redis を再試行します`,
      redisWaited: (seconds: string) =>
        `Redis のセッションストア: 別のプロセスのサインインを ${seconds} 秒待ちました。ここでサインインします`,
    },
    completion: {
      description: "シェルの補完スクリプトを出力します (`bash`、`zsh`、`fish`)",
      shell: "`bash`、`zsh` または `fish`",
      example: {
        bash: "`bash`: `~/.bashrc` に追加",
        zsh: "`zsh` (`~/.zfunc` を `fpath` に含める)",
        fish: "`fish` の場合",
      },
    },
  },
}
