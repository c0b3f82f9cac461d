import { reactive, shallowRef } from "vue";
import type { Client } from "@urql/core";
import { connect, type Connection } from "./api/client";
import { explain } from "./api/problems";
import { graphql } from "./gql";
import type { MeQuery } from "./gql/graphql";

/** The signed-in token: kept in session storage (gone when the tab closes,
 * never in a URL), with what Rapport says it may do. */
const STORAGE_KEY = "rapport.token";

export type Caller = MeQuery["me"];

const MeDocument = graphql(`
  query Me {
    me {
      tokenId
      name
      role
      clientId
      mutations
      seesOperations
    }
  }
`);

export const session = reactive({
  caller: null as Caller | null,
  problem: "",
});

export const client = shallowRef<Client | null>(null);
let connection: Connection | null = null;

/** Sign in with `token`: true when Rapport accepts it; otherwise
 * `session.problem` says why not. */
export async function signIn(token: string): Promise<boolean> {
  const candidate = connect(token.trim());
  const answer = await candidate.client.query(MeDocument, {}).toPromise();
  if (answer.error || !answer.data) {
    candidate.close();
    session.problem = answer.error ? explain(answer.error).message : "No answer from Rapport.";
    return false;
  }
  connection?.close();
  connection = candidate;
  client.value = candidate.client;
  session.caller = answer.data.me;
  session.problem = "";
  sessionStorage.setItem(STORAGE_KEY, token.trim());
  return true;
}

export function signOut(reason = ""): void {
  connection?.close();
  connection = null;
  client.value = null;
  session.caller = null;
  session.problem = reason;
  sessionStorage.removeItem(STORAGE_KEY);
}

/** Sign in again with the token kept for this tab, if any. */
export async function resume(): Promise<void> {
  const kept = sessionStorage.getItem(STORAGE_KEY);
  if (kept) await signIn(kept);
}

/** Whether the caller's role may run the mutation named. */
export function may(mutation: string): boolean {
  return session.caller?.mutations.includes(mutation) ?? false;
}
