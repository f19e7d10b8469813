import { ApiError } from '../api/api-error';
import { refreshOnce } from '../api/client';
import type { Schemas } from '../api/schema-types';
import { sessionStore } from '../api/session-store';

export type Media = Schemas['MediaDto'];

function send(file: File, onProgress: (percent: number) => void): Promise<XMLHttpRequest> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/v1/media');
    const token = sessionStore.accessToken();
    if (token) request.setRequestHeader('Authorization', `Bearer ${token}`);
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => resolve(request);
    request.onerror = () => reject(new ApiError(0, 'The upload was interrupted; try again'));
    const form = new FormData();
    form.append('file', file);
    request.send(form);
  });
}

/**
 * POST /api/v1/media through XMLHttpRequest, the one browser API that reports upload progress
 * (fetch does not); refreshes the session once on a 401 like the typed client.
 */
export async function uploadMedia(file: File, onProgress: (percent: number) => void) {
  let request = await send(file, onProgress);
  if (request.status === 401 && (await refreshOnce())) request = await send(file, onProgress);
  if (request.status !== 201) {
    throw ApiError.from(new Response(null, { status: request.status }), request.response);
  }
  return request.response as Media;
}
