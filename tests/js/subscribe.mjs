// Subscribes to `engagementEvents` with the npm `graphql-ws` client, on the `ws`
// package as a Node service would, and reports what it sees, one JSON object a
// line: {"connected": true}, {"event": {...}} for each event, {"closed": code}.
// After `count` events it completes the subscription and closes the connection.
// Usage: node subscribe.mjs <ws url> <token> <engagement id> <after> <count>
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, token, engagementId, after, count] = process.argv.slice(2);
const report = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);

const client = createClient({
  url,
  webSocketImpl: WebSocket,
  connectionParams: { Authorization: `Bearer ${token}` },
  retryAttempts: 0,
  on: {
    connected: () => report({ connected: true }),
    closed: (event) => report({ closed: event.code }),
  },
});

const events = client.iterate({
  query: `subscription($id: UUID!, $after: Int) {
    engagementEvents(engagementId: $id, after: $after) { position eventType actor engagementId }
  }`,
  variables: { id: engagementId, after: Number(after) },
});

let received = 0;
for await (const result of events) {
  if (result.errors) {
    throw new Error(`the server answered with errors: ${JSON.stringify(result.errors)}`);
  }
  report({ event: result.data.engagementEvents });
  received += 1;
  if (received === Number(count)) {
    break; // leaving the loop sends `complete` for the subscription
  }
}
await client.dispose();
