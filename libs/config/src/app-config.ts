import { plainToInstance, Transform } from 'class-transformer';
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
} from 'class-validator';

const url = { require_tld: false, require_protocol: true };
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

  @IsUrl({ ...url, protocols: ['postgres', 'postgresql'] })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/rounds';

  @IsUrl({ ...url, protocols: ['redis', 'rediss'] })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'QUEUE_PREFIX must be letters, digits, - or _' })
  QUEUE_PREFIX = 'rounds';

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET: string;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  JWT_ACCESS_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  REFRESH_TOKEN_TTL_DAYS = 30;

  /** `keyId:base64key[,keyId:base64key…]`; the first key encrypts, every listed key decrypts. */
  @Matches(/^[A-Za-z0-9_-]+:[A-Za-z0-9+/=]{43,44}(,[A-Za-z0-9_-]+:[A-Za-z0-9+/=]{43,44})*$/, {
    message: 'ENCRYPTION_KEY must be keyId:base64 of 32 bytes, comma-separated for rotation',
  })
  ENCRYPTION_KEY: string;

  /** Sign-up, login and refresh requests one address may make per 15 minutes. */
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

  /** Per platform request; publish locks and leases are derived from it (well above it). */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  PLATFORM_TIMEOUT_MS = 30_000;

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
  if (errors.length > 0) {
    const lines = errors.map((e) => {
      const rules = Object.values(e.constraints ?? {}).join('; ');
      const given = e.value === undefined ? 'missing' : `got ${JSON.stringify(String(e.value))}`;
      return `  ${e.property}: ${rules} (${given})`;
    });
    throw new Error(`Invalid configuration:\n${lines.join('\n')}\nSee .env.example.`);
  }
  return config;
}
