# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

import pytz

from odoo import fields, models

from odoo.addons.seconde_pousse_base.models.timezone import local_tz


class ResCompany(models.Model):
    _inherit = "res.company"

    canteen_farm_id = fields.Many2one(
        "res.partner",
        "Programme's farm",
        domain=[("is_farm", "=", True)],
        help="The association's own farm, whose harvests supply the canteens.",
    )
    canteen_cutoff_days = fields.Integer(
        "Order cut-off (days before the week)",
        default=4,
        help="4: the Thursday before the week of delivery.",
    )
    canteen_cutoff_hour = fields.Float("Order cut-off (hour)", default=12.0)
    canteen_supplier_name = fields.Char(
        "Supplier name for ma-cantine",
        help="The 'fournisseur' of each purchase in the EGalim export; the company's name "
        "when empty.",
    )

    def _canteen_default_cutoff(self, week_start):
        """The cut-off of the week starting on week_start, in UTC as Odoo stores it."""
        self.ensure_one()
        day = week_start - timedelta(days=self.canteen_cutoff_days)
        hours, minutes = divmod(round(self.canteen_cutoff_hour * 60), 60)
        local = pytz.timezone(local_tz(self.env, self, rule=True)).localize(
            datetime.combine(day, time(hours, minutes))
        )
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    def _canteen_supplier(self):
        self.ensure_one()
        return self.canteen_supplier_name or self.name
