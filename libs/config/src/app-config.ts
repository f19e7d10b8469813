import { plainToInstance, Transform } from 'class-transformer';
import { productionProblems } from './production-guards';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
  ValidateIf,
} from 'class-validator';

const url = { require_tld: false, require_protocol: true };
const HOST_PORTS = /^[A-Za-z0-9._-]+:\d+(,[A-Za-z0-9._-]+:\d+)*$/;
/** `redis[s][+cluster|+sentinel]://[user:password@]host:port[,host:port…][/masterName][/db]` */
export const REDIS_URL_PATTERN =
  /^(rediss?)(?:\+(cluster|sentinel))?:\/\/(?:([^:@/]*)(?::([^@/]*))?@)?([^/@]+?)(?:\/([^/]+))?(?:\/(\d+))?\/?$/;
const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);

/** Every setting of every Rounds process; `.env.example` lists each with a safe local default. */
export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV = 'development';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsUrl(url)
  PUBLIC_URL = 'http://localhost:3000';

  /**
   * Where tracked short links point (`<base>/l/<code>`): a short domain routed to the API, e.g.
   * `https://go.example-hospital.org`. Empty: PUBLIC_URL.
   */
  @IsOptional()
  @IsUrl({ ...url, protocols: ['http', 'https'] })
  SHORT_LINK_BASE_URL?: string;

  /** The runtime login: owns nothing, may only read and write rows (DML grants). */
  @IsUrl({ ...url, protocols: ['postgres', 'postgresql'] })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/rounds';

  /**
   * A read replica (or a pooler in front of one) for reads that may be a few seconds stale:
   * the engagement and compliance reports. Empty: DATABASE_URL.
   */
  @IsOptional()
  @IsUrl({ ...url, protocols: ['postgres', 'postgresql'] })
  DATABASE_READ_URL?: string;

  /** The owner that runs migrations and grants the runtime login; DATABASE_URL when empty (warned). */
  @IsOptional()
  @IsUrl({ ...url, protocols: ['postgres', 'postgresql'] })
  MIGRATION_DATABASE_URL?: string;

  /**
   * `redis://` (or `rediss://`) for one server, `redis+cluster://host:port,host:port` for a Redis
   * Cluster, `redis+sentinel://host:port,host:port/masterName` for a master watched by Sentinel.
   */
  @Matches(REDIS_URL_PATTERN, {
    message:
      'REDIS_URL must be a URL: redis[s]://host:port[/db], redis[s]+cluster://host:port,… or redis[s]+sentinel://host:port,…/masterName',
  })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** `host:port,host:port`: seed nodes of a Redis Cluster (REDIS_URL then gives only credentials and TLS). */
  @IsOptional()
  @Matches(HOST_PORTS, { message: 'REDIS_CLUSTER_NODES must be host:port,host:port,…' })
  REDIS_CLUSTER_NODES?: string;

  /** `host:port,host:port`: Redis Sentinels, asked for the master REDIS_SENTINEL_NAME. */
  @IsOptional()
  @Matches(HOST_PORTS, { message: 'REDIS_SENTINELS must be host:port,host:port,…' })
  REDIS_SENTINELS?: string;

  @ValidateIf((config: AppConfig) => config.REDIS_SENTINELS !== undefined)
  @Matches(/^[A-Za-z0-9._-]+$/, {
    message: 'REDIS_SENTINEL_NAME (the master Sentinel watches) is required with REDIS_SENTINELS',
  })
  REDIS_SENTINEL_NAME?: string;

  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'QUEUE_PREFIX must be letters, digits, - or _' })
  QUEUE_PREFIX = 'rounds';

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET: string;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  JWT_ACCESS_TTL_SECONDS = 900;

  /** A session (a login's refresh family) ends this long after the login, however active. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  SESSION_MAX_HOURS = 12;

  /** A session unused this long ends (its refresh token expires). */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  SESSION_IDLE_MINUTES = 60;

  /** Refreshes one session may make per 15 minutes (per session, so a shared NAT address is fine). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  REFRESH_RATE_LIMIT_PER_SESSION = 60;

  /** How long an invitation link stays valid. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  INVITATION_TTL_HOURS = 72;

  /**
   * Hours after being given the compliance or admin role by someone during which a user may not
   * approve content that person authored.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  SOD_COOLDOWN_HOURS = 24;

  /** `keyId:base64key[,keyId:base64key…]`; the first key encrypts, every listed key decrypts. */
  @Matches(/^[A-Za-z0-9_-]+:[A-Za-z0-9+/=]{43,44}(,[A-Za-z0-9_-]+:[A-Za-z0-9+/=]{43,44})*$/, {
    message: 'ENCRYPTION_KEY must be keyId:base64 of 32 bytes, comma-separated for rotation',
  })
  ENCRYPTION_KEY: string;

  /** Ed25519 seeds `keyId:base64(32 bytes)[,…]`: the first signs audit checkpoints, all are published. */
  @Matches(/^[A-Za-z0-9_-]+:[A-Za-z0-9+/=]{43,44}(,[A-Za-z0-9_-]+:[A-Za-z0-9+/=]{43,44})*$/, {
    message: 'AUDIT_SIGNING_KEY must be keyId:base64 of 32 bytes, comma-separated for rotation',
  })
  AUDIT_SIGNING_KEY: string;

  /** Where the file sink appends each organization's signed checkpoints (outside PostgreSQL). */
  @IsString()
  AUDIT_CHECKPOINT_DIR = '.data/audit-checkpoints';

  /** A chain head is signed after this many new events… */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  AUDIT_CHECKPOINT_EVERY_EVENTS = 100;

  /** …or this many minutes after the first unsigned event, whichever comes first. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  AUDIT_CHECKPOINT_EVERY_MINUTES = 5;

  /** Audit events, revisions, approvals and consent records are deleted after this many years. */
  @Transform(toInt)
  @IsInt()
  @Min(6, { message: 'RETENTION_YEARS must be at least 6 (HIPAA documentation retention)' })
  RETENTION_YEARS = 6;

  /** Sign-up, login and refresh requests one address may make per 15 minutes. */
  /**
   * Express's `trust proxy`: which hops' X-Forwarded-For to believe (e.g. `1`, `10.0.0.0/8`,
   * `loopback`). Empty trusts nothing, so a client cannot pick its own address.
   */
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  /** Sign-up, login and reset requests one address may make per 15 minutes. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  AUTH_RATE_LIMIT_PER_ADDRESS = 100;

  /** Login attempts one account may receive per 15 minutes. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT_PER_ACCOUNT = 10;

  @IsString()
  MEDIA_DIR = '.data/media';

  /** The largest video an upload may carry (images and captions have fixed limits). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  MEDIA_MAX_VIDEO_BYTES = 2 * 1024 ** 3;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  WORKER_CONCURRENCY = 50;

  @IsUrl(url)
  X_API_BASE_URL = 'https://api.x.com';

  @IsUrl(url)
  X_AUTHORIZE_URL = 'https://x.com/i/oauth2/authorize';

  @IsUrl(url)
  GOOGLE_API_BASE_URL = 'https://youtube.googleapis.com';

  @IsUrl(url)
  GOOGLE_AUTHORIZE_URL = 'https://accounts.google.com/o/oauth2/v2/auth';

  @IsUrl(url)
  GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';

  @IsString()
  X_CLIENT_ID = 'rounds-local';

  @IsString()
  X_CLIENT_SECRET = 'rounds-local-secret';

  @IsString()
  GOOGLE_CLIENT_ID = 'rounds-local';

  @IsString()
  GOOGLE_CLIENT_SECRET = 'rounds-local-secret';

  /** Per platform request but the create calls (uploads, lookups, metrics, token refresh). */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  PLATFORM_TIMEOUT_MS = 30_000;

  /**
   * Per create call (an X tweet or reply, a YouTube go-live or comment reply: small JSON requests).
   * Also how long a create call we lost track of may still land on the platform: a lookup that
   * finds nothing proves absence from then on.
   */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  PLATFORM_CREATE_TIMEOUT_MS = 10_000;

  /**
   * A publish claim whose worker stopped renewing it (its heartbeat) for this long is in doubt and
   * is verified on the platform by the first worker that sees it; the heartbeat runs 6 times as often.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  CLAIM_TTL_MS = 15_000;

  /** Tries per publication on 5xx and timeouts before it is `failed` (429 waits do not count). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  PUBLISH_MAX_ATTEMPTS = 6;

  /**
   * Posts one X account may send in any 15 minutes (X's per-user limit on POST /2/tweets, which
   * depends on the API tier); the worker keeps each channel under it, other channels unaffected.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  X_POSTS_PER_15_MIN = 100;

  /** First retry delay; each next one doubles, with full jitter. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  PUBLISH_RETRY_BASE_MS = 10_000;

  /** How often the reconciler rebuilds missing jobs and resolves in-doubt publications. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  RECONCILE_INTERVAL_MS = 60_000;

  /** Quota units the Google project gets per Pacific day. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  YOUTUBE_DAILY_QUOTA = 10_000;

  /** Posts the X app may create per UTC month (X Basic's app-level cap); the composer shows it. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  X_MONTHLY_POST_BUDGET = 50_000;

  /** Overrides of the quota table, e.g. `videos.insert=100,thumbnails.set=50`. */
  @IsOptional()
  @Matches(/^[a-zA-Z.]+=\d+(,[a-zA-Z.]+=\d+)*$/, {
    message: 'YOUTUBE_QUOTA_COSTS must be operation=units pairs, comma-separated',
  })
  YOUTUBE_QUOTA_COSTS?: string;

  /** `smtp://user:pass@host:port`; e-mail is off when empty. */
  @IsOptional()
  @IsUrl({ ...url, protocols: ['smtp', 'smtps'] })
  SMTP_URL?: string;

  @IsEmail({ require_tld: false })
  MAIL_FROM = 'rounds@rounds.local';

  /** Web Push (VAPID) keys, base64url (`npx web-push generate-vapid-keys`); push is off when unset. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{87}$/, {
    message: 'VAPID_PUBLIC_KEY must be a base64url P-256 public key',
  })
  VAPID_PUBLIC_KEY?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{43}$/, {
    message: 'VAPID_PRIVATE_KEY must be a base64url P-256 private key',
  })
  VAPID_PRIVATE_KEY?: string;

  /** Who the push services contact about this sender: a mailto: or https: URL. */
  @Matches(/^(mailto:|https:\/\/)\S+$/, {
    message: 'VAPID_SUBJECT must be a mailto: or https: URL',
  })
  VAPID_SUBJECT = 'mailto:rounds@rounds.local';

  /** A statement running longer is cancelled (a stuck query must not hold a connection). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  DB_STATEMENT_TIMEOUT_MS = 30_000;

  /** Waiting longer for a row or table lock fails the statement instead of queueing forever. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  DB_LOCK_TIMEOUT_MS = 10_000;

  /** A transaction left idle this long (a crashed request) is ended by PostgreSQL, freeing its locks. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;

  /** Waiting longer for a pooled connection fails the request. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  DB_CONNECT_TIMEOUT_MS = 10_000;

  /** Memory an API process gives the serialized answers of the read paths (calendar, queue, ...). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  READ_CACHE_MB = 64;

  /**
   * The operator's token for Bull Board at /admin/queues (HTTP Basic, user `operator`). The
   * operator runs the service for every organization; no organization role opens it. Empty: off.
   */
  @IsOptional()
  @MinLength(32, { message: 'OPERATOR_TOKEN must be at least 32 characters' })
  OPERATOR_TOKEN?: string;

  /** Lets the operator retry, promote and remove jobs in Bull Board; read-only when false. */
  @Transform(({ value }: { value: unknown }) => value === true || value === 'true')
  @IsBoolean()
  OPERATOR_QUEUES_WRITABLE = false;
}

/** Validates the environment once; a bad or missing variable stops boot with its name and rule. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const provided = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const config = plainToInstance(AppConfig, provided, { excludeExtraneousValues: false });
  const errors = validateSync(config, { skipMissingProperties: false });
  // Values are never printed: a mistyped secret would end up in the deployment's logs.
  const lines = errors.map((e) => {
    const rules = Object.values(e.constraints ?? {}).join('; ');
    return `  ${e.property}: ${rules} (${e.value === undefined ? 'missing' : 'invalid'})`;
  });
  if (lines.length === 0 && config.NODE_ENV === 'production') {
    lines.push(...productionProblems(config).map((problem) => `  ${problem}`));
  }
  if (lines.length > 0) {
    throw new Error(`Invalid configuration:\n${lines.join('\n')}\nSee .env.example.`);
  }
  return config;
}
