"""The risk register's risks."""
