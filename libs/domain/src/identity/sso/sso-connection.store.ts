import { EntityManager } from 'typeorm';
import { SsoConnectionEntity } from './sso-connection.entity';

export function findSsoConnection(
  manager: EntityManager,
  organizationId: string,
): Promise<SsoConnectionEntity | null> {
  return manager.findOneBy(SsoConnectionEntity, { organizationId });
}

/** The enabled connection a login page's e-mail (by its domain) or organization slug names. */
export function findSsoConnectionFor(
  manager: EntityManager,
  by: { email?: string; organization?: string },
): Promise<SsoConnectionEntity | null> {
  const query = manager.createQueryBuilder(SsoConnectionEntity, 'c').where('c.enabled');
  if (by.organization) return query.andWhere('c.slug = :slug', { slug: by.organization }).getOne();
  const domain = (by.email ?? '').split('@')[1]?.toLowerCase();
  if (!domain) return Promise.resolve(null);
  return query.andWhere(':domain = ANY(c.email_domains)', { domain }).getOne();
}

export const clientSecretContext = (organizationId: string) => `sso:${organizationId}:client`;
