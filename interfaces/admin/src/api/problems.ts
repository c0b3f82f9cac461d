import type { CombinedError } from "@urql/core";

/** What went wrong with a request, in words a person can act on. `signOut`
 * is true when the token itself is no longer accepted. */
export interface Problem {
  message: string;
  signOut: boolean;
}

export function explain(error: CombinedError): Problem {
  const response = error.response as Response | undefined;
  const status = response?.status;
  if (status === 401) {
    return {
      message: "Rapport no longer accepts this token (it may have been revoked). Sign in again.",
      signOut: true,
    };
  }
  if (status === 429) {
    const wait = response?.headers.get("Retry-After");
    return {
      message: `Too many requests for this token. Try again in ${wait ?? "a few"} seconds.`,
      signOut: false,
    };
  }
  const codes = error.graphQLErrors.map((e) => e.extensions?.code);
  if (codes.includes("FORBIDDEN")) {
    return { message: "Your role may not see this.", signOut: false };
  }
  if (error.networkError && status === undefined) {
    return { message: "Rapport cannot be reached. Check that the server is running.", signOut: false };
  }
  const first = error.graphQLErrors[0]?.message ?? error.networkError?.message ?? error.message;
  return { message: first, signOut: false };
}
