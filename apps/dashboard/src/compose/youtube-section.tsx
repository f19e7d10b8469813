import {
  ActionIcon,
  Group,
  Paper,
  Radio,
  SegmentedControl,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
} from '@mantine/core';
import { IconFileText, IconMovie, IconPhoto, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { ConsentPanel } from './consent-panel';
import { LinkTracker } from './link-tracker';
import { useMedia } from './media-queries';
import { PhiTextField } from './phi-text-field';
import { UploadButton } from './upload-button';
import type { SectionProps } from './x-section';

export function YoutubeSection({ state, update, fieldError }: SectionProps) {
  return (
    <Stack gap="md">
      <MediaSlot
        label="Video"
        icon={<IconMovie size={18} />}
        mediaId={state.videoMediaId}
        accept="video/mp4,video/quicktime,video/webm"
        error={fieldError('youtube.videoMediaId')}
        onChange={(videoMediaId) => update({ videoMediaId })}
        withConsent
      />
      <PhiTextField
        label="Title"
        required
        value={state.title}
        onChange={(title) => update({ title })}
        error={fieldError('youtube.title')}
      />
      <PhiTextField
        label="Description"
        multiline
        minRows={4}
        value={state.description}
        onChange={(description) => update({ description })}
        error={fieldError('youtube.description')}
      />
      <LinkTracker
        platform="YouTube"
        text={state.description}
        onText={(description) => update({ description })}
        links={state.links}
        onTracked={(link) => update({ links: [...state.links, link] })}
      />
      <TagsInput
        label="Tags"
        description="Press Enter after each tag."
        value={state.tags}
        onChange={(tags) => update({ tags })}
        error={fieldError('youtube.tags')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="privacy-label">
            Privacy
          </Text>
          <SegmentedControl
            aria-labelledby="privacy-label"
            value={state.privacyStatus}
            onChange={(value) => update({ privacyStatus: value as typeof state.privacyStatus })}
            data={[
              { value: 'public', label: 'Public' },
              { value: 'unlisted', label: 'Unlisted' },
              { value: 'private', label: 'Private' },
            ]}
          />
        </Stack>
        <Radio.Group
          label="Made for kids?"
          description="YouTube requires this declaration (COPPA)."
          required
          value={state.madeForKids === null ? '' : String(state.madeForKids)}
          onChange={(value) => update({ madeForKids: value === 'true' })}
          error={fieldError('youtube.madeForKids')}
        >
          <Group mt={6}>
            <Radio value="false" label="No" />
            <Radio value="true" label="Yes, it is made for kids" />
          </Group>
        </Radio.Group>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <MediaSlot
          label="Thumbnail"
          icon={<IconPhoto size={18} />}
          mediaId={state.thumbnailMediaId}
          accept="image/png,image/jpeg"
          onChange={(thumbnailMediaId) => update({ thumbnailMediaId })}
        />
        <MediaSlot
          label="Captions"
          icon={<IconFileText size={18} />}
          mediaId={state.captionMediaId}
          accept=".vtt,.srt,text/vtt"
          onChange={(captionMediaId) => update({ captionMediaId })}
          hint="A caption track makes the video accessible; without one it gets a finding."
        />
      </SimpleGrid>
    </Stack>
  );
}

interface MediaSlotProps {
  label: string;
  icon: ReactNode;
  mediaId: string | null;
  accept: string;
  onChange: (id: string | null) => void;
  error?: string;
  hint?: string;
  withConsent?: boolean;
}

/** One uploaded file of the video: the video itself, its thumbnail or its caption track. */
function MediaSlot({
  label,
  icon,
  mediaId,
  accept,
  onChange,
  error,
  hint,
  withConsent,
}: MediaSlotProps) {
  const media = useMedia(mediaId);
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      {mediaId ? (
        <Paper p="sm">
          <Group justify="space-between" wrap="nowrap">
            <Group gap="xs" wrap="nowrap">
              {icon}
              <Text size="sm" truncate data-testid={`${label.toLowerCase()}-name`}>
                {media.data?.originalName ?? 'Uploaded'}
              </Text>
            </Group>
            <ActionIcon
              variant="subtle"
              color="red"
              onClick={() => onChange(null)}
              aria-label={`Remove ${label.toLowerCase()}`}
            >
              <IconTrash size={18} />
            </ActionIcon>
          </Group>
          {withConsent && (
            <Stack mt="xs">
              <ConsentPanel mediaId={mediaId} />
            </Stack>
          )}
        </Paper>
      ) : (
        <UploadButton
          label={`Upload ${label.toLowerCase()}`}
          accept={accept}
          onUploaded={(m) => onChange(m.id)}
        />
      )}
      {hint && !mediaId && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
      {error && (
        <Text size="xs" c="red.8">
          {error}
        </Text>
      )}
    </Stack>
  );
}
