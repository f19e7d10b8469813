import { type Request, type Response, Router } from 'express';
import { userContext } from './x-auth.middleware';
import { xNotFound } from './x-problems';
import { queryList } from './x-query';
import { renderOptions, renderTweets, renderUser } from './x-render';
import type { XStore, XTweet } from './x-store';
import { timelinePage } from './x-timeline';

/** `/2/users/me`, a user's recent tweets and the replies and mentions addressed to them. */
export function createXUsersRouter(store: XStore, now: () => Date): Router {
  const router = Router();

  router.get('/2/users/me', (req, res) => {
    const fields = queryList(req, 'user.fields');
    res.json({ data: renderUser(store, userContext(res).account, fields, now()) });
  });

  router.get('/2/users/:id/tweets', (req, res) =>
    timeline(req, res, store, now, (id) => store.tweetsByAuthor.get(id) ?? []),
  );

  router.get('/2/users/:id/mentions', (req, res) =>
    timeline(req, res, store, now, (id) => store.mentionsByAccount.get(id) ?? []),
  );

  return router;
}

function timeline(
  req: Request,
  res: Response,
  store: XStore,
  now: () => Date,
  tweetsOf: (accountId: string) => XTweet[],
) {
  const id = String(req.params.id);
  const options = renderOptions(req, userContext(res).account.id, now());
  if (!store.accounts.has(id)) {
    res.json({ errors: [xNotFound('user', 'id', id)] });
    return;
  }
  const { page, meta } = timelinePage(req, tweetsOf(id));
  res.json({ ...renderTweets(store, page, options), meta });
}
