import { Button, FileButton, Progress, Stack, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../api/api-error';
import { mediaQueryKey } from './media-queries';
import { uploadMedia } from './media-upload';
import type { Media } from './media-upload';

interface UploadButtonProps {
  label: string;
  accept: string;
  onUploaded: (media: Media) => void;
  disabled?: boolean;
}

/** Picks a file and uploads it, with a progress bar that large videos need. */
export function UploadButton({ label, accept, onUploaded, disabled }: UploadButtonProps) {
  const [progress, setProgress] = useState(0);
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: (file: File) => uploadMedia(file, setProgress),
    onMutate: () => setProgress(0),
    onSuccess: (media) => {
      queryClient.setQueryData(mediaQueryKey(media.id), media);
      onUploaded(media);
    },
  });
  return (
    <Stack gap={6}>
      <FileButton
        accept={accept}
        onChange={(file) => file && upload.mutate(file)}
        inputProps={{ 'aria-label': label }}
      >
        {(props) => (
          <Button
            {...props}
            variant="light"
            leftSection={<IconUpload size={16} />}
            loading={upload.isPending}
            disabled={disabled}
            w="fit-content"
          >
            {label}
          </Button>
        )}
      </FileButton>
      {upload.isPending && (
        <Progress.Root size="lg" aria-label={`${label}: ${progress}%`}>
          <Progress.Section value={progress} animated>
            <Progress.Label>{progress}%</Progress.Label>
          </Progress.Section>
        </Progress.Root>
      )}
      {upload.isError && (
        <Text size="sm" c="red.8" role="alert">
          {errorMessage(upload.error)}
        </Text>
      )}
    </Stack>
  );
}
