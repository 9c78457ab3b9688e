# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The Seconde Pousse roles, as the `groups` of fields and the checks of actions name them."""

COORDINATOR = "seconde_pousse_base.group_coordinator"
SUPERVISOR = "seconde_pousse_base.group_supervisor"
COUNSELLOR = "seconde_pousse_base.group_counsellor"
STAFF = f"{SUPERVISOR},{COUNSELLOR}"  # supervisors and counsellors (coordinators are both)
