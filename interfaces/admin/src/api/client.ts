import { Client, fetchExchange, subscriptionExchange } from "@urql/core";
import { createClient as createWsClient, type Client as WsClient } from "graphql-ws";

/** A GraphQL client for one token: queries and mutations over HTTP, and
 * subscriptions over `graphql-transport-ws` on the same endpoint. */
export interface Connection {
  client: Client;
  close(): void;
}

const ENDPOINT = "/graphql";

export function connect(token: string): Connection {
  const wsUrl = new URL(ENDPOINT, window.location.href);
  wsUrl.protocol = wsUrl.protocol === "https:" ? "wss:" : "ws:";
  const ws: WsClient = createWsClient({
    url: wsUrl.toString(),
    connectionParams: { Authorization: `Bearer ${token}` },
    lazy: true,
    retryAttempts: 5,
  });
  const client = new Client({
    url: ENDPOINT,
    // No document cache: every answer comes from Rapport's views, which are
    // exact; a mutation's answer says when they have caught up.
    requestPolicy: "network-only",
    // Rapport takes queries by POST only.
    preferGetMethod: false,
    fetchOptions: () => ({ headers: { Authorization: `Bearer ${token}` } }),
    exchanges: [
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query || "" };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
  return { client, close: () => void ws.dispose() };
}
