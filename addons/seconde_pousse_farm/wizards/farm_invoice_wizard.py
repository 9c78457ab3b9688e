# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

import psycopg2
from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tools import SQL, format_date

ACCOUNTANT = "account.group_account_invoice"


class FarmInvoiceWizard(models.TransientModel):
    _name = "farm.invoice.wizard"
    _description = "Invoice reviewed interventions"

    # more farms than this are invoiced in the background (farm.invoice.run), in steps
    BACKGROUND_FARMS = 200

    date_from = fields.Date(required=True, default=lambda self: self._default_date_from())
    date_to = fields.Date(required=True, default=fields.Date.context_today)
    partner_ids = fields.Many2many("res.partner", string="Farms", domain=[("is_farm", "=", True)])
    invoice_date = fields.Date(default=fields.Date.context_today)
    intervention_ids = fields.Many2many(
        "farm.intervention",
        compute="_compute_intervention_ids",
        readonly=False,
        string="Interventions",
    )
    farm_count = fields.Integer(compute="_compute_summary")
    amount_untaxed = fields.Monetary(compute="_compute_summary", string="Amount (excl. tax)")
    currency_id = fields.Many2one("res.currency", default=lambda self: self.env.company.currency_id)

    @api.model
    def _default_date_from(self):
        return fields.Date.context_today(self).replace(day=1) - relativedelta(months=1)

    @api.depends("date_from", "date_to", "partner_ids")
    def _compute_intervention_ids(self):
        selected = self.env.context.get(
            "active_model"
        ) == "farm.intervention" and self.env.context.get("active_ids")
        for wizard in self:
            if selected:
                wizard.intervention_ids = self.env["farm.intervention"].browse(selected)
            else:
                wizard.intervention_ids = self.env["farm.intervention"].search(
                    wizard._intervention_domain()
                )

    def _intervention_domain(self):
        domain = [
            ("state", "=", "reviewed"),
            ("date_start", ">=", self.date_from),
            ("date_start", "<", self.date_to + relativedelta(days=1)),
            ("company_id", "=", self.env.company.id),
        ]
        if self.partner_ids:
            domain.append(("partner_id", "in", self.partner_ids.ids))
        return domain

    @api.depends("intervention_ids")
    def _compute_summary(self):
        for wizard in self:
            interventions = wizard.intervention_ids._origin  # real records: read in one batch
            wizard.farm_count = len(interventions.partner_id)
            wizard.amount_untaxed = sum(interventions.mapped("amount_untaxed"))

    def action_create_invoices(self):
        self.ensure_one()
        interventions = self.intervention_ids
        if not interventions:
            raise UserError(_("No reviewed intervention to invoice in this period."))
        unsigned = interventions.filtered(lambda i: i.state != "reviewed")
        if unsigned:
            raise UserError(
                _(
                    "Only interventions with a signed review can be invoiced: %(names)s.",
                    names=", ".join(unsigned.mapped("name")),
                )
            )
        if len(interventions.partner_id.commercial_partner_id) > self.BACKGROUND_FARMS:
            return self._invoice_in_background(interventions)
        invoices = self._invoice(interventions)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_out_invoice_type"
        )
        action["domain"] = [("id", "in", invoices.ids)]
        action["context"] = {"default_move_type": "out_invoice"}
        return action

    def _invoice_in_background(self, interventions):
        self._check_accountant()
        run = self.env["farm.invoice.run"]._start(self, interventions)
        return {
            "type": "ir.actions.act_window",
            "res_model": "farm.invoice.run",
            "res_id": run.id,
            "view_mode": "form",
            "target": "current",
        }

    @api.model
    def _invoice_period(self, date_from, date_to):
        """Invoice every reviewed intervention of the period (demo data, scheduled use)."""
        wizard = self.create({"date_from": date_from, "date_to": date_to})
        return (
            wizard._invoice(wizard.intervention_ids)
            if wizard.intervention_ids
            else self.env["account.move"]
        )

    def _check_accountant(self):
        if not self.env.su and not self.env.user.has_group(ACCOUNTANT):
            raise UserError(_("Only the accounting team can invoice interventions."))

    def _lock_invoiceable(self, interventions):
        """Lock the interventions for this transaction and keep those still to invoice:
        two accountants invoicing the same month at once cannot both bill them. Only
        reviewed work is invoiceable: invoicing moves it to 'invoiced', and a credit note or
        a cancelled invoice brings it back (the link table refuses a second live invoice)."""
        self._check_accountant()
        interventions.flush_recordset(["state", "invoice_id"])
        self.env.cr.execute(
            SQL(
                "SELECT id FROM farm_intervention WHERE id IN %s AND state = 'reviewed' FOR UPDATE",
                tuple(interventions.ids) or (0,),
            )
        )
        still = {row[0] for row in self.env.cr.fetchall()}
        interventions.invalidate_recordset(["state", "invoice_id"])
        return interventions.filtered(lambda i: i.id in still)

    def _link(self, invoice_by_intervention):
        """Record the invoice of each intervention, in one batch; PostgreSQL refuses a
        second live one. As Odoo's sales do, the note goes on the invoice, not on each
        source: an intervention shows its invoice and its invoicing history (the links)."""
        interventions = self.env["farm.intervention"].sudo().browse(list(invoice_by_intervention))
        try:
            with self.env.cr.savepoint():
                self.env["farm.intervention.invoice"].sudo().create(
                    [
                        {"intervention_id": intervention_id, "move_id": move.id}
                        for intervention_id, move in invoice_by_intervention.items()
                    ]
                )
        except psycopg2.errors.UniqueViolation:
            raise UserError(
                _(
                    "%(names)s already have a live invoice: cancel it or issue a credit note before invoicing them again.",  # noqa: E501
                    names=", ".join(interventions.mapped("name")),
                )
            ) from None
        by_move = defaultdict(list)
        for intervention_id, move in invoice_by_intervention.items():
            by_move[move].append(intervention_id)
        quiet = interventions.with_context(tracking_disable=True)
        quiet.write({"state": "invoiced"})
        for move, ids in by_move.items():
            quiet.browse(ids).write({"invoice_id": move.id})

    def _invoice(self, interventions):
        interventions = self._lock_invoiceable(interventions)
        if not interventions:
            return self.env["account.move"]
        by_farm = defaultdict(list)
        for intervention in interventions.sorted("date_start"):
            by_farm[intervention.partner_id.commercial_partner_id].append(intervention)
        farms = self.env["res.partner"].concat(*by_farm)
        pending = self._pending_membership_invoices(farms)
        layout = self.env.company.farm_invoice_layout
        common = self._invoice_values() if set(by_farm) - set(pending) else {}
        new_values = []
        for farm, farm_interventions in by_farm.items():
            values = self._invoice_lines(farm_interventions, layout)
            if farm in pending:  # Odoo's membership adds its lines there: beyond the accountant
                pending[farm].sudo().with_context(tracking_disable=True).write(
                    {**values, "invoice_date": self.invoice_date}
                )
            else:
                new_values.append({**common, "partner_id": farm.id, **values})
        # one summary note on each invoice rather than Odoo's creation and tracking notes
        created = self.env["account.move"].with_context(tracking_disable=True).create(new_values)
        invoices = self.env["account.move"].concat(created, *pending.values())
        invoice_by_farm = {invoice.partner_id: invoice for invoice in invoices}
        self._link(
            {
                intervention.id: invoice_by_farm[farm]
                for farm, farm_interventions in by_farm.items()
                for intervention in farm_interventions
            }
        )
        summary = _("Invoice of %(count)s farm interventions: %(names)s.")
        invoices._message_log_batch(
            bodies={
                invoice_by_farm[farm].id: Markup(summary)
                % {
                    "count": len(farm_interventions),
                    "names": ", ".join(i.name for i in farm_interventions),
                }
                for farm, farm_interventions in by_farm.items()
            }
        )
        return invoices

    def _pending_membership_invoices(self, farms):
        """The draft invoices of these farms' years of membership (a first one, made when
        a first review was signed, or a renewal), read from their membership lines."""
        lines = self.env["membership.membership_line"].search(
            [
                ("partner", "in", farms.ids),
                ("account_invoice_id.state", "=", "draft"),
                ("account_invoice_id.move_type", "=", "out_invoice"),
                ("account_invoice_id.farm_intervention_ids", "=", False),
            ],
            order="date_from",
        )
        return {line.partner: line.account_invoice_id for line in lines}

    def _invoice_values(self):
        """What every farm's invoice of the run shares, read once: the salesperson, and the
        sales journal that Odoo would otherwise look up for each invoice."""
        Move = self.env["account.move"]
        return {
            "move_type": "out_invoice",
            "journal_id": Move.new({"move_type": "out_invoice"}).journal_id.id,
            "invoice_user_id": self.env["res.partner"]._farm_invoice_user().id,
            "invoice_date": self.invoice_date,
            "invoice_origin": _("Farm interventions"),
        }

    def _invoice_lines(self, interventions, layout):
        """The invoice lines of a farm's interventions, and for the grouped layout the list
        of the interventions in the invoice's terms."""
        if layout == "grouped":
            return self._grouped_lines(interventions)
        commands = []
        for intervention in interventions:
            date = self._local_date(intervention)
            for line in intervention.line_ids.filtered("done_hours"):
                label = line.description or line.task_type_id.name
                commands.append(
                    Command.create(
                        {
                            **self._line_values(line),
                            "name": f"{intervention.name} – {date} – {label}",
                        }
                    )
                )
        return {"invoice_line_ids": commands}

    def _grouped_lines(self, interventions):
        totals = defaultdict(float)
        samples = {}
        for intervention in interventions:
            for line in intervention.line_ids.filtered("done_hours"):
                key = (line.task_type_id, line.price_unit)
                totals[key] += line.done_hours
                samples.setdefault(key, line)
        commands = [
            Command.create(
                {**self._line_values(samples[key]), "name": key[0].name, "quantity": quantity}
            )
            for key, quantity in totals.items()
        ]
        listed = ", ".join(f"{i.name} ({self._local_date(i)})" for i in interventions)
        narration = Markup("<p>%s</p>") % _("Interventions: %(list)s", list=listed)
        return {"invoice_line_ids": commands, "narration": narration}

    def _local_date(self, intervention):
        return format_date(
            self.env, fields.Datetime.context_timestamp(self, intervention.date_start)
        )

    def _line_values(self, line):
        product = line.task_type_id.product_id
        return {
            "product_id": product.id,
            "name": line.description or line.task_type_id.name,
            "quantity": line.done_hours,
            "product_uom_id": product.uom_id.id,
            "price_unit": line.price_unit,
        }
