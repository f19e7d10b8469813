import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { Schemas } from '../api/schema-types';
import type { FeedbackCategory } from './feedback-category';

export type FeedbackSettings = Schemas['FeedbackSettingsDto'];

export const FEEDBACK_SETTINGS = ['feedback-settings'] as const;

/** Each category's owner and target, the groups, and who may own feedback (every role reads it). */
export function useFeedbackSettings() {
  return useQuery({
    queryKey: FEEDBACK_SETTINGS,
    queryFn: () => unwrap(api.GET('/api/v1/feedback/settings')),
  });
}

export function personName(settings: FeedbackSettings, userId: string): string {
  return settings.people.find((p) => p.id === userId)?.name ?? 'someone no longer on the team';
}

/** Who owns a category: a group's or a person's name; null when nobody does. */
export function ownerName(settings: FeedbackSettings, category: FeedbackCategory): string | null {
  const route = settings.routes.find((r) => r.category === category);
  if (route?.ownerGroupId) {
    return settings.groups.find((g) => g.id === route.ownerGroupId)?.name ?? null;
  }
  return route?.ownerUserId ? personName(settings, route.ownerUserId) : null;
}
