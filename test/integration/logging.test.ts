import type { ArgumentsHost } from '@nestjs/common';
import { Writable } from 'node:stream';
import request from 'supertest';
import { createPino, PINO } from '@rounds/config';
import { AllExceptionsFilter } from '../../apps/api/src/common/exception.filter';
import { startTestApi, TestApi } from '../support/test-api';

describe('logging', () => {
  const lines: string[] = [];
  const capture = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({}, (builder) =>
      builder.overrideProvider(PINO).useValue(createPino('info', capture)),
    );
  });
  afterAll(() => api.close());

  it('logs a database error without any of its bound values, quoted or not', async () => {
    const hash = '$argon2id$v=19$m=65536,t=3,p=4$c2VjcmV0LXNhbHQ$patienthash';
    const patient = 'Maria Delgado-Ortiz';
    const error = await api.dataSource
      .query('SELECT $1::text AS hash, $2::uuid AS id', [hash, patient])
      .catch((e: unknown) => e);
    expect(String((error as Error).message)).toContain(patient); // PostgreSQL quotes it back
    const response = { status: () => ({ json: () => undefined }) };
    const host = { switchToHttp: () => ({ getResponse: () => response }) } as ArgumentsHost;
    new AllExceptionsFilter().catch(error, host);

    const log = lines.join('');
    expect(log).toContain('unhandled error');
    expect(log).toContain('errorId');
    expect(log).not.toContain(patient);
    expect(log).not.toContain('patienthash');
  });

  it('logs requests with their id and never a password or token from a body', async () => {
    await request(api.url)
      .post('/api/v1/auth/login')
      .set('x-request-id', 'req-logging-1')
      .send({ email: 'nobody@example.test', password: 'hunter2-hunter2' })
      .expect(401);
    const log = lines.join('');
    expect(log).toContain('req-logging-1');
    expect(log).not.toContain('hunter2');
  });
});
