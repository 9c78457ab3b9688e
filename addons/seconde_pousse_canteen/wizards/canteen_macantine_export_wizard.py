# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from ..models.canteen_macantine_export import KINDS


class CanteenMacantineExportWizard(models.TransientModel):
    """Staff make a canteen's period file from the back office, as the canteen would."""

    _name = "canteen.macantine.export.wizard"
    _description = "File for ma-cantine by period"

    partner_id = fields.Many2one(
        "res.partner", "Canteen", required=True, domain=[("is_canteen", "=", True)]
    )
    kind = fields.Selection(KINDS, "Period", required=True, default="since_last")
    day = fields.Date(
        "A day of the month or quarter",
        default=fields.Date.context_today,
        help="The month or quarter of this day; not used for the purchases new since the "
        "last file.",
    )

    def action_export(self):
        self.ensure_one()
        export = self.env["canteen.macantine.export"]._export(self.partner_id, self.kind, self.day)
        return export.action_download()
