"""Who the caller is: its token, role and what it may do."""
