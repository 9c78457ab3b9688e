# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.tools import SQL


class FarmInterventionInvoice(models.Model):
    """Which invoice bills an intervention. At most one live link per intervention,
    enforced by PostgreSQL: the same work is never invoiced twice, whoever tries and
    however. A cancelled or credited invoice releases its links (see account.move)."""

    _name = "farm.intervention.invoice"
    _description = "Invoice of an intervention"
    _order = "id desc"

    intervention_id = fields.Many2one(
        "farm.intervention", required=True, ondelete="restrict", index=True, readonly=True
    )
    move_id = fields.Many2one(
        "account.move", string="Invoice", required=True, ondelete="cascade", readonly=True
    )
    released = fields.Boolean(
        readonly=True, help="The invoice was cancelled or credited: the work is to invoice again."
    )

    def init(self):
        result = super().init()
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS farm_intervention_invoice_live_unique "
                "ON %s (intervention_id) WHERE NOT COALESCE(released, FALSE)",
                SQL.identifier(self._table),
            )
        )
        return result
