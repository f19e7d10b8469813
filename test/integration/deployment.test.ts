import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import request from 'supertest';
import { parse, parseAllDocuments } from 'yaml';
import { loadConfig } from '@rounds/config';
import { JobName, QueueName } from '@rounds/queue';
import { TEST_REDIS_URL } from '../support/test-env';
import { startTestApi, TestApi } from '../support/test-api';

type Manifest = { apiVersion: string; kind: string; metadata: { name: string }; spec?: any };
type Container = { image: string; env?: EnvVar[]; envFrom?: unknown[]; livenessProbe?: any };
type EnvVar = { name: string; value?: string; valueFrom?: { secretKeyRef?: { key: string } } };

const SECRET_NAMES = /SECRET|KEY|TOKEN|PASSWORD|DATABASE(_READ)?_URL|REDIS_URL|SMTP_URL/;
const DOCKERFILE = readFileSync('docker/Dockerfile', 'utf8');
const DOCKER_TARGETS = [...DOCKERFILE.matchAll(/^FROM \S+ AS (\S+)$/gm)].map((m) => m[1]);

/** The class kubernetes-models (or its KEDA package) has for a manifest's apiVersion and kind. */
function modelOf({ apiVersion, kind }: Manifest) {
  const module = apiVersion.startsWith('keda.sh/')
    ? `@kubernetes-models/keda/${apiVersion}`
    : `kubernetes-models/${apiVersion}`;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module is chosen per manifest
  const model = (require(module) as Record<string, new (m: Manifest) => { validate(): void }>)[
    kind
  ];
  if (!model) throw new Error(`no schema for ${apiVersion} ${kind}`);
  return model;
}

describe('Kubernetes manifests (deploy/kubernetes)', () => {
  const rendered = execFileSync('kubectl', ['kustomize', 'deploy/kubernetes'], {
    encoding: 'utf8',
  });
  const manifests = parseAllDocuments(rendered).map((d) => d.toJS() as Manifest);
  const find = (kind: string, name: string) => {
    const found = manifests.find((m) => m.kind === kind && m.metadata.name === name);
    if (!found) throw new Error(`${kind}/${name} is not rendered`);
    return found;
  };
  const containers = (m: Manifest): Container[] => m.spec.template.spec.containers;
  const configMap = find('ConfigMap', 'rounds-config') as Manifest & {
    data: Record<string, string>;
  };

  it('renders every object the deployment needs, each valid against its schema', () => {
    expect(manifests.map((m) => `${m.kind}/${m.metadata.name}`).sort()).toEqual([
      'ConfigMap/rounds-config',
      'Deployment/rounds-api',
      'Deployment/rounds-worker',
      'HorizontalPodAutoscaler/rounds-api',
      'Job/rounds-migrate',
      'Namespace/rounds',
      'PersistentVolumeClaim/rounds-audit-checkpoints',
      'PersistentVolumeClaim/rounds-media',
      'PodDisruptionBudget/rounds-api',
      'ScaledObject/rounds-worker',
      'Service/rounds-api',
      'TriggerAuthentication/rounds-redis',
    ]);
    for (const manifest of manifests) {
      const Model = modelOf(manifest);
      expect(() => new Model(manifest).validate()).not.toThrow();
    }
  });

  it('runs images built from the Dockerfile, as a non-root user', () => {
    for (const workload of [
      find('Deployment', 'rounds-api'),
      find('Deployment', 'rounds-worker'),
      find('Job', 'rounds-migrate'),
    ]) {
      expect(workload.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
      for (const { image } of containers(workload)) {
        const target = /rounds-(\w+):/.exec(image)?.[1];
        expect(DOCKER_TARGETS).toContain(target);
      }
    }
  });

  it('takes secrets from the Secret only, and gives each workload everything the config requires', () => {
    expect(Object.keys(configMap.data).filter((k) => SECRET_NAMES.test(k))).toEqual([]);
    for (const workload of [
      find('Deployment', 'rounds-api'),
      find('Deployment', 'rounds-worker'),
      find('Job', 'rounds-migrate'),
    ]) {
      const env: Record<string, string> = { ...configMap.data };
      for (const variable of containers(workload).flatMap((c) => c.env ?? [])) {
        if (SECRET_NAMES.test(variable.name)) expect(variable.value).toBeUndefined();
        if (variable.valueFrom?.secretKeyRef) env[variable.name] = secretStandIn(variable.name);
      }
      expect(() => loadConfig(env)).not.toThrow();
    }
  });

  it('gives the worker longer to stop than a publish job holds its lock', () => {
    const worker = find('Deployment', 'rounds-worker');
    // The longest lock is a YouTube upload's (4 platform timeouts); a publish job's is CLAIM_TTL_MS.
    const lockDurationMs = 4 * Number(configMap.data.PLATFORM_TIMEOUT_MS);
    expect(worker.spec.template.spec.terminationGracePeriodSeconds * 1000).toBeGreaterThan(
      lockDurationMs,
    );
  });

  it('scales the API on CPU and the worker on the list BullMQ really fills', async () => {
    const hpa = find('HorizontalPodAutoscaler', 'rounds-api');
    expect(hpa.spec.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: 'rounds-api' });
    const scaled = find('ScaledObject', 'rounds-worker');
    expect(scaled.spec.scaleTargetRef.name).toBe('rounds-worker');
    const listName: string = scaled.spec.triggers[0].metadata.listName;

    // Enqueue as the app does (same prefix) and look for the job in that list.
    const prefix = configMap.data.QUEUE_PREFIX;
    const connection = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new Queue(QueueName.Publish, { connection, prefix: `{${prefix}-k8s-test}` });
    try {
      await queue.add(JobName.PublishPublication, { organizationId: 'o', publicationId: 'p' });
      const key = listName.replace(`{${prefix}}`, `{${prefix}-k8s-test}`);
      expect(await connection.llen(key)).toBe(1);
    } finally {
      await queue.obliterate({ force: true });
      await queue.close();
      connection.disconnect();
    }
  });

  describe('probes', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi();
    });
    afterAll(() => api.close());

    it('call routes the API answers', async () => {
      const probes = containers(find('Deployment', 'rounds-api'))[0];
      for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
        const { path } = (probes as any)[probe].httpGet as { path: string };
        await request(api.url).get(path).expect(200);
      }
    });
  });
});

