import { ActionIcon, Group, Image, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import twitterText from 'twitter-text';
import { ConsentPanel } from './consent-panel';
import { LinkTracker } from './link-tracker';
import type { ComposerState, ImageDraft } from './composer-state';
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
  const setImage = (index: number, change: Partial<ImageDraft>) =>
    update({ images: state.images.map((img, i) => (i === index ? { ...img, ...change } : img)) });
  return (
    <Stack gap="md">
      <PhiTextField
        label="Post text"
        multiline
        minRows={5}
        value={state.xText}
        onChange={(xText) => update({ xText })}
        error={fieldError('x.text')}
        footer={<WeightedCount text={state.xText} />}
      />
      <LinkTracker
        platform="X"
        text={state.xText}
        onText={(xText) => update({ xText })}
        links={state.links}
        onTracked={(link) => update({ links: [...state.links, link] })}
      />
      {state.images.map((image, index) => (
        <ImageRow
          key={image.mediaId}
          image={image}
          error={fieldError(`x.images.${index}.altText`)}
          onAltText={(altText) => setImage(index, { altText })}
          onRemove={() => update({ images: state.images.filter((_, i) => i !== index) })}
        />
      ))}
      <UploadButton
        label="Add image"
        accept="image/png,image/jpeg,image/gif,image/webp"
        disabled={state.images.length >= MAX_IMAGES}
        onUploaded={(media) =>
          update({ images: [...state.images, { mediaId: media.id, altText: '' }] })
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
