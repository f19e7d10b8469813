import type { Calendar, CalendarOptions, EventDropArg } from '@fullcalendar/core';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin from '@fullcalendar/interaction';
import listPlugin from '@fullcalendar/list';
import timeGridPlugin from '@fullcalendar/timegrid';
import { Alert, Button, Chip, Group, MultiSelect, Paper, Text } from '@mantine/core';
import { IconPencilPlus, IconPlugConnected } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, unwrap } from '../api/client';
import { useSession } from '../auth/session';
import { channelLabel, useChannels } from '../channels/channels-queries';
import { LoadError, Page } from '../common/page';
import { STATUS_LABELS } from '../posts/post-model';
import type { CalendarEntry } from '../posts/post-model';
import type { paths } from '../api/schema';
import { useOrgTime } from '../time/org-time';
import './calendar.css';

type StatusFilter = NonNullable<
  NonNullable<paths['/api/v1/posts']['get']['parameters']['query']>['status']
>;
import { postOf, renderEvent, toEvent } from './calendar-events';
import { FullCalendar } from './full-calendar';
import { RescheduleDialog } from './reschedule-dialog';
import type { PendingMove } from './reschedule-dialog';
import { zonePlugin } from './zone-plugin';

const STATUS_OPTIONS = Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }));

export function CalendarPage() {
  const time = useOrgTime();
  const { can } = useSession();
  const canWrite = can('content:write');
  const channels = useChannels();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const calendar = useRef<Calendar | null>(null);
  const [statuses, setStatuses] = useState<string[]>([]);
  const [channelIds, setChannelIds] = useState<string[]>([]);
  const [move, setMove] = useState<PendingMove | null>(null);

  const options = useMemo<CalendarOptions>(() => {
    const shown = (post: CalendarEntry) =>
      !channelIds.length || post.channelIds.some((id) => channelIds.includes(id));
    return {
      plugins: [dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin, zonePlugin],
      timeZone: time.zone,
      initialView: 'dayGridMonth',
      headerToolbar: {
        left: 'prev,next today',
        center: 'title',
        right: 'dayGridMonth,timeGridWeek,listMonth',
      },
      // Words, not FullCalendar's icon fonts: its icons are role="img" with no text alternative.
      buttonText: {
        prev: 'Previous',
        next: 'Next',
        today: 'Today',
        month: 'Month',
        week: 'Week',
        list: 'List',
      },
      // A month cell is named by its events, not only its day number (axe: label-content-name-mismatch).
      dayCellDidMount: ({ el }) => el.removeAttribute('aria-labelledby'),
      height: 'auto',
      // A working day in view; the rest of the week view scrolls.
      views: { timeGridWeek: { height: 720, scrollTime: '07:00:00' } },
      nowIndicator: true,
      eventDisplay: 'block',
      dayMaxEvents: 4,
      eventDurationEditable: false,
      events: (range, success, failure) => {
        const query = {
          from: range.start.toISOString(),
          to: range.end.toISOString(),
          ...(statuses.length ? { status: statuses as StatusFilter } : {}),
        };
        queryClient
          .fetchQuery({
            queryKey: ['posts', query],
            queryFn: () => unwrap(api.GET('/api/v1/posts', { params: { query } })),
          })
          .then((posts) =>
            success(posts.filter(shown).map((p) => toEvent(p, channels.data ?? [], canWrite))),
          )
          .catch(failure);
      },
      eventContent: renderEvent,
      eventClick: (info) => void navigate(`/posts/${info.event.id}`),
      dateClick: canWrite
        ? (info) => void navigate(`/compose?date=${info.dateStr.slice(0, 10)}`)
        : undefined,
      eventDrop: (info: EventDropArg) =>
        setMove({ post: postOf(info.event), start: info.event.start!, revert: info.revert }),
    };
  }, [time.zone, statuses, channelIds, channels.data, canWrite, queryClient, navigate]);

  const connected = channels.data?.filter((c) => c.status === 'connected') ?? [];
  return (
    <Page
      title="Calendar"
      description={`Every post by its scheduled time, in ${time.zone.replace(/_/g, ' ')}.${canWrite ? ' Drag a post to another day to reschedule it.' : ''}`}
      actions={
        canWrite && (
          <Button component={Link} to="/compose" leftSection={<IconPencilPlus size={18} />}>
            New post
          </Button>
        )
      }
    >
      {channels.isError && <LoadError error={channels.error} />}
      {channels.data && channels.data.length === 0 && (
        <Alert color="rounds" icon={<IconPlugConnected />} title="No channels yet">
          Posts need an X account or a YouTube channel to go to.{' '}
          {can('channels:manage') ? (
            <Link to="/channels">Connect one</Link>
          ) : (
            'Ask an administrator to connect one.'
          )}
        </Alert>
      )}
      <Group justify="space-between" align="flex-end" gap="md">
        <Chip.Group multiple value={channelIds} onChange={setChannelIds}>
          <Group gap="xs" aria-label="Show channels">
            {connected.map((channel) => (
              <Chip key={channel.id} value={channel.id} color="gray" variant="outline">
                <span className="channel-dot" style={{ background: channel.color }} />
                {channelLabel(channel)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <MultiSelect
          label="Status"
          placeholder={statuses.length ? undefined : 'All statuses'}
          data={STATUS_OPTIONS}
          value={statuses}
          onChange={setStatuses}
          clearable
          w={{ base: '100%', sm: 320 }}
        />
      </Group>
      <Paper p="md" className="rounds-calendar">
        <FullCalendar ref={calendar} options={options} />
      </Paper>
      {channels.data && (
        <Text size="xs" c="dimmed">
          Colour shows the post's first channel; the badge shows where it is in review and
          publishing.
        </Text>
      )}
      <RescheduleDialog
        move={move}
        onDone={(saved) => {
          if (!saved) move?.revert();
          else calendar.current?.refetchEvents();
          setMove(null);
        }}
      />
    </Page>
  );
}
