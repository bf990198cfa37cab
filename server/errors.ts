import type { FastifyError, FastifyReply, FastifyRequest, FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { ValidationError, zodIssues } from '../engine/index.ts';

/** One problem with the input, located by a dotted path (`regions.ES01.storageMW`). */
export interface ApiIssue {
  path: string;
  message: string;
}

/** An error with an HTTP status and a message that is safe to show to the client. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound = (what: string) => new HttpError(404, `${what} not found`);
export const conflict = (message: string, extra?: Record<string, unknown>) => new HttpError(409, message, extra);

/** Invalid input: answered as 400 `{ error: 'invalid input', issues }`. */
export class InputError extends Error {
  readonly statusCode = 400;
  constructor(readonly issues: ApiIssue[]) {
    super(issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; '));
    this.name = 'InputError';
  }
}

/** The engine's labels for "the whole input"; API paths use '' (or the prefix) for it. */
const ROOT_LABELS = new Set(['(scenario)', '(sweep)']);
const apiWhere = (where: string) => (ROOT_LABELS.has(where) ? '' : where);

/** Engine validation errors (`where`) as API issues (`path`), optionally below a prefix such as `scenario`. */
export function inputErrorFromValidation(error: ValidationError, prefix = ''): InputError {
  return new InputError(
    error.issues.map((issue) => {
      const where = apiWhere(issue.where);
      return { path: prefix && where ? `${prefix}.${where}` : where || prefix, message: issue.message };
    }),
  );
}

/** Runs `fn`, turning an engine ValidationError into a 400 InputError. */
export function withInputErrors<T>(fn: () => T, prefix = ''): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof ValidationError) throw inputErrorFromValidation(error, prefix);
    throw error;
  }
}

const PART_PREFIX: Record<string, string> = { body: '', querystring: 'query', params: 'params', headers: 'headers' };

function issuesOf(error: z.ZodError, prefix: string): ApiIssue[] {
  return zodIssues(error).map((issue) => {
    const where = apiWhere(issue.where);
    return { path: prefix && where ? `${prefix}.${where}` : where || prefix, message: issue.message };
  });
}

/**
 * Schemas whose branch is chosen by a predicate on the raw input (for example "has a `scenario` key"),
 * so that errors are reported against that branch instead of as an unhelpful union failure.
 */
const keyedUnions = new WeakMap<object, (input: unknown) => z.ZodType>();

/** `z.union([withKey, withoutKey])` for the docs; validation picks the branch by the presence of `key`. */
export function keyedUnion<A extends z.ZodType, B extends z.ZodType>(
  key: string,
  withKey: A,
  withoutKey: B,
  union: z.ZodUnion<[A, B]>,
) {
  keyedUnions.set(union, (input) =>
    typeof input === 'object' && input !== null && !Array.isArray(input) && Object.hasOwn(input, key)
      ? withKey
      : withoutKey,
  );
  return union;
}

/** Validator compiler for zod schemas: 400 with one issue per problem, paths as dotted JSON paths. */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => {
  const prefix = PART_PREFIX[httpPart ?? 'body'] ?? String(httpPart);
  const choose = keyedUnions.get(schema);
  return (data) => {
    const target = choose ? choose(data) : schema;
    const result = target.safeParse(data);
    if (result.success) return { value: result.data };
    return { error: new InputError(issuesOf(result.error, prefix)) };
  };
};

/** Fastify errors that carry a safe client message, by code. */
const CLIENT_MESSAGES: Record<string, (error: FastifyError) => { status: number; body: Record<string, unknown> }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: () => ({
    status: 400,
    body: { error: 'invalid input', issues: [{ path: '', message: 'the body is not valid JSON' }] },
  }),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => ({
    status: 400,
    body: { error: 'invalid input', issues: [{ path: '', message: 'the body is empty' }] },
  }),
  FST_ERR_CTP_BODY_TOO_LARGE: () => ({ status: 413, body: { error: 'request body too large' } }),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () => ({
    status: 415,
    body: { error: 'unsupported media type: send application/json' },
  }),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => ({
    status: 400,
    body: {
      error: 'invalid input',
      issues: [{ path: '', message: 'the content-length header does not match the body' }],
    },
  }),
};

/** At most this many issues in one 400 body: 30,000 unknown keys must not give a 1.5 MB answer. */
export const MAX_ISSUES_IN_BODY = 100;

/** The invalid-input body: the first MAX_ISSUES_IN_BODY issues, and how many there were when that is more. */
export function invalidInputBody(issues: ApiIssue[]): {
  error: 'invalid input';
  issues: ApiIssue[];
  issueCount?: number;
} {
  if (issues.length <= MAX_ISSUES_IN_BODY) return { error: 'invalid input', issues };
  return { error: 'invalid input', issues: issues.slice(0, MAX_ISSUES_IN_BODY), issueCount: issues.length };
}

/** The app's error handler: client errors say what is wrong, server errors only "internal error" and a request id. */
export function errorHandler(this: unknown, error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof InputError) {
    return reply.code(400).send(invalidInputBody(error.issues));
  }
  if (error instanceof ValidationError) {
    return reply.code(400).send(invalidInputBody(inputErrorFromValidation(error).issues));
  }
  if (error instanceof HttpError) {
    for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
    return reply.code(error.statusCode).send({ error: error.message, ...error.extra });
  }
  const storage = storageProblem(error);
  if (storage) {
    request.log.error({ err: error, reqId: request.id }, 'the data directory cannot be written');
    return reply.code(storage.status).send({ error: storage.message, requestId: request.id });
  }
  const known = error.code ? CLIENT_MESSAGES[error.code] : undefined;
  if (known) {
    const { status, body } = known(error);
    return reply.code(status).send(body);
  }
  const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (status >= 400 && status < 500) {
    request.log.info({ err: error }, 'client error');
    // Every 400 has the documented invalid-input shape (routes declare it as their 400 response).
    if (status === 400)
      return reply.code(400).send({ error: 'invalid input', issues: [{ path: '', message: 'bad request' }] });
    return reply.code(status).send({ error: clientMessage(status) });
  }
  request.log.error({ err: error, reqId: request.id }, 'internal error');
  return reply.code(500).send({ error: 'internal error', requestId: request.id });
}

/**
 * SQLite errors that mean the data directory cannot take the write. The transaction was rolled back,
 * so nothing of the request was saved; everything saved before is intact.
 */
function storageProblem(error: { code?: string; name?: string }): { status: number; message: string } | undefined {
  const code = String(error.code ?? '');
  if (error.name !== 'SqliteError' && !/^E(NOSPC|DQUOT|ROFS)$/.test(code)) return undefined;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') {
    return {
      status: 507,
      message: 'the data directory is full: this request was not saved (earlier saves are intact)',
    };
  }
  if (/^SQLITE_(READONLY|IOERR|CANTOPEN)/.test(code) || code === 'EROFS') {
    return {
      status: 503,
      message: 'the data directory cannot be written: this request was not saved (earlier saves are intact)',
    };
  }
  return undefined;
}

function clientMessage(status: number): string {
  if (status === 404) return 'not found';
  if (status === 405) return 'method not allowed';
  if (status === 406) return 'not acceptable';
  if (status === 408) return 'request timeout';
  if (status === 413) return 'request body too large';
  if (status === 415) return 'unsupported media type';
  if (status === 429) return 'too many requests';
  return 'bad request';
}
