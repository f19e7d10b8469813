import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@rounds/config';
import type { AuditService } from '../audit/audit.service';
import type { DataSource } from 'typeorm';
import { TokenService } from './token.service';

describe('access tokens', () => {
  const jwt = new JwtService({
    secret: 'a test secret of enough length',
    signOptions: { expiresIn: 60 },
  });
  const tokens = new TokenService(
    jwt,
    { JWT_SECRET: 'a test secret of enough length' } as AppConfig,
    {} as AuditService,
    {} as DataSource,
  );
  const claims = { sub: 'u', org: 'o', role: 'marketer', sid: 's' };
  afterEach(() => jest.useRealTimers());

  it('refuses a token once it has expired, though it was accepted before', () => {
    jest.useFakeTimers({ now: new Date('2031-01-01T12:00:00Z') });
    const token = jwt.sign(claims);
    expect(tokens.verifyAccessToken(token)).toMatchObject(claims);
    jest.setSystemTime(new Date('2031-01-01T12:01:01Z'));
    expect(() => tokens.verifyAccessToken(token)).toThrow('access token is invalid or expired');
  });

  it('refuses a token whose signature was altered, whatever it carries', () => {
    const token = jwt.sign(claims);
    expect(tokens.verifyAccessToken(token).sub).toBe('u');
    const [header, , signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'admin', exp: 4e9 })).toString(
      'base64url',
    );
    expect(() => tokens.verifyAccessToken(`${header}.${forged}.${signature}`)).toThrow();
  });
});