describe('Docker (docker/compose.yml and docker/Dockerfile)', () => {
  const compose = parse(readFileSync('docker/compose.yml', 'utf8')) as {
    services: Record<string, any>;
  };
  const appServices = Object.entries(compose.services).filter(([, s]) => s.build);

  it('builds every app service from a target the Dockerfile has', () => {
    expect(appServices.map(([name]) => name).sort()).toEqual(['api', 'migrate', 'worker']);
    for (const [, service] of appServices) expect(DOCKER_TARGETS).toContain(service.build.target);
  });

  it('sets every variable the configuration requires', () => {
    for (const [, service] of appServices) {
      const env = Object.fromEntries(
        Object.entries(service.environment as Record<string, string>).map(([k, v]) => [
          k,
          // `${VAR:?message}` and `${VAR:-default}` are given by the operator at `up` time.
          /^\$\{\w+:\?/.test(v) ? secretStandIn(k) : v.replace(/^\$\{\w+:-(.*)\}$/, '$1'),
        ]),
      );
      expect(() => loadConfig({ ...env, NODE_ENV: 'development' })).not.toThrow();
    }
  });

  it('mounts the media volume where the image has a folder the node user owns', () => {
    for (const name of ['api', 'worker']) {
      expect(compose.services[name].volumes).toContain('media:/data/media');
    }
    expect(DOCKERFILE).toMatch(
      /RUN mkdir -p \/data\/media && chown node:node \/data\/media\nUSER node/,
    );
  });

  it('health-checks routes the API has', () => {
    const healthcheck = /HEALTHCHECK[\s\S]*?fetch\('http:\/\/127\.0\.0\.1:3000(\/[\w/]+)'/.exec(
      DOCKERFILE,
    );
    expect(healthcheck?.[1]).toBe('/health/ready');
  });
});

/** A syntactically valid value for a secret the operator provides. */
function secretStandIn(name: string): string {
  if (name === 'ENCRYPTION_KEY' || name === 'AUDIT_SIGNING_KEY') {
    return `k1:${randomBytes(32).toString('base64')}`;
  }
  if (/DATABASE(_READ)?_URL$/.test(name)) return 'postgres://rounds:secret@postgres:5432/rounds';
  if (name === 'REDIS_URL') return 'redis://redis:6379';
  if (name === 'SMTP_URL') return 'smtp://mail:587';
  return randomBytes(32).toString('hex');
}
