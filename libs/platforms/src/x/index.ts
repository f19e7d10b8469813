export { tweetUrl, XClient, X_SCOPES, type TweetInput, type XClientOptions } from './x-client';
export { sameTweetText } from './x-text';
