"""Who carries what: open complaints, overdue ones and requirements in progress per person."""
