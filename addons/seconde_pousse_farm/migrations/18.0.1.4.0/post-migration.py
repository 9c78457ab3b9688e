# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""1.4.0: request references come from a standard sequence. The gap-free one locked its
row until each request was saved, so that farmers sending requests at the same time
waited for each other; a request number is a reference, not an accounting number. The
sequence is noupdate data: databases installed before get it here, numbering on from
where they were (Odoo's write creates the PostgreSQL sequence at the next number)."""

from odoo import SUPERUSER_ID, api

SEQUENCES = ["seconde_pousse_farm.seq_farm_intervention_request"]


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid in SEQUENCES:
        sequence = env.ref(xmlid, raise_if_not_found=False)
        if sequence and sequence.implementation == "no_gap":
            sequence.implementation = "standard"
