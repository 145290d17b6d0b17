export { parseAsk, type AskOptions, type AskPhrase, type AskResult, type AskVocabulary } from './parse-ask.js';
