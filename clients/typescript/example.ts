/**
 * How an app uses the generated types (docs/clients.md): openapi-fetch checks every path,
 * parameter, body and answer against schema.d.ts. `tsc --noEmit` type-checks this file in
 * CI, so a change of the contract that breaks it fails the build.
 */
import createClient, { type Client } from "openapi-fetch";

import type { ErrorItem, paths, PersonCreate, PersonRead, Problem } from "./schema";

export type Api = Client<paths>;

/** A problem+json answer (RFC 9457) as an exception: `code` is the stable machine code. */
export class ProblemError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(`${problem.status} ${problem.code}: ${problem.detail ?? problem.title}`);
    this.problem = problem;
  }

  /** What a form shows beside each field of a 422 `validation_error`. */
  get fieldErrors(): ErrorItem[] {
    return this.problem.errors ?? [];
  }
}

/** Sign in with a staff account (OAuth2 password grant, form-encoded). */
export async function signIn(baseUrl: string, username: string, password: string): Promise<Api> {
  const anonymous = createClient<paths>({ baseUrl });
  const { data, error } = await anonymous.POST("/api/v1/auth/token", {
    body: { grant_type: "password", username, password },
    bodySerializer: (form) => new URLSearchParams(form as Record<string, string>),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
  if (error) throw new ProblemError(error);
  return createClient<paths>({
    baseUrl,
    headers: { Authorization: `Bearer ${data.access_token}` },
  });
}

/** Register (201) or replace (200) a person under an id the phone chose while offline: the
 *  same call can be retried safely. */
export async function savePerson(api: Api, id: string, person: PersonCreate): Promise<PersonRead> {
  const { data, error } = await api.PUT("/api/v1/persons/{person_id}", {
    params: { path: { person_id: id } },
    body: person,
  });
  if (error) throw new ProblemError(error);
  return data;
}

/** Every person of a village, page after page, following `next_cursor` to the end. */
export async function* personsOf(api: Api, villageId: string): AsyncGenerator<PersonRead> {
  let cursor: string | undefined;
  do {
    const { data, error } = await api.GET("/api/v1/persons", {
      params: { query: { region_id: villageId, limit: 100, cursor } },
    });
    if (error) throw new ProblemError(error);
    yield* data.items;
    cursor = data.next_cursor ?? undefined;
  } while (cursor !== undefined);
}

/** Change a person's phone without overwriting someone else's change: the write carries the
 *  ETag it read, and a 412 (changed in between) reads again and retries. */
export async function changePhone(api: Api, id: string, phone: string): Promise<PersonRead> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const read = await api.GET("/api/v1/persons/{person_id}", {
      params: { path: { person_id: id } },
    });
    if (read.error) throw new ProblemError(read.error);
    const etag = read.response.headers.get("ETag") ?? undefined;
    const { data, error, response } = await api.PATCH("/api/v1/persons/{person_id}", {
      params: { path: { person_id: id }, header: { "If-Match": etag } },
      body: { phone },
    });
    if (data) return data;
    if (response.status !== 412) throw new ProblemError(error);
  }
  throw new Error("the person kept changing; try again later");
}

/** A form's submit: a 422 becomes messages per field, any other problem is thrown. */
export async function submitPerson(
  api: Api,
  id: string,
  person: PersonCreate,
): Promise<PersonRead | Map<string, string>> {
  try {
    return await savePerson(api, id, person);
  } catch (e) {
    if (!(e instanceof ProblemError) || e.problem.status !== 422) throw e;
    return new Map(e.fieldErrors.map((item) => [item.loc.join("."), item.msg]));
  }
}
