# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class AccountEdiXmlCii(models.AbstractModel):
    _inherit = "account.edi.xml.cii"

    def _fr_late_payment_note(self, invoice):
        """A public buyer owes default interest under the Code de la commande publique."""
        if not invoice.commercial_partner_id.canteen_public_buyer:
            return super()._fr_late_payment_note(invoice)
        _ = invoice.with_context(lang=invoice.partner_id.lang).env._
        return _(
            "Late-payment default interest at the European Central Bank's rate for its most "
            "recent refinancing operation plus 8 percentage points (Code de la commande "
            "publique, article R2192-31)."
        )
