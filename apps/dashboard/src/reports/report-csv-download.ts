import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { errorMessage } from '../api/api-error';
import { download } from '../common/download';

/** Asks a report route for CSV (`Accept: text/csv`) and saves it under the API's own file name. */
export function useCsvDownload(fetchCsv: () => Promise<Blob>, filename: string) {
  return useMutation({
    mutationFn: fetchCsv,
    onSuccess: (blob) => download(blob, filename),
    onError: (error) =>
      notifications.show({ color: 'red', title: 'No CSV', message: errorMessage(error) }),
  });
}
