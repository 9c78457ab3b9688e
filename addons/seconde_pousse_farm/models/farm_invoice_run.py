# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import psycopg2

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, format_datetime, mute_logger

CHUNK_FARMS = 50  # farms invoiced per step of the scheduled action, committed each time
UNDER_WAY = ("queued", "running")


class InvoiceRunMixin(models.AbstractModel):
    """What the invoicing runs in the background share (the farms', the canteens'): a
    period, who started it and when, a state and a report. One run at a time per company
    and period: a unique index on the runs under way lets only one of two accountants
    starting it at once through, and the other is told who started it and when."""

    _name = "farm.invoice.run.mixin"
    _inherit = ["mail.thread"]
    _description = "Invoicing run of a period in the background"
    _order = "id desc"

    name = fields.Char(compute="_compute_name")
    date_from = fields.Date(required=True, readonly=True)
    date_to = fields.Date(required=True, readonly=True)
    invoice_date = fields.Date(readonly=True)
    company_id = fields.Many2one("res.company", required=True, readonly=True)
    user_id = fields.Many2one("res.users", string="Started by", required=True, readonly=True)
    state = fields.Selection(
        [("queued", "Queued"), ("running", "Running"), ("done", "Done"), ("failed", "Failed")],
        default="queued",
        required=True,
        readonly=True,
        tracking=True,
    )
    invoice_ids = fields.Many2many("account.move", string="Invoices", readonly=True)
    report = fields.Text(readonly=True)

    def init(self):
        if not self._auto:  # the mixin itself has no table
            return
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS %s ON %s (company_id, date_from, date_to) "
                "WHERE state IN ('queued', 'running')",
                SQL.identifier(f"{self._table}_one_per_period"),
                SQL.identifier(self._table),
            )
        )

    @api.depends("date_from", "date_to")
    def _compute_name(self):
        for run in self:
            run.name = _(
                "Invoicing %(start)s – %(end)s",
                start=run.date_from and fields.Date.to_string(run.date_from),
                end=run.date_to and fields.Date.to_string(run.date_to),
            )

    @api.model
    def _start_run(self, wizard, values):
        """Create the run of the wizard's period, started by this user in this company,
        with the values of its kind; refused while another of the same company and period
        is under way, or was when this transaction began: PostgreSQL's unique index waits
        for a run being processed, and lets this one through when that run has finished
        meanwhile."""
        values = {
            "date_from": wizard.date_from,
            "date_to": wizard.date_to,
            "invoice_date": wizard.invoice_date,
            "company_id": self.env.company.id,
            "user_id": self.env.uid,
            **values,
        }
        try:  # PostgreSQL's refusal is the expected answer here, not an error to log
            with mute_logger("odoo.sql_db"), self.env.cr.savepoint():
                run = self.sudo().create(values)
        except psycopg2.errors.UniqueViolation:
            self._refuse(self._concurrent_run(values))
        other = self._concurrent_run(values, run)
        if other:
            self._refuse(other)
        return run

    @api.model
    def _refuse(self, other):
        raise UserError(
            _(
                "The invoicing of this period is already under way (started by %(user)s on %(date)s): wait for its report before starting it again.",  # noqa: E501
                user=other["user"],
                date=format_datetime(self.env, other["date"], dt_format="short"),
            )
        )

    @api.model
    def _concurrent_run(self, values, run=None):
        """Who started another run of these values' company and period, and when: one under
        way, or one under way when this transaction began (a failed run does not count).
        A run committed after this transaction began is not seen in it (PostgreSQL's
        repeatable read): the period's runs are then read in a transaction of their own."""
        domain = [
            ("company_id", "=", values["company_id"]),
            ("date_from", "=", values["date_from"]),
            ("date_to", "=", values["date_to"]),
            ("state", "!=", "failed"),
            ("id", "!=", run.id if run else 0),
        ]
        seen = self.sudo().search(domain)
        other = seen.filtered(lambda r: r.state in UNDER_WAY)[:1]
        if other:
            return {"user": other.user_id.name, "date": other.create_date}
        with self.env.registry.cursor() as cr:
            fresh = self.with_env(self.env(cr=cr)).sudo()
            other = fresh.search([*domain, ("id", "not in", seen.ids)], limit=1)
            return other and {"user": other.user_id.name, "date": other.create_date}

    def _finish(self, state, problem=None):
        """Close the run with its report, posted in its chatter to whoever started it."""
        self.state = state
        report = self._summary()
        if problem:
            report = _("Stopped: %(problem)s", problem=problem) + "\n" + report
        self.report = report
        self.message_post(body=report, partner_ids=self.user_id.partner_id.ids)

    def _summary(self):
        return ""

    def action_view_invoices(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_out_invoice_type"
        )
        action["domain"] = [("id", "in", self.invoice_ids.ids)]
        return action


