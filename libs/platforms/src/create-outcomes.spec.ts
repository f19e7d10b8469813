import { type CreateAnswer, type CreateCall, createCallError } from './create-outcomes';

// Written from the platforms' documented behaviour, not from the table: what each answer to a
// create call proves, as the error kind the publisher acts on.
const EXPECTED: [CreateCall, CreateAnswer, string][] = [
  ['x.tweet', 400, 'content'],
  ['x.tweet', 403, 'content'],
  ['x.tweet', 'duplicate', 'duplicate'],
  ['x.tweet', 401, 'auth'],
  ['x.tweet', 429, 'rate_limited'],
  ['x.tweet', '5xx', 'unknown_outcome'],
  ['x.tweet', 408, 'unknown_outcome'],
  ['x.tweet', 'sent-then-lost', 'unknown_outcome'],
  ['x.tweet', 'unparseable', 'unknown_outcome'],
  ['x.tweet', 'not-sent', 'transient'],
  ['x.media_finalize', '5xx', 'unknown_outcome'],
  ['x.media_finalize', 413, 'content'],
  ['youtube.insert', '5xx', 'unknown_outcome'],
  ['youtube.insert', 'sent-then-lost', 'unknown_outcome'],
  ['youtube.insert', 400, 'content'],
  ['youtube.comment_reply', '5xx', 'unknown_outcome'],
  ['youtube.comment_reply', 409, 'unknown_outcome'],
  ['youtube.comment_reply', 403, 'content'],
];

describe('create-call outcomes', () => {
  it.each(EXPECTED)('%s answered %s is %s', (call, answer, kind) => {
    expect(createCallError(call, answer, 'answer').kind).toBe(kind);
  });
});
