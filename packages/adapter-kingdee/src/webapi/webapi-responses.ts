import { z } from 'zod';

/** The parts of a ValidateUser / LoginByAppSecret answer that are read. */
export const loginResponseSchema = z.looseObject({
  /** 1 = success; other values are failures (wrong password, expired password policy, locked user…). */
  LoginResultType: z.number().nullish(),
  IsSuccessByAPI: z.boolean().nullish(),
  Message: z.string().nullish(),
  MessageCode: z.string().nullish(),
  KDSVCSessionId: z.string().nullish(),
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

const responseStatusSchema = z.looseObject({
  IsSuccess: z.boolean().nullish(),
  ErrorCode: z.union([z.number(), z.string()]).nullish(),
  MsgCode: z.number().nullish(),
  Errors: z.array(z.looseObject({ Message: z.string().nullish() })).nullish(),
});

/** Errors come back with HTTP 200 as `[[{ Result: { ResponseStatus } }]]` (or the bare object). */
const errorEnvelopeSchema = z.looseObject({ Result: z.looseObject({ ResponseStatus: responseStatusSchema }) });
export type ResponseStatus = z.infer<typeof responseStatusSchema>;

/** The ResponseStatus of an error answer, or undefined when `body` is a plain result. */
export function errorStatusOf(body: unknown): ResponseStatus | undefined {
  const candidate = Array.isArray(body) ? (Array.isArray(body[0]) ? body[0][0] : body[0]) : body;
  const parsed = errorEnvelopeSchema.safeParse(candidate);
  return parsed.success ? parsed.data.Result.ResponseStatus : undefined;
}

/** A successful ExecuteBillQuery answer: rows as arrays in FieldKeys order. */
export const billQueryRowsSchema = z.array(z.array(z.unknown()));

/** MsgCode 1 and the N001 status mean the session is gone: log in again. */
export function isSessionLost(status: ResponseStatus): boolean {
  const messages = (status.Errors ?? []).map((error) => error.Message ?? '').join(' ');
  return status.MsgCode === 1 || /N001|会话|session/i.test(`${status.ErrorCode ?? ''} ${messages}`);
}

export function errorMessages(status: ResponseStatus): string {
  const messages = (status.Errors ?? []).map((error) => error.Message).filter((message): message is string => !!message);
  return messages.length > 0 ? messages.join('; ') : `error code ${status.ErrorCode ?? 'unknown'}`;
}
