export * from './feedback-category';
export * from './feedback-classifier';
