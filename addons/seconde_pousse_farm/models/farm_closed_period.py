# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class FarmClosedPeriod(models.Model):
    """Days a farm receives no team (harvest break, holidays): recurring visits skip them."""

    _name = "farm.closed.period"
    _description = "Farm closed period"
    _order = "date_from"

    partner_id = fields.Many2one(
        "res.partner", string="Farm", required=True, ondelete="cascade", index=True
    )
    name = fields.Char(string="Reason", required=True)
    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="Until", required=True)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for period in self:
            if not (period.date_from and period.date_to):
                raise ValidationError(
                    self.env._(
                        "Closed period of %(farm)s: it needs a start date (From) and an end date (Until).",  # noqa: E501
                        farm=period.partner_id.name,
                    )
                )
            if period.date_to < period.date_from:
                raise ValidationError(
                    self.env._(
                        "Closed period of %(farm)s: it ends before it starts.",
                        farm=period.partner_id.name,
                    )
                )
