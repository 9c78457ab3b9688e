# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""1.5.0: the membership fee's tax is the association's setting, empty by default: a fee
that pays for no individual service is outside the scope of VAT, and its invoice says so.
Databases installed before charged it 20 % VAT on services: the product loses its tax
(an association whose fee pays for services sets the tax again in the Settings). The
customers' payment terms become a setting too: the default they had, else 30 days."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    companies = env["res.company"].search([])  # pylint: disable=no-search-all
    companies._farm_apply_membership_tax()
    companies._farm_default_payment_term()
