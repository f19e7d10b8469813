import { Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { errorMessage } from '../api/api-error';

export function FullPageLoader() {
  return (
    <Center h="100vh">
      <Loader aria-label="Loading" />
    </Center>
  );
}

export function FullPageError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <Center h="100vh">
      <Stack align="center" gap="sm">
        <Title order={2}>Rounds could not load</Title>
        <Text c="dimmed">{errorMessage(error)}</Text>
        <Button onClick={onRetry}>Try again</Button>
      </Stack>
    </Center>
  );
}
