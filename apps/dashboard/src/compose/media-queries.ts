import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../api/client';

export const mediaQueryKey = (id: string) => ['media', id] as const;

export function useMedia(id: string | null) {
  return useQuery({
    queryKey: mediaQueryKey(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/media/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

/** An object URL of the media's bytes (the content route needs the bearer token, so no <img src>). */
export function useMediaUrl(id: string | null): string | null {
  const bytes = useQuery({
    queryKey: [...mediaQueryKey(id ?? ''), 'content'],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/media/{id}/content', { params: { path: { id: id! } }, parseAs: 'blob' }),
      ) as Promise<Blob>,
    enabled: !!id,
    staleTime: Infinity,
  });
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!bytes.data) return;
    const created = URL.createObjectURL(bytes.data);
    setUrl(created);
    return () => URL.revokeObjectURL(created);
  }, [bytes.data]);
  return url;
}
