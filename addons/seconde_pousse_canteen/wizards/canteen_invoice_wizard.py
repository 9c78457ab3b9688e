# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

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

    def action_create_invoices(self):
        """One invoice per canteen for the period's deliveries, issued with its PDF and,
        for public buyers, its Factur-X for Chorus Pro."""
        self.ensure_one()
        if not self.env.user.has_group(ACCOUNTANT):
            raise UserError(self.env._("Only the accountant invoices the canteens."))
        if self.date_to < self.date_from:
            raise UserError(self.env._("The period ends before it starts."))
        invoices = (
            self.env["sale.order"]
            .sudo()
            .search(self._order_domain())
            ._canteen_invoice(self.invoice_date)
        )
        if not invoices:
            raise UserError(self.env._("No delivered canteen order to invoice in this period."))
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_out_invoice_type"
        )
        action["domain"] = [("id", "in", invoices.ids)]
        return action
