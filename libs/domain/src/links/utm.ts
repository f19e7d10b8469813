import type { ChannelPlatform } from '../channels';

/** What a tracked link's destination says of where the visit came from. */
export interface LinkAttribution {
  platform: ChannelPlatform;
  /** The post's campaign; left out of the URL when it has none. */
  campaign: string | null;
  postId: string;
}

/**
 * The URL with the UTM parameters analytics tools read (first-party: the hospital's own
 * analytics sees them, no third party is involved): source = platform, medium = social,
 * campaign = the post's campaign, content = the post. Parameters already there are replaced.
 */
export function withUtm(url: string, { platform, campaign, postId }: LinkAttribution): string {
  const destination = new URL(url);
  const params = destination.searchParams;
  params.set('utm_source', platform);
  params.set('utm_medium', 'social');
  if (campaign) params.set('utm_campaign', campaign);
  else params.delete('utm_campaign');
  params.set('utm_content', postId);
  return destination.toString();
}
