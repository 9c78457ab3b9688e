# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .egalim import CATEGORIES


class CanteenEgalimLabel(models.Model):
    _name = "canteen.egalim.label"
    _description = "EGalim label"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="The code ma-cantine uses in its purchase import.")
    category = fields.Selection(CATEGORIES, required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "An EGalim label code is used once."),
    ]
