# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import pytz

from odoo import _, api, fields, models
from odoo.models import NewId

from odoo.addons.seconde_pousse_base.models.timezone import local_tz


class AccountMove(models.Model):
    _inherit = "account.move"

    farm_intervention_ids = fields.One2many(
        "farm.intervention", "invoice_id", string="Farm interventions"
    )

    @api.depends("farm_intervention_ids.date_start")
    def _compute_delivery_date(self):
        """The date of the service is the last day of the work it bills (CGI, annexe II,
        art. 242 nonies A: the date the service was completed), not the invoice's."""
        result = super()._compute_delivery_date()
        for move in self:
            days = move._farm_work_days()
            if days:
                move.delivery_date = days[-1]
        return result

    def _farm_work_days(self):
        """The local days (the company's time zone) of the work this invoice bills."""
        tz = pytz.timezone(local_tz(self.env, self.company_id))
        starts = self._farm_interventions().mapped("date_start")
        return sorted({pytz.utc.localize(start).astimezone(tz).date() for start in starts if start})

    def _farm_interventions(self):
        """The interventions billed, read whatever the user's rights. Only records: a
        client's create may name anything in the list (False, 0, a float), which the ORM
        refuses later but a computed date would read first."""
        ids = [
            id_
            for id_ in self.sudo().farm_intervention_ids._ids  # a salesperson may read none
            if isinstance(id_, NewId) or (isinstance(id_, int) and not isinstance(id_, bool))
        ]
        return self.env["farm.intervention"].sudo().browse(ids)

    def _farm_release(self, reason):
        """The invoice no longer bills its interventions: they are to invoice again."""
        links = self.env["farm.intervention.invoice"].sudo().search([("move_id", "in", self.ids)])
        links.write({"released": True})
        self.farm_intervention_ids._back_to_invoiceable(reason)

    def _post(self, soft=True):
        posted = super()._post(soft=soft)
        posted._farm_issue_documents()
        return posted

    def _farm_issue_documents(self):
        """A farm's posted invoice or credit note gets its official PDF from Odoo's
        sending job: until then the farmer's download and the preview would fall back to
        Odoo's "PRO FORMA"."""
        moves = self.filtered(
            lambda move: (
                move.move_type in ("out_invoice", "out_refund")
                and move.commercial_partner_id.is_farm
                and not move.invoice_pdf_report_id
                and not move.sending_data
            )
        )
        moves._queue_official_documents()

    def _queue_official_documents(self):
        """Odoo's sending job makes these posted moves' official PDF (and electronic
        documents) in the background, with no email: the "manual" way of sending."""
        if not self:
            return
        self.sending_data = {
            "author_user_id": self.env.user.id,
            "author_partner_id": self.env.user.partner_id.id,
            "sending_methods": ["manual"],
        }
        self.env.ref("account.ir_cron_account_move_send")._trigger()

    def button_cancel(self):
        result = super().button_cancel()
        for move in self:
            reason = _("Invoice %(name)s cancelled: to invoice again.", name=move.display_name)
            move._farm_release(reason)
        return result

    def unlink(self):
        # the chatter keeps its name: the link to a deleted invoice goes with it
        for move in self:
            reason = _("Invoice %(name)s deleted: to invoice again.", name=move.display_name)
            move._farm_release(reason)
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
