// The GraphQL-over-HTTP conformance audit of `graphql-http` (the one its
// website runs) against a live server.
// Usage: node audit.mjs <graphql url> <bearer token>
// Prints one JSON object a line: {id, name, status, reason?}; the Python test judges them.
import { serverAudits } from 'graphql-http';

const [url, token] = process.argv.slice(2);

// Every request carries the token: without one, the server answers 401 to all of them.
function fetchWithToken(input, init = {}) {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  return fetch(input, { ...init, headers });
}

for (const audit of serverAudits({ url, fetchFn: fetchWithToken })) {
  const result = await audit.fn();
  const line = { id: result.id, name: result.name, status: result.status };
  if (result.status !== 'ok') {
    line.reason = result.reason;
    line.body = await result.response.text();
  }
  console.log(JSON.stringify(line));
}
