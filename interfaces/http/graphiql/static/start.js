// Rapport's GraphiQL: queries and mutations go to this page's own URL, and
// subscriptions over a WebSocket to the same path. The Headers pane's headers
// (the token) go with every request and in the WebSocket's connection_init.
"use strict";

(function () {
  const endpoint = window.location.href.split(/[?#]/)[0];
  const fetcher = GraphiQL.createFetcher({
    url: endpoint,
    subscriptionUrl: endpoint.replace(/^http/, "ws"),
  });

  const welcome = [
    "# Rapport's GraphQL API.",
    "#",
    "# Every request needs a token: put it in the Headers pane below,",
    '#   {"Authorization": "Bearer rpt_..."}',
    "# (in development, `rapport serve` prints one at start-up), then",
    "# re-fetch the schema (Shift-Ctrl-R) for completion and the docs.",
    "",
    "query Portfolio {",
    "  portfolio {",
    "    engagements",
    "  }",
    "}",
    "",
  ].join("\n");

  ReactDOM.createRoot(document.getElementById("graphiql")).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: welcome,
      defaultEditorToolsVisibility: "headers",
      isHeadersEditorEnabled: true,
      // A token is a secret: it is not kept in the browser's storage.
      shouldPersistHeaders: false,
    }),
  );
})();
