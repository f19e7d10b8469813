import { withUtm } from './utm';

const POST = '5f0c7f3e-2a55-4c1b-9a57-0a3c8e1d2b44';

describe('withUtm', () => {
  it('adds source, medium, campaign and content, keeping the page and its other parameters', () => {
    expect(
      withUtm('https://www.mercy.org/heart?lang=es#clinics', {
        platform: 'x',
        campaign: 'Heart Month',
        postId: POST,
      }),
    ).toBe(
      `https://www.mercy.org/heart?lang=es&utm_source=x&utm_medium=social&utm_campaign=Heart+Month&utm_content=${POST}#clinics`,
    );
  });

  it('leaves the campaign out when the post has none, and replaces UTM values already there', () => {
    expect(
      withUtm('https://www.mercy.org/?utm_source=newsletter&utm_campaign=old', {
        platform: 'youtube',
        campaign: null,
        postId: POST,
      }),
    ).toBe(`https://www.mercy.org/?utm_source=youtube&utm_medium=social&utm_content=${POST}`);
  });
});
