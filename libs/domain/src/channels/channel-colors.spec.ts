import { CHANNEL_COLORS, nextChannelColor } from './channel-colors';

describe('channel colours', () => {
  it('gives each new channel of an organization a colour no other channel has', () => {
    const taken: string[] = [];
    for (let i = 0; i < CHANNEL_COLORS.length; i += 1) taken.push(nextChannelColor(taken));
    expect(new Set(taken).size).toBe(CHANNEL_COLORS.length);
  });

  it('reuses a colour a disconnected channel gave back before repeating', () => {
    expect(nextChannelColor([CHANNEL_COLORS[1]])).toBe(CHANNEL_COLORS[0]);
    expect(nextChannelColor([...CHANNEL_COLORS, CHANNEL_COLORS[0]])).toBe(CHANNEL_COLORS[1]);
  });
});
