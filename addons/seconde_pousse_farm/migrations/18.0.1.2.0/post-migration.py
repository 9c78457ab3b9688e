# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""1.2.0: databases installed at 1.1.0 got the French chart after the farm's data, which
gave the farm's work and the membership fee the VAT on goods: they get the VAT on
services again ("Prestation de services" on the invoice)."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["farm.task.type"]._apply_service_tax()
