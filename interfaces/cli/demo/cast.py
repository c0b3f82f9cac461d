"""Who appears in the demo: two clients, the service team, the clients' contacts."""

from __future__ import annotations

from uuid import UUID

# Client ids are fixed, so every run of the demo files its engagements under the same clients.
NORDLYS = UUID("6f1c2a4e-3b7d-4c1a-9e55-0d2a7b9c1001")
NORDLYS_NAME = "Nordlys Telecom AB"
MAISON_VERTE = UUID("6f1c2a4e-3b7d-4c1a-9e55-0d2a7b9c1002")
MAISON_VERTE_NAME = "Maison Verte Retail SA"

# The service team.
HANNA = "hanna.berg@rapport.example"  # engagement manager, Nordlys
PIERRE = "pierre.lambert@rapport.example"  # engagement manager, Maison Verte
LI = "li.chen@rapport.example"  # project controller: costs and budgets
TOMAS = "tomas.lind@rapport.example"  # support agent
AISHA = "aisha.okafor@rapport.example"  # support agent
JONAS = "jonas.weber@rapport.example"  # support team lead
MARCO = "marco.rossi@rapport.example"  # support agent, moves to the retail rollout
WATCHDOG = "sla-watchdog"  # the service that records SLA breaches

# The clients' people.
ERIK = "erik.nyberg@nordlys-telecom.example"  # head of customer care
SOFIE = "sofie.dahl@nordlys-telecom.example"  # customer-care analyst
KARIN = "karin.holm@nordlys-telecom.example"  # field operations manager
CLAIRE = "claire.morel@maisonverte.example"  # director of store operations
JULIEN = "julien.faure@maisonverte.example"  # regional store manager
