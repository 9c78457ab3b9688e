# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command

from odoo.addons.seconde_pousse_farm.models.farm_invoice_run import UNDER_WAY


class CanteenInvoiceRun(models.Model):
    """The invoicing of the canteens' deliveries of a period, in the background: the
    accountant's click only queues it; Odoo's scheduler invoices and posts, then Odoo's
    sending job makes each invoice's PDF and Factur-X. Rendered inside a request, the
    documents would need a free worker to fetch their assets: two accountants starting
    at once would hold every worker and lock the server. One run at a time per period,
    as the farms' runs (farm.invoice.run.mixin)."""

    _name = "canteen.invoice.run"
    _inherit = ["farm.invoice.run.mixin"]
    _description = "Canteen invoicing run in the background"

    partner_ids = fields.Many2many(
        "res.partner", string="Canteens", readonly=True, help="None: every canteen."
    )
    canteen_count = fields.Integer("Canteens to invoice", readonly=True)

    @api.model
    def _start(self, wizard, orders):
        """Queue the run of the wizard's period; refused while one of it is under way."""
        run = self._start_run(
            wizard,
            {
                "partner_ids": [Command.set(wizard.partner_ids.ids)],
                "canteen_count": len(orders.partner_id),
            },
        )
        self.env.ref("seconde_pousse_canteen.ir_cron_canteen_invoice_run")._trigger()
        return run

    @api.model
    def _cron_process(self):
        """The oldest run under way; then Odoo's scheduler calls again while runs remain."""
        run = self.search([("state", "in", UNDER_WAY)], order="id", limit=1)
        if not run:
            return
        run._process()
        remaining = self.search_count([("state", "in", UNDER_WAY)])
        self.env["ir.cron"]._notify_progress(done=1, remaining=remaining)

    def _process(self):
        """The run in one step: its invoices are all issued or none (a refusal stops the
        run with its reason)."""
        self.ensure_one()
        # as the accountant who started it, in the company it was started in; the run's
        # row is written only at the end: a second accountant starting the period
        # meanwhile waits on it (PostgreSQL's unique index) only for that instant
        run = self.with_context(lang=self.user_id.lang)  # the report in the starter's language
        as_starter = run.with_user(run.user_id).with_company(run.company_id).env
        try:
            with self.env.cr.savepoint():  # a refused canteen leaves nothing half-made
                invoices = run._invoice(as_starter)
        except UserError as error:
            run._finish("failed", error.args[0])
        else:
            run.invoice_ids = [Command.set(invoices.ids)]
            run._finish("done")

    def _invoice(self, env):
        """Invoice and post, in env (the starter's), what is still to invoice; the
        documents are queued to Odoo's sending job."""
        env["canteen.invoice.wizard"]._check_accountant()  # who may have lost the right since
        wizard = env["canteen.invoice.wizard"].create(
            {
                "date_from": self.date_from,
                "date_to": self.date_to,
                "invoice_date": self.invoice_date,
                "partner_ids": [Command.set(self.partner_ids.ids)],
            }
        )
        wizard._check_accountant()
        orders = wizard._lock_invoiceable()
        if not orders:  # invoiced meanwhile, from the orders or by a run of another period
            return env["account.move"]
        return orders._canteen_invoice(self.invoice_date, background=True)

    def _summary(self):
        if not self.invoice_ids:
            return self.env._(
                "Nothing left to invoice: the period's deliveries were invoiced meanwhile."
            )
        return self.env._(
            "%(invoices)s invoices issued for %(canteens)s canteens; their PDF and Factur-X are made by Odoo's sending job.",  # noqa: E501
            invoices=len(self.invoice_ids),
            canteens=len(self.invoice_ids.partner_id),
        )
