# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CanteenParcel(models.Model):
    _name = "canteen.parcel"
    _description = "Parcel of the programme's farm"
    _order = "code, name"

    name = fields.Char(required=True)
    code = fields.Char(help="Short name on labels and delivery notes, e.g. P3.")
    surface = fields.Float("Surface (ha)", digits=(10, 2))
    crops = fields.Char(help="What grows there this season.")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        ("code_unique", "unique(company_id, code)", "A parcel code is used once."),
    ]

    @api.depends("code", "name")
    def _compute_display_name(self):
        for parcel in self:
            parcel.display_name = (
                f"{parcel.code} – {parcel.name}" if parcel.code else parcel.name or ""
            )

    @api.constrains("surface")
    def _check_surface(self):
        if any(parcel.surface < 0 for parcel in self):
            raise ValidationError(self.env._("A parcel's surface cannot be negative."))
