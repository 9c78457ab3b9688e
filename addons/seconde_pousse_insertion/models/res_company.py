# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    insertion_agreed_posts = fields.Float(
        string="Agreed insertion posts (FTE)",
        digits=(16, 2),
        help="Full-time equivalent posts agreed with the funders (conventionnement IAE).",
    )
    iae_structure_kind = fields.Selection(
        [
            ("aci", "ACI (atelier et chantier d'insertion)"),
            ("ai", "AI (association intermédiaire)"),
            ("ei", "EI (entreprise d'insertion)"),
            ("etti", "ETTI (entreprise de travail temporaire d'insertion)"),
            ("eiti", "EITI (entreprise d'insertion par le travail indépendant)"),
        ],
        string="Kind of insertion structure",
        default="aci",
        required=True,
        help="Some PASS IAE suspensions and prolongations are open to certain kinds only.",
    )
