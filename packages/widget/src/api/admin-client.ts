/**
 * The console's client for the admin routes of the serialkit service: a bearer API key, JSON in
 * and out, and every failure as an {@link AdminApiError} that carries the service's code, message
 * and details (the reason and the units a refused format change would break, for one).
 */

/** A request the service refused or could not answer. */
export class AdminApiError extends Error {
  override readonly name = 'AdminApiError';
  /** The HTTP status; 0 when the service could not be reached. */
  readonly status: number;
  /** The service's error code (`unauthorized`, `conflict`, `validation_failed`…). */
  readonly code: string | undefined;
  /** The service's details (e.g. `{ reason: 'format_incompatible', incompatible: […] }`). */
  readonly details: Record<string, unknown> | undefined;
  /** Validation issues, when the service sent them. */
  readonly issues: { message: string; path?: (string | number)[] }[];

  constructor(
    status: number,
    message: string,
    init: {
      code?: string;
      details?: Record<string, unknown>;
      issues?: AdminApiError['issues'];
    } = {},
  ) {
    super(message);
    this.status = status;
    this.code = init.code;
    this.details = init.details;
    this.issues = init.issues ?? [];
  }
}

/** Query values; undefined and empty values are left out. */
export type Query = Record<string, string | number | boolean | undefined | null>;

/** A page of a list route. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Options of {@link AdminClient}. */
export interface AdminClientOptions {
  /** Base URL of the service, or '' for the page's own origin. */
  endpoint: string;
  /** An API key with `read` or `write` scope. */
  apiKey: string;
}

/** The query string of `query`, with a leading `?` (or nothing). */
export function queryString(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * Calls the admin routes with an API key.
 *
 * @example
 * const api = new AdminClient({ endpoint: '', apiKey: 'sk_live_…' });
 * const { items } = await api.get<Page<Sku>>('/v1/skus', { tracking: true });
 */
export class AdminClient {
  readonly endpoint: string;
  readonly #apiKey: string;

  constructor(options: AdminClientOptions) {
    this.endpoint = options.endpoint.replace(/\/+$/, '');
    this.#apiKey = options.apiKey;
  }

  /** `GET path?query` as JSON. */
  get<T>(path: string, query?: Query): Promise<T> {
    return this.#json<T>('GET', `${path}${queryString(query)}`);
  }

  /** A write with a JSON body (or a CSV body when `body` is a `Blob` or string with `csv`). */
  send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
    return this.#json<T>(method, path, body);
  }

  /**
   * Sends a CSV file to an import route, reporting the share uploaded (0 to 1) as it goes (fetch
   * cannot report upload progress: this one request goes through XMLHttpRequest).
   */
  upload<T>(
    path: string,
    csv: Blob,
    query?: Query,
    onProgress?: (share: number) => void,
  ): Promise<T> {
    return new Promise((resolve, reject) => {
      const request = new XMLHttpRequest();
      request.open('POST', `${this.endpoint}${path}${queryString(query)}`);
      request.setRequestHeader('authorization', `Bearer ${this.#apiKey}`);
      request.setRequestHeader('content-type', 'text/csv');
      request.setRequestHeader('accept', 'application/json');
      request.upload.addEventListener('progress', (event) => {
        if (event.lengthComputable) onProgress?.(event.loaded / event.total);
      });
      request.addEventListener('load', () => {
        const response = new Response(request.responseText, {
          status: request.status,
          statusText: request.statusText,
        });
        if (request.status >= 200 && request.status < 300) {
          onProgress?.(1);
          resolve(response.json() as Promise<T>);
        } else {
          void errorOf(response).then(reject);
        }
      });
      request.addEventListener('error', () => reject(new AdminApiError(0, 'network error')));
      request.send(csv);
    });
  }

  /** `GET path?query` as a file (a CSV export), for a download link. */
  async download(path: string, query?: Query): Promise<Blob> {
    const response = await this.#fetch('GET', `${path}${queryString(query)}`, undefined, '*/*');
    return response.blob();
  }

  async #json<T>(method: string, path: string, body?: unknown, type?: string): Promise<T> {
    const response = await this.#fetch(method, path, body, 'application/json', type);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  async #fetch(
    method: string,
    path: string,
    body: unknown,
    accept: string,
    type = 'application/json',
  ): Promise<Response> {
    const headers: Record<string, string> = {
      accept,
      authorization: `Bearer ${this.#apiKey}`,
    };
    let payload: BodyInit | undefined;
    if (body !== undefined) {
      headers['content-type'] = type;
      payload = type === 'application/json' ? JSON.stringify(body) : (body as BodyInit);
    }
    let response: Response;
    try {
      response = await fetch(`${this.endpoint}${path}`, { method, headers, body: payload });
    } catch (cause) {
      throw new AdminApiError(0, cause instanceof Error ? cause.message : 'network error');
    }
    if (!response.ok) throw await errorOf(response);
    return response;
  }
}

async function errorOf(response: Response): Promise<AdminApiError> {
  const body = (await response.json().catch(() => undefined)) as
    | {
        error?: {
          code?: string;
          message?: string;
          details?: Record<string, unknown>;
          issues?: AdminApiError['issues'];
        };
      }
    | undefined;
  const error = body?.error;
  return new AdminApiError(response.status, error?.message ?? response.statusText, {
    ...(error?.code ? { code: error.code } : {}),
    ...(error?.details ? { details: error.details } : {}),
    ...(error?.issues ? { issues: error.issues } : {}),
  });
}
