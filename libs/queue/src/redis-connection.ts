import type { ConnectionOptions, RedisOptions } from 'bullmq';
import IORedis, { Cluster, type Redis } from 'ioredis';
import { REDIS_URL_PATTERN } from '@rounds/config';

/** The one shared client: a single server, a Sentinel-watched master, or a Redis Cluster. */
export type RedisClient = Redis | Cluster;

interface HostPort {
  host: string;
  port: number;
}

/** Where Redis is, read from REDIS_URL (and REDIS_CLUSTER_NODES or REDIS_SENTINELS). */
export type RedisTarget =
  | { mode: 'standalone' | 'sentinel'; options: RedisOptions }
  | { mode: 'cluster'; nodes: HostPort[]; options: RedisOptions };

export interface RedisSettings {
  REDIS_URL: string;
  REDIS_CLUSTER_NODES?: string;
  REDIS_SENTINELS?: string;
  REDIS_SENTINEL_NAME?: string;
}

function hostPorts(list: string): HostPort[] {
  return list.split(',').map((item) => {
    const [host, port] = item.trim().split(':');
    return { host, port: Number(port || 6379) };
  });
}

/**
 * Reads the settings into ioredis options. `REDIS_CLUSTER_NODES` (host:port,…) makes any
 * REDIS_URL a cluster, `REDIS_SENTINELS` with `REDIS_SENTINEL_NAME` a Sentinel-watched master;
 * the URL still gives credentials, TLS and the database number.
 */
export function redisTarget(settings: RedisSettings): RedisTarget {
  const match = REDIS_URL_PATTERN.exec(settings.REDIS_URL);
  if (!match)
    throw new Error('REDIS_URL is not a redis://, redis+cluster:// or redis+sentinel:// URL');
  const [, scheme, kind, user, password, hosts, name, db] = match;
  const options: RedisOptions = {
    username: user ? decodeURIComponent(user) : undefined,
    password: password ? decodeURIComponent(password) : undefined,
    tls: scheme === 'rediss' ? {} : undefined,
    // Workers block; commands wait out a reconnect or a failover instead of failing.
    maxRetriesPerRequest: null,
  };
  if (settings.REDIS_CLUSTER_NODES || kind === 'cluster') {
    return { mode: 'cluster', nodes: hostPorts(settings.REDIS_CLUSTER_NODES || hosts), options };
  }
  const sentinelName = settings.REDIS_SENTINEL_NAME || (kind === 'sentinel' ? name : undefined);
  const database = Number((kind === 'sentinel' ? db : name) ?? 0);
  if (settings.REDIS_SENTINELS || kind === 'sentinel') {
    if (!sentinelName)
      throw new Error('a Sentinel setup needs the master name (REDIS_SENTINEL_NAME)');
    const sentinels = hostPorts(settings.REDIS_SENTINELS || hosts);
    return {
      mode: 'sentinel',
      options: { ...options, sentinels, name: sentinelName, db: database },
    };
  }
  const [single] = hostPorts(hosts);
  return { mode: 'standalone', options: { ...options, ...single, db: database } };
}

/** A new client for the target: a `Cluster` that follows slot moves and failovers, or a Redis. */
export function createRedis(target: RedisTarget): RedisClient {
  if (target.mode !== 'cluster') return new IORedis(target.options);
  return new Cluster(target.nodes, {
    redisOptions: target.options,
    // A failover takes the cluster a few seconds: keep asking rather than fail the command.
    retryDelayOnFailover: 200,
    retryDelayOnClusterDown: 300,
    maxRedirections: 64,
    ...(target.options.tls ? { dnsLookup: (address, callback) => callback(null, address) } : {}),
  });
}

/**
 * What BullMQ gets: options for a single server or Sentinel (each queue and worker opens its
 * own connections), the shared Cluster client for a cluster (BullMQ duplicates it to block).
 */
export function bullConnection(target: RedisTarget, shared: RedisClient): ConnectionOptions {
  return target.mode === 'cluster' ? shared : target.options;
}

/** ioredis options from a plain redis:// or rediss:// URL (benchmarks and tests). */
export function redisOptions(url: string): RedisOptions {
  return redisTarget({ REDIS_URL: url }).options;
}
