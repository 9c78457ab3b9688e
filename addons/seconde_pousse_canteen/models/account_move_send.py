# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class AccountMoveSend(models.AbstractModel):
    _inherit = "account.move.send"

    @api.model
    def _facturx_required(self, move):
        """A public buyer receives its invoices in Factur-X through Chorus Pro: without it
        the invoice is not issued, and the sending job says what is missing."""
        return move.commercial_partner_id.canteen_public_buyer or super()._facturx_required(move)
