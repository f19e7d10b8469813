import { Router } from 'express';
import { userContext } from './x-auth.middleware';
import { sendXInvalid, sendXProblem, xNotFound } from './x-problems';
import { queryString } from './x-query';
import { renderOptions, renderTweets } from './x-render';
import type { XStore } from './x-store';
import { createTweet } from './x-tweet-create';

const MAX_LOOKUP_IDS = 100;

/** Create, delete and look up tweets. */
export function createXTweetsRouter(store: XStore, now: () => Date): Router {
  const router = Router();

  router.post('/2/tweets', (req, res) => {
    const outcome = createTweet(store, userContext(res).account, req.body, now());
    if (outcome.status !== 201) {
      res.status(outcome.status).json(outcome.body);
      return;
    }
    const { id, text } = outcome.tweet;
    res.status(201).json({ data: { id, text, edit_history_tweet_ids: [id] } });
  });

  router.delete('/2/tweets/:id', (req, res) => {
    const tweet = store.liveTweet(req.params.id);
    if (!tweet) {
      res.json({ data: { deleted: false } });
      return;
    }
    if (tweet.authorId !== userContext(res).account.id) {
      sendXProblem(res, 403, 'You are not allowed to delete a Tweet that does not belong to you.');
      return;
    }
    tweet.deletedAt = now();
    res.json({ data: { deleted: true } });
  });

  router.get('/2/tweets/:id', (req, res) => {
    const options = renderOptions(req, userContext(res).account.id, now());
    const tweet = store.liveTweet(req.params.id);
    if (!tweet) {
      res.json({ errors: [xNotFound('tweet', 'id', req.params.id)] });
      return;
    }
    const { data, ...rest } = renderTweets(store, [tweet], options);
    res.json({ data: data?.[0], ...rest });
  });

  router.get('/2/tweets', (req, res) => {
    const options = renderOptions(req, userContext(res).account.id, now());
    const ids = (queryString(req, 'ids') ?? '').split(',').filter(Boolean);
    if (ids.length === 0 || ids.length > MAX_LOOKUP_IDS) {
      sendXInvalid(
        res,
        `The number of values in the \`ids\` query parameter list [${ids.length}] is not between 1 and ${MAX_LOOKUP_IDS}`,
        { ids },
      );
      return;
    }
    const found = ids.flatMap((id) => store.liveTweet(id) ?? []);
    const missing = ids
      .filter((id) => !store.liveTweet(id))
      .map((id) => xNotFound('tweet', 'ids', id));
    const answer = renderTweets(store, found, options);
    const errors = [...missing, ...(answer.errors ?? [])];
    res.json({ ...answer, ...(errors.length ? { errors } : {}) });
  });

  return router;
}
