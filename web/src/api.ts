// The one door to the JSON API: the session's CSRF token on writes, and the
// error envelope turned into an ApiError.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field: string | null,
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;

export interface SessionInfo {
  authenticated: boolean;
  csrf_token: string | null;
  auth_required: boolean;
  // The server signs people in by account (a shared database with accounts):
  // the sign-in asks for account, password and workspace.
  accounts: boolean;
  // Who is signed in; null for the one person of a personal file.
  account: string | null;
  workspace: string | null;
  role: 'owner' | 'editor' | 'viewer' | null;
}

let current: SessionInfo | null = null;

// Who is signed in, as the server last said.
export function currentSession(): SessionInfo | null {
  return current;
}

// A team's server (a database with accounts): entries may be private, and
// owners manage the members.
export function hasAccounts(): boolean {
  return current?.accounts ?? false;
}

// Whether whoever is signed in may change things: everyone but a viewer.
export function mayWrite(): boolean {
  return current?.role !== 'viewer';
}

function remember(info: SessionInfo): SessionInfo {
  csrfToken = info.csrf_token;
  current = info;
  return info;
}

export async function session(): Promise<SessionInfo> {
  return remember((await request('GET', '/session')) as SessionInfo);
}

// The single user's password (`kith passwd`), or a member's account,
// password and workspace.
export interface Credentials {
  password: string;
  account?: string;
  workspace?: string;
}

export async function signIn(credentials: Credentials): Promise<SessionInfo> {
  return remember((await request('POST', '/session', credentials)) as SessionInfo);
}

export async function signOut(): Promise<SessionInfo> {
  return remember((await request('DELETE', '/session')) as SessionInfo);
}

async function failure(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: { code: string; message: string; field: string | null } };
    if (body.error) return new ApiError(response.status, body.error.code, body.error.message, body.error.field);
  } catch {
    // not JSON: fall through
  }
  return new ApiError(response.status, 'http_error', `${response.status} ${response.statusText}`, null);
}

export async function request(method: string, path: string, body?: unknown): Promise<unknown> {
  const headers: Record<string, string> = {};
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) {
    payload = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  // keepalive: a write held behind an Undo still lands when the page is left.
  const keepalive = method !== 'GET' && !(body instanceof FormData);
  const response = await fetch(`/api/v1${path}`, { method, headers, body: payload, credentials: 'same-origin', keepalive });
  if (!response.ok) throw await failure(response);
  return response.json();
}

// A GET that also returns a response header (X-Total-Count).
export async function getWithHeader(path: string, header: string): Promise<[unknown, string | null]> {
  const response = await fetch(`/api/v1${path}`, { credentials: 'same-origin' });
  if (!response.ok) throw await failure(response);
  return [await response.json(), response.headers.get(header)];
}

export const get = (path: string) => request('GET', path);
export const post = (path: string, body?: unknown) => request('POST', path, body ?? {});
export const patch = (path: string, body: unknown) => request('PATCH', path, body);
export const put = (path: string, body: unknown) => request('PUT', path, body);
export const remove = (path: string) => request('DELETE', path);

export function query(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '' && value !== false) search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
