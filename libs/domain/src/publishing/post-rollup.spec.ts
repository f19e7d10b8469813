import { PostStatus as S } from '../lifecycle/statuses';
import { postStatusOf, transitionPath } from './post-rollup';

describe("a post's status from its publications", () => {
  it.each([
    [S.Scheduled, [S.Published], S.Published],
    [S.Scheduled, [S.Published, S.Publishing], S.Publishing],
    [S.Scheduled, [S.Published, S.Scheduled], S.Publishing],
    [S.Scheduled, [S.Scheduled, S.Scheduled], undefined],
    [S.Publishing, [S.Published, S.Failed], S.Failed],
    [S.Publishing, [S.Published, S.InDoubt], S.InDoubt],
    [S.Publishing, [S.Published, S.Held], S.Held],
    [S.Publishing, [S.Published, S.Cancelled], S.Published],
    [S.Draft, [S.Published], undefined],
  ])('%s with %j becomes %s', (current, publications, expected) => {
    expect(postStatusOf(current, publications)).toBe(expected);
  });
});

describe('transitionPath', () => {
  it('walks only through transitions the lifecycle allows', () => {
    expect(transitionPath(S.Scheduled, S.Published)).toEqual([S.Publishing, S.Published]);
    expect(transitionPath(S.InDoubt, S.Held)).toEqual([S.Publishing, S.Held]);
    expect(transitionPath(S.Publishing, S.Failed)).toEqual([S.Failed]);
    expect(transitionPath(S.Published, S.Failed)).toBeUndefined();
  });
});
