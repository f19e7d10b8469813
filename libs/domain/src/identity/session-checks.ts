import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { readVersionsOf, ReadVersions } from '../read-versions';
import { Role } from './role';
import type { AccessClaims } from './token.service';

export interface TokenHolder {
  /** Null when the account is disabled or no longer exists. */
  role: Role | null;
  sessionActive: boolean;
  readVersions: ReadVersions;
}

interface Waiting {
  claims: AccessClaims;
  resolve: (holder: TokenHolder) => void;
  reject: (error: unknown) => void;
}

const sessionOf = ({ org, sub, sid }: AccessClaims) => `${org} ${sub} ${sid}`;

/**
 * What an access token's holder still is, read on every request so that deactivation, a role
 * change and logout take effect before the token expires: the user's role unless the account
 * is disabled or gone, whether the session lives (its current, unrotated token unrevoked and
 * unexpired), and the organization's read versions, which the read paths' ETags would otherwise
 * cost a second statement.
 *
 * The checks asked for in one turn of the event loop share one statement. Each is read after its
 * request arrived, so a request still sees every write committed before it; under load, a
 * hundred requests cost one round trip and one pooled connection instead of a hundred.
 */
@Injectable()
export class SessionChecks {
  private waiting: Waiting[] = [];

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  holderOf(claims: AccessClaims): Promise<TokenHolder> {
    return new Promise((resolve, reject) => {
      if (this.waiting.push({ claims, resolve, reject }) === 1) setImmediate(() => this.check());
    });
  }

  private async check(): Promise<void> {
    const batch = this.waiting;
    this.waiting = [];
    const sessions = [...new Map(batch.map((w) => [sessionOf(w.claims), w.claims])).values()];
    try {
      const rows = await this.dataSource.query<(TokenHolder & { n: string })[]>(
        `SELECT c.n,
                (SELECT role FROM users
                  WHERE organization_id = c.org AND id = c.sub AND disabled_at IS NULL) AS role,
                EXISTS (SELECT 1 FROM refresh_tokens
                         WHERE organization_id = c.org AND family_id = c.sid AND rotated_at IS NULL
                           AND revoked_at IS NULL AND expires_at > $4) AS "sessionActive",
                ${readVersionsOf('c.org')} AS "readVersions"
           FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) WITH ORDINALITY AS c(org, sub, sid, n)`,
        [
          sessions.map((s) => s.org),
          sessions.map((s) => s.sub),
          sessions.map((s) => s.sid ?? null),
          new Date(),
        ],
      );
      const holders = new Map(
        rows.map(({ n, ...holder }) => [sessionOf(sessions[Number(n) - 1]), holder]),
      );
      for (const w of batch) w.resolve(holders.get(sessionOf(w.claims))!);
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
  }
}
