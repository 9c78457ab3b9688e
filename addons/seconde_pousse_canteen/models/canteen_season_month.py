# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CanteenSeasonMonth(models.Model):
    _name = "canteen.season.month"
    _description = "Month of a produce's season"
    _order = "number"

    name = fields.Char(required=True, translate=True)
    number = fields.Integer(required=True)

    _sql_constraints = [
        ("number_unique", "unique(number)", "Each month exists once."),
        ("number_range", "CHECK(number BETWEEN 1 AND 12)", "A month is numbered 1 to 12."),
    ]
