# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

INVOICE_LAYOUTS = [
    ("detailed", "Detailed: one line per task of each intervention"),
    ("grouped", "Grouped: one line per task type and rate, the interventions listed"),
]


class ResCompany(models.Model):
    _inherit = "res.company"

    farm_invoice_layout = fields.Selection(
        INVOICE_LAYOUTS,
        string="Farm invoice layout",
        default="grouped",
        required=True,
        help="Detailed: each task of each intervention on its own line, its reference and "
        "date in the label. Grouped: one line per task type and hourly rate for the "
        "month, the interventions' references listed in the invoice's terms.",
    )
