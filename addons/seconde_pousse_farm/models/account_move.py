from odoo import _, fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    farm_intervention_ids = fields.One2many(
        "farm.intervention", "invoice_id", string="Farm interventions"
    )

    def button_cancel(self):
        result = super().button_cancel()
        self.farm_intervention_ids._back_to_invoiceable(_("Invoice cancelled: to invoice again."))
        return result

    def _reverse_moves(self, default_values_list=None, cancel=False):
        reversals = super()._reverse_moves(default_values_list=default_values_list, cancel=cancel)
        for move, reversal in zip(self, reversals, strict=False):
            move.farm_intervention_ids._back_to_invoiceable(
                _(
                    "Credit note %(name)s: to invoice again.",
                    name=reversal.name or reversal.display_name,
                )
            )
        return reversals
