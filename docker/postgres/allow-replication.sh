#!/bin/sh
# Run once by the postgres image when it creates the primary's database: let
# the replica stream the WAL. A replication connection matches no `all` line
# of pg_hba.conf, so it needs a line of its own; the password is the same.
set -e
echo "host replication $POSTGRES_USER all scram-sha-256" >> "$PGDATA/pg_hba.conf"
