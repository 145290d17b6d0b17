import { type Lang, localeLang, parseLang } from '@custcode/core/messages';

/** Where a language can be chosen, strongest first: `--lang`, `CUSTCODE_LANG`, the config's `lang`. */
export interface LangChoice {
  lang?: string | undefined;
  env: NodeJS.ProcessEnv;
  configLang?: string | undefined;
}

/**
 * The language the user chose for custcode itself (`--lang`, else `CUSTCODE_LANG`, else the config's
 * `lang`), or undefined. Documents (reports, the audit page) follow only this: a file is shared with
 * others, so the OS locale of whoever ran the command does not decide its language.
 */
export function chosenLang(choice: LangChoice): Lang | undefined {
  const value = choice.lang ?? choice.env.CUSTCODE_LANG ?? choice.configLang;
  return value === undefined || value === '' ? undefined : parseLang(value);
}

/**
 * The language of the human output in the terminal: the chosen one, else the OS locale
 * (`LC_ALL`, `LC_MESSAGES`, `LANG`: any zh locale reads Chinese), else English.
 */
export function terminalLang(choice: LangChoice): Lang {
  const { env } = choice;
  return chosenLang(choice) ?? localeLang(env.LC_ALL || env.LC_MESSAGES || env.LANG) ?? 'en';
}
