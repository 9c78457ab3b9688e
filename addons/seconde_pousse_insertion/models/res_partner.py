# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    is_authorized_prescriber = fields.Boolean(
        string="Authorised prescriber",
        help="A prescriber authorised (habilité) on les emplois de l'inclusion: France "
        "Travail, a mission locale, a Cap emploi, a département… They grant the PASS IAE "
        "prolongations for RQTH, 50 years and over and particular difficulties.",
    )
