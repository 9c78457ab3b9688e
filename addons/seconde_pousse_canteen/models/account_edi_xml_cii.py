# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import pytz

from odoo import models

from odoo.addons.seconde_pousse_base.models.timezone import local_tz


class AccountEdiXmlCii(models.AbstractModel):
    _inherit = "account.edi.xml.cii"

    def _fr_service_days(self, invoice):
        """A canteen invoice's: the days its produce was delivered."""
        tz = pytz.timezone(local_tz(self.env, invoice.company_id))
        pickings = invoice.invoice_line_ids.sale_line_ids.move_ids.picking_id.filtered(
            lambda picking: picking.state == "done" and picking.date_done
        )
        days = {pytz.utc.localize(p.date_done).astimezone(tz).date() for p in pickings}
        return sorted(days) or super()._fr_service_days(invoice)

    def _fr_late_payment_note(self, invoice):
        """A public buyer owes default interest under the Code de la commande publique."""
        if not invoice.commercial_partner_id.canteen_public_buyer:
            return super()._fr_late_payment_note(invoice)
        _ = invoice.with_context(lang=invoice.partner_id.lang).env._
        return _(
            "Late-payment default interest at the European Central Bank's rate for its most recent refinancing operation plus 8 percentage points (Code de la commande publique, article R2192-31)."  # noqa: E501
        )
