import { DEMO_LOGINS } from './demo-organization';

const DAY_MS = 86_400_000;

interface DemoPost {
  text: string;
  /** An X thread: the tweets after the first. */
  thread?: string[];
  inDays: number;
  /** Local time of day, `HH:mm`. */
  at: string;
  /** How far it goes: a draft, waiting for review, or approved (scheduled). */
  stage: 'draft' | 'in_review' | 'approved';
}

/**
 * Something on each role's first screen: the calendar, the review queue (one post with a
 * patient's name and room, which the PHI scan blocks), a scheduled post. Written through the API
 * as the demo's marketer and compliance officer would, so every step is checked and audited.
 */
const DEMO_POSTS: DemoPost[] = [
  {
    text: 'Free flu shots this Saturday, 9 am to 1 pm, at our main campus. No appointment needed! #FluSeason',
    inDays: 3,
    at: '10:00',
    stage: 'approved',
  },
  {
    text: 'Our new cardiac rehab gym opens Monday: treadmills, bikes and a team of exercise physiologists to help you get back to what you love.',
    inDays: 5,
    at: '12:00',
    stage: 'in_review',
  },
  {
    text: 'Congratulations to Maria Gonzalez in room 412, going home today after her heart surgery! 🎉',
    inDays: 6,
    at: '15:00',
    stage: 'in_review',
  },
  {
    text: 'Join our stroke team live on Thursday at noon: learn the signs of a stroke and when to call 911. #StrokeAwareness',
    thread: [
      'BE FAST: Balance, Eyes, Face, Arm, Speech, Time. Any one of them can be a stroke.',
      'Call 911 at the first sign: every minute without treatment costs brain cells.',
    ],
    inDays: 8,
    at: '17:00',
    stage: 'draft',
  },
];

type Call = <T>(method: string, path: string, body?: object) => Promise<T>;

/** Creates the demo posts once, in an organization that has none; returns how many. */
export async function seedDemoPosts(url: string): Promise<number> {
  const marketer = await signedIn(url, 'marketer@stmarys.demo');
  const posts = await marketer<unknown[]>(
    'GET',
    '/posts?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z',
  );
  if (posts.length > 0) return 0;
  const channels = await marketer<{ id: string; platform: string; status: string }[]>(
    'GET',
    '/channels',
  );
  const x = channels.find((c) => c.platform === 'x' && c.status === 'connected');
  if (!x) return 0;
  const compliance = await signedIn(url, 'compliance@stmarys.demo');
  for (const { text, thread, inDays, at, stage } of DEMO_POSTS) {
    const day = new Date(Date.now() + inDays * DAY_MS).toISOString().slice(0, 10);
    const post = await marketer<{ id: string }>('POST', '/posts', {
      channelIds: [x.id],
      scheduledAt: `${day}T${at}`, // the organization's local time
      x: { text, thread: (thread ?? []).map((reply) => ({ text: reply })) },
    });
    if (stage === 'draft') continue;
    const submitted = await marketer<{ revision: { id: string } }>(
      'POST',
      `/posts/${post.id}/submit`,
    );
    if (stage === 'approved') {
      await compliance('POST', `/posts/${post.id}/approve`, { revisionId: submitted.revision.id });
    }
  }
  return DEMO_POSTS.length;
}

async function signedIn(url: string, email: string): Promise<Call> {
  const send = async <T>(method: string, path: string, body?: object, token?: string) => {
    const response = await fetch(`${url}/api/v1${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body && JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const { accessToken } = await send<{ accessToken: string }>('POST', '/auth/login', {
    email,
    password: DEMO_LOGINS.password,
  });
  return (method, path, body) => send(method, path, body, accessToken);
}
