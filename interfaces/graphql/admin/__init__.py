"""Operating the service: projections, tokens, replays."""
