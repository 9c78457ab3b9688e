# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, format_date

ACCOUNTANT = "account.group_account_invoice"


class CanteenInvoiceWizard(models.TransientModel):
    _name = "canteen.invoice.wizard"
    _description = "Invoice the deliveries to the canteens"

    date_from = fields.Date(required=True, default=lambda self: self._default_date_from())
    date_to = fields.Date(required=True, default=lambda self: self._default_date_to())
    invoice_date = fields.Date(required=True, default=lambda self: self._default_date_to())
    partner_ids = fields.Many2many(
        "res.partner", string="Canteens", domain=[("is_canteen", "=", True)]
    )
    order_ids = fields.Many2many(
        "sale.order", compute="_compute_order_ids", string="Orders delivered"
    )
    canteen_count = fields.Integer(compute="_compute_order_ids")

    @api.model
    def _default_date_from(self):
        return fields.Date.context_today(self).replace(day=1) - relativedelta(months=1)

    @api.model
    def _default_date_to(self):
        return fields.Date.context_today(self).replace(day=1) - relativedelta(days=1)

    @api.depends("date_from", "date_to", "partner_ids")
    def _compute_order_ids(self):
        for wizard in self:
            orders = self.env["sale.order"].sudo().search(wizard._order_domain())
            wizard.order_ids = orders
            wizard.canteen_count = len(orders.partner_id)

    def _order_domain(self):
        domain = [
            ("canteen_week_id", "!=", False),
            ("invoice_status", "=", "to invoice"),
            ("commitment_date", ">=", self.date_from),
            ("commitment_date", "<", self.date_to + relativedelta(days=1)),
            ("company_id", "=", self.env.company.id),
        ]
        if self.partner_ids:
            domain.append(("partner_id", "in", self.partner_ids.ids))
        return domain

    def _check_accountant(self):
        if not self.env.user.has_group(ACCOUNTANT):
            raise UserError(self.env._("Only the accountant invoices the canteens."))

    def action_create_invoices(self):
        """Queue the invoicing of the period's deliveries, one invoice per canteen issued
        with its PDF and, for public buyers, its Factur-X for Chorus Pro: a run in the
        background (canteen.invoice.run) does it, and this click answers at once."""
        self.ensure_one()
        self._check_accountant()
        if self.date_to < self.date_from:
            raise UserError(self.env._("The period ends before it starts."))
        orders = self.env["sale.order"].sudo().search(self._order_domain())
        if not orders:
            raise UserError(self.env._("No delivered canteen order to invoice in this period."))
        run = self.env["canteen.invoice.run"]._start(self, orders)
        return self._started_notification(run)

    def _started_notification(self, run):
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "info",
                "title": self.env._("Canteen invoicing started"),
                "message": self.env._(
                    "The invoices of the deliveries from %(start)s to %(end)s are being issued in the background: the run's report will tell you when they are ready.",  # noqa: E501
                    start=format_date(self.env, self.date_from),
                    end=format_date(self.env, self.date_to),
                ),
                "next": {
                    "type": "ir.actions.act_window",
                    "res_model": "canteen.invoice.run",
                    "res_id": run.id,
                    "views": [[False, "form"]],
                    "target": "current",
                },
            },
        }

    def _lock_invoiceable(self):
        """The period's orders still to invoice, locked for this transaction: a run of an
        overlapping period, or an invoice made from the order meanwhile, waits for it (or
        is refused), and never invoices them twice."""
        orders = self.env["sale.order"].sudo().search(self._order_domain())
        if orders:
            self.env.cr.execute(
                SQL("SELECT id FROM sale_order WHERE id IN %s FOR UPDATE", tuple(orders.ids))
            )
        return orders
