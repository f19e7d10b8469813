import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';

/** Also what a role sees for a screen it may not open: the API would refuse it too. */
export function NotFoundPage() {
  return (
    <Stack align="center" gap="sm" py={80}>
      <Title order={1} fz={24}>
        This page is not available
      </Title>
      <Text c="dimmed">It does not exist, or your role does not include it.</Text>
      <Button component={Link} to="/" variant="light">
        Go to your start page
      </Button>
    </Stack>
  );
}
