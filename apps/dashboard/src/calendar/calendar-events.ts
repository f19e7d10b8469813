import type { EventContentArg, EventInput } from '@fullcalendar/core';
import { isLightColor } from '@mantine/core';
import type { Channel } from '../channels/channels-queries';
import { STATUS_LABELS } from '../posts/post-model';
import type { CalendarEntry } from '../posts/post-model';

const NEUTRAL = '#5c6b7a';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** One calendar entry per post, in the colour of its first channel. */
export function toEvent(post: CalendarEntry, channels: Channel[], canEdit: boolean): EventInput {
  const color = channels.find((c) => c.id === post.channelIds[0])?.color ?? NEUTRAL;
  return {
    id: post.id,
    title: post.excerpt || 'Untitled post',
    start: post.scheduledAt,
    backgroundColor: color,
    borderColor: color,
    // Black or white, whichever reads on the channel's colour (a channel may have any colour).
    textColor: isLightColor(color) ? '#000000' : '#ffffff',
    editable: canEdit && post.editable,
    extendedProps: { post },
  };
}

export function postOf(event: { extendedProps: Record<string, unknown> }): CalendarEntry {
  return event.extendedProps.post as CalendarEntry;
}

/** Time, title and a status badge; FullCalendar renders it in every view. */
export function renderEvent(arg: EventContentArg) {
  const post = postOf(arg.event);
  return {
    html: `<div class="rounds-event">
      <span class="rounds-event-status" data-status="${post.status}">${STATUS_LABELS[post.status]}</span>
      <span class="rounds-event-time">${escapeHtml(arg.timeText)}</span>
      <span class="rounds-event-title">${escapeHtml(arg.event.title)}</span>
    </div>`,
  };
}