class FarmInvoiceRun(models.Model):
    """A month-end too large for one request (more than BACKGROUND_FARMS farms): the
    scheduled action invoices it farm by farm, in committed steps, with its progress on
    screen and a report at the end. One run at a time per period."""

    _name = "farm.invoice.run"
    _inherit = ["farm.invoice.run.mixin"]
    _description = "Invoicing run in the background"

    intervention_ids = fields.Many2many("farm.intervention", string="To invoice", readonly=True)
    farm_count = fields.Integer("Farms", readonly=True)
    farms_done = fields.Integer(readonly=True)
    progress = fields.Float(compute="_compute_progress")

    @api.depends("farms_done", "farm_count")
    def _compute_progress(self):
        for run in self:
            run.progress = 100.0 * run.farms_done / run.farm_count if run.farm_count else 0.0

    @api.model
    def _start(self, wizard, interventions):
        """Queue the run of the wizard's period; refused while one of it is under way."""
        run = self._start_run(
            wizard,
            {
                "intervention_ids": [fields.Command.set(interventions.ids)],
                "farm_count": len(interventions.partner_id.commercial_partner_id),
            },
        )
        self.env.ref("seconde_pousse_farm.ir_cron_farm_invoice_run")._trigger()
        return run

    @api.model
    def _cron_process(self):
        """One step: the next farms of the oldest run, then Odoo's scheduler calls again
        while some remain (its progress is shown on the scheduled action too)."""
        run = self.search([("state", "in", ("queued", "running"))], order="id", limit=1)
        if not run:
            return
        # the run's row is written only once the step is made: a second accountant
        # starting the period meanwhile is refused at once, not after the whole step
        remaining = run.intervention_ids.filtered(lambda i: i.state == "reviewed")
        farms = remaining.partner_id.commercial_partner_id.sorted("id")[:CHUNK_FARMS]
        step = remaining.filtered(lambda i: i.partner_id.commercial_partner_id in farms)
        # as the accountant who started it, in the company it was started in
        as_starter = self.with_user(run.user_id).with_company(run.company_id).env
        try:
            wizard = as_starter["farm.invoice.wizard"].create(
                {
                    "date_from": run.date_from,
                    "date_to": run.date_to,
                    "invoice_date": run.invoice_date,
                }
            )
            with self.env.cr.savepoint():  # a refused step leaves nothing half-made
                invoices = wizard._invoice(step.with_env(as_starter))
        except UserError as error:
            run._finish("failed", error.args[0])
            return
        run.write(
            {
                "state": "running",
                "invoice_ids": [fields.Command.link(invoice.id) for invoice in invoices],
                "farms_done": run.farms_done + len(farms),
            }
        )
        left = len((remaining - step).partner_id.commercial_partner_id)
        self.env["ir.cron"]._notify_progress(done=len(farms), remaining=left)
        if not left:
            run._finish("done")

    def _summary(self):
        return _(
            "%(invoices)s invoices for %(farms)s farms, %(interventions)s interventions.",
            invoices=len(self.invoice_ids),
            farms=self.farms_done,
            interventions=len(self.invoice_ids.farm_intervention_ids),
        )
