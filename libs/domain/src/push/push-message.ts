/**
 * What a Web Push carries (the dashboard's service worker reads it): ids, a neutral title and the
 * page to open, never a post's or reply's words, since lock screens are public.
 */
export interface PushMessage {
  title: string;
  kind: string;
  subjectId: string;
  url: string;
}
