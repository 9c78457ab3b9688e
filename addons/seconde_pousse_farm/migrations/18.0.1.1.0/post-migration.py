# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""1.1.0: the farm's work and the membership fee are invoiced at the VAT on services,
so that invoices state "Prestation de services" rather than "Livraison de biens"."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["farm.task.type"]._apply_service_tax()
