from odoo import _, fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    farm_intervention_ids = fields.One2many(
        "farm.intervention", "invoice_id", string="Farm interventions"
    )

    def _farm_release(self, reason):
        """The invoice no longer bills its interventions: they are to invoice again."""
        links = self.env["farm.intervention.invoice"].sudo().search([("move_id", "in", self.ids)])
        links.write({"released": True})
        self.farm_intervention_ids._back_to_invoiceable(reason)

    def button_cancel(self):
        result = super().button_cancel()
        self._farm_release(_("Invoice cancelled: to invoice again."))
        return result

    def unlink(self):
        self._farm_release(_("Invoice deleted: to invoice again."))
        return super().unlink()

    def _reverse_moves(self, default_values_list=None, cancel=False):
        reversals = super()._reverse_moves(default_values_list=default_values_list, cancel=cancel)
        for move, reversal in zip(self, reversals, strict=False):
            move._farm_release(
                _(
                    "Credit note %(name)s: to invoice again.",
                    name=reversal.name or reversal.display_name,
                )
            )
        return reversals
