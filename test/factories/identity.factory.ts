import { randomBytes } from 'node:crypto';
import request from 'supertest';

export const PASSWORD = 'correct horse battery staple';

export interface Session {
  accessToken: string;
  refreshToken: string;
  userId: string;
  email: string;
}

export interface TestOrganization {
  id: string;
  admin: Session;
}

const unique = () => randomBytes(5).toString('hex');

/** Signs up a new organization through the API; its first user is the admin. */
export async function signupOrganization(url: string, timeZone = 'America/Chicago') {
  const email = `admin-${unique()}@hospital.test`;
  const response = await request(url)
    .post('/api/v1/auth/signup')
    .send({
      organizationName: `Mercy ${unique()}`,
      name: 'Avery Admin',
      email,
      password: PASSWORD,
      timeZone,
    })
    .expect(201);
  const body = response.body;
  return {
    id: body.organization.id as string,
    admin: {
      accessToken: body.accessToken,
      refreshToken: body.refreshToken,
      userId: body.user.id,
      email,
    },
  } satisfies TestOrganization;
}

/** An admin invites a user with the role, who sets their password and then logs in. */
export async function addUser(url: string, admin: Session, role: string): Promise<Session> {
  const email = `${role}-${unique()}@hospital.test`;
  const invited = await inviteUser(url, admin, email, role);
  await request(url)
    .post('/api/v1/auth/invitations/accept')
    .send({ token: invited.token, password: PASSWORD })
    .expect(200);
  const login = await request(url)
    .post('/api/v1/auth/login')
    .send({ email, password: PASSWORD })
    .expect(200);
  return { ...login.body, userId: invited.userId, email };
}

/** The invitation as the admin sees it once. */
export async function inviteUser(url: string, admin: Session, email: string, role: string) {
  const created = await request(url)
    .post('/api/v1/users')
    .auth(admin.accessToken, { type: 'bearer' })
    .send({ email, name: `Test ${role}`, role })
    .expect(201);
  return {
    userId: created.body.user.id as string,
    token: created.body.invitation.token as string,
    url: created.body.invitation.url as string,
  };
}
