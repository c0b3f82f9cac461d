"""The HTTP application: GraphQL at /graphql, health checks, request limits."""
