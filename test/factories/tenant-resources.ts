import { randomUUID } from 'node:crypto';
import { createConversationMessage } from './conversations.factory';
import type { Session, TestOrganization } from './identity.factory';
import { addUser } from './identity.factory';
import { recordConsent, uploadFixture } from './media.factory';
import { createNotification } from './notifications.factory';
import { as, createChannel, createPost, inHours } from './posts.factory';

/**
 * How to make, in one organization, the object a route parameter names — keyed by the path
 * segment before the parameter and the parameter (`users/:id`). The tenancy suite walks every
 * route with parameters and fails, naming the key, when a new resource has no entry here.
 */
export type ResourceFactory = (url: string, org: TestOrganization) => Promise<string>;

export const TENANT_RESOURCES: Record<string, ResourceFactory> = {
  'users/:id': async (url, org) => (await addUser(url, org.admin, 'marketer')).userId,
  'media/:id': async (url, org) => (await uploadFixture(url, org.admin, 'pixel.png')).id,
  'consents/:id': async (url, org) => {
    const media = await uploadFixture(url, org.admin, 'pixel.png', { showsPatient: 'true' });
    return (await recordConsent(url, org.admin, media.id)).id;
  },
  'notifications/:id': (_url, org) => createNotification(org.id, org.admin.userId),
  'channels/:id': (_url, org) => createChannel(org.id, 'x'),
  'posts/:id': async (url, org) => {
    const channelIds = [await createChannel(org.id, 'x')];
    const text = 'Flu shots are free this Saturday at our main campus.';
    return (await createPost(url, org.admin, { channelIds, scheduledAt: inHours(24), text })).id;
  },
  'conversations/:id': (_url, org) => createConversationMessage(org.id),
  'reply-templates/:id': async (url, org) => {
    const template = await as(url, org.admin).post('/reply-templates', {
      name: `DM us ${randomUUID()}`,
      text: 'Thank you! Please send us a direct message so we can help.',
    });
    return template.body.id as string;
  },
  'restricted-terms/:id': async (url, org) => {
    const term = await as(url, org.admin).post('/restricted-terms', {
      term: `Project ${randomUUID().slice(0, 8)}`,
      severity: 'block',
    });
    return term.body.id as string;
  },
  'groups/:id': async (url, org) => {
    const group = await as(url, org.admin).post('/feedback/groups', {
      name: `Risk management ${randomUUID()}`,
      memberIds: [],
    });
    return group.body.id as string;
  },
  'replies/:id': async (url, org) => {
    const messageId = await createConversationMessage(org.id);
    const reply = await as(url, org.admin).post(`/conversations/${messageId}/replies`, {
      text: 'Thank you! Please send us a direct message so we can help.',
    });
    return reply.body.id as string;
  },
};

/** Bodies that pass validation for routes that take one, so the tenant check is what answers. */
export const VALID_BODIES: Record<string, (session: Session) => object> = {
  'patch /api/v1/users/:id': () => ({ role: 'executive' }),
  'patch /api/v1/media/:id': () => ({ showsPatient: true }),
  'post /api/v1/media/:id/consents': () => ({
    personName: 'Jordan Reyes',
    formId: 'REL-1',
    signedAt: new Date(Date.now() - 3600_000).toISOString(),
  }),
  'post /api/v1/conversations/:id/replies': () => ({ text: 'Thank you for reaching out!' }),
  'post /api/v1/conversations/:id/assign': (session) => ({ assigneeId: session.userId }),
  'post /api/v1/conversations/:id/notes': () => ({ text: 'Called them back.' }),
  'put /api/v1/feedback/groups/:id': () => ({ name: 'Patient experience', memberIds: [] }),
  'post /api/v1/conversations/replies/:id/reject': () => ({ comment: 'Please shorten it.' }),
  'post /api/v1/posts/:id/reject': () => ({ comment: 'Please remove the patient’s name.' }),
  'post /api/v1/posts/:id/approve': () => ({ revisionId: randomUUID() }),
  'post /api/v1/users/:id/deactivate': () => ({ reason: 'Left the hospital' }),
  'post /api/v1/users/:id/reactivate': () => ({ reason: 'Came back' }),
};
