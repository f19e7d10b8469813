import { ActionIcon, Button, Group, Image, Paper, Stack, Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import twitterText from 'twitter-text';
import { ConsentPanel } from './consent-panel';
import { LinkTracker } from './link-tracker';
import {
  type ComposerState,
  type ImageDraft,
  MAX_THREAD_REPLIES,
  type TweetDraft,
} from './composer-state';
import { useMedia, useMediaUrl } from './media-queries';
import { PhiTextField } from './phi-text-field';
import { UploadButton } from './upload-button';

const MAX_IMAGES = 4;

interface SectionProps {
  state: ComposerState;
  update: (change: Partial<ComposerState>) => void;
  fieldError: (field: string) => string | undefined;
}

/** X's own weighting (URLs count 23, most CJK and emoji 2), from twitter-text like X itself. */
function WeightedCount({ text }: { text: string }) {
  const { weightedLength } = twitterText.parseTweet(text);
  const over = weightedLength > 280;
  return (
    <Text
      size="sm"
      fw={600}
      c={over ? 'red.8' : 'dimmed'}
      data-testid="x-count"
      style={{ whiteSpace: 'nowrap' }}
      aria-live="polite"
    >
      {weightedLength} / 280
    </Text>
  );
}

export function XSection({ state, update, fieldError }: SectionProps) {
  const setReply = (index: number, tweet: TweetDraft) =>
    update({ thread: state.thread.map((t, i) => (i === index ? tweet : t)) });
  return (
    <Stack gap="md">
      <TweetEditor
        label={state.thread.length > 0 ? `Tweet 1 of ${state.thread.length + 1}` : 'Post text'}
        field="x"
        tweet={{ text: state.xText, images: state.images }}
        onChange={({ text, images }) => update({ xText: text, images })}
        fieldError={fieldError}
        links={
          <LinkTracker
            platform="X"
            text={state.xText}
            onText={(xText) => update({ xText })}
            links={state.links}
            onTracked={(link) => update({ links: [...state.links, link] })}
          />
        }
      />
      {state.thread.map((tweet, index) => (
        <Paper key={index} p="sm" withBorder data-testid={`thread-tweet-${index + 2}`}>
          <Stack gap="sm">
            <Group justify="space-between" wrap="nowrap">
              <Text fw={600} size="sm">
                Tweet {index + 2} of {state.thread.length + 1}, in reply to tweet {index + 1}
              </Text>
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                onClick={() => update({ thread: state.thread.filter((_, i) => i !== index) })}
                aria-label={`Remove tweet ${index + 2}`}
              >
                <IconTrash size={18} />
              </ActionIcon>
            </Group>
            <TweetEditor
              label={`Tweet ${index + 2} text`}
              field={`x.thread[${index}]`}
              tweet={tweet}
              onChange={(next) => setReply(index, next)}
              fieldError={fieldError}
            />
          </Stack>
        </Paper>
      ))}
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} />}
          disabled={state.thread.length >= MAX_THREAD_REPLIES}
          onClick={() => update({ thread: [...state.thread, { text: '', images: [] }] })}
        >
          Add a tweet to the thread
        </Button>
      </Group>
    </Stack>
  );
}

/** One tweet: its text with X's count, its images with their alt texts. */
function TweetEditor(props: {
  label: string;
  /** The request field that names the tweet: `x`, `x.thread[0]`, … */
  field: string;
  tweet: TweetDraft;
  onChange: (tweet: TweetDraft) => void;
  fieldError: (field: string) => string | undefined;
  links?: ReactNode;
}) {
  const { label, field, tweet, onChange, fieldError, links } = props;
  const setImage = (index: number, change: Partial<ImageDraft>) =>
    onChange({
      ...tweet,
      images: tweet.images.map((img, i) => (i === index ? { ...img, ...change } : img)),
    });
  return (
    <Stack gap="md">
      <PhiTextField
        label={label}
        multiline
        minRows={field === 'x' ? 5 : 3}
        value={tweet.text}
        onChange={(text) => onChange({ ...tweet, text })}
        error={fieldError(`${field}.text`)}
        footer={<WeightedCount text={tweet.text} />}
      />
      {links}
      {tweet.images.map((image, index) => (
        <ImageRow
          key={image.mediaId}
          image={image}
          error={fieldError(`${field}.images[${index}].altText`)}
          onAltText={(altText) => setImage(index, { altText })}
          onRemove={() =>
            onChange({ ...tweet, images: tweet.images.filter((_, i) => i !== index) })
          }
        />
      ))}
      <UploadButton
        label="Add image"
        accept="image/png,image/jpeg,image/gif,image/webp"
        disabled={tweet.images.length >= MAX_IMAGES}
        onUploaded={(media) =>
          onChange({ ...tweet, images: [...tweet.images, { mediaId: media.id, altText: '' }] })
        }
      />
    </Stack>
  );
}

function ImageRow(props: {
  image: ImageDraft;
  error?: string;
  onAltText: (text: string) => void;
  onRemove: () => void;
}) {
  const { image, error, onAltText, onRemove } = props;
  const media = useMedia(image.mediaId);
  const url = useMediaUrl(image.mediaId);
  const name = media.data?.originalName ?? 'image';
  return (
    <Paper p="sm">
      <Group align="flex-start" wrap="nowrap" gap="md">
        <Image src={url} w={96} h={96} radius="sm" fit="cover" alt="" bg="gray.1" />
        <Stack gap="xs" style={{ flex: 1 }}>
          <TextInput
            label={`Alt text for ${name}`}
            description="Describe what the image shows, for people using screen readers."
            required
            value={image.altText}
            onChange={(e) => onAltText(e.currentTarget.value)}
            error={error ?? (image.altText.trim() ? undefined : 'Alt text is required')}
          />
          <ConsentPanel mediaId={image.mediaId} />
        </Stack>
        <ActionIcon variant="subtle" color="red" onClick={onRemove} aria-label={`Remove ${name}`}>
          <IconTrash size={18} />
        </ActionIcon>
      </Group>
    </Paper>
  );
}

export type { SectionProps };
