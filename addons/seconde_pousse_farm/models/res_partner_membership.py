# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# pylint: disable=consider-merging-classes-inherited
# (each file extends the models its own capability needs, as core splits account.move)
"""A farm's membership, over Odoo's membership lines: one year from the first signed
review, renewed without a gap (the next year starts the day after), until the farm
withdraws. Its status reads the lines as they are: a credit note or a cancelled invoice
ends the year it paid for, and a break shows as a break."""

from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_date

from odoo.addons.seconde_pousse_base.models.roles import COORDINATOR

RUNNING_MEMBERSHIP_STATES = ("waiting", "invoiced", "paid", "free")
VOTING_STATES = ("paid", "free")
RENEWAL_NOTICE_DAYS = 30


# the membership's lifecycle, apart from the farm's own fields (res_partner.py)
class ResPartner(models.Model):
    _inherit = "res.partner"

    farm_membership_status = fields.Selection(
        [
            ("none", "Not a member"),
            ("member", "Member"),
            ("lapsed", "Former member"),
            ("cancelled", "Membership cancelled"),
            ("withdrawn", "Withdrawn"),
        ],
        string="Membership status",
        compute="_compute_farm_membership",
    )
    farm_membership_line_id = fields.Many2one(
        "membership.membership_line",
        string="Current membership",
        compute="_compute_farm_membership",
    )
    # the invoice is the coordinators' and accountants' to see, not the supervisors'
    farm_membership_invoice_id = fields.Many2one(
        "account.move",
        string="Membership invoice",
        compute="_compute_farm_membership",
        groups="seconde_pousse_base.group_coordinator,account.group_account_invoice",
    )
    farm_membership_start = fields.Date(string="Member since", compute="_compute_farm_membership")
    farm_membership_end = fields.Date(string="Member until", compute="_compute_farm_membership")
    farm_withdrawal_date = fields.Date(string="Withdrawn on", tracking=True, copy=False)
    farm_withdrawal_reason = fields.Text(string="Reason for withdrawal", tracking=True, copy=False)

    # ------------------------------------------------------------------
    # Status
    # ------------------------------------------------------------------
    def _farm_valid_lines(self, day=None):
        """The membership lines that make the farm a member over their dates: not
        cancelled by that day (a withdrawal), their invoice neither cancelled nor
        reversed by a credit note. Read as superuser, as the lines of whoever reads the
        farm: its status is everyone's, its invoices are not (a supervisor reads no invoice,
        a salesperson only their own)."""
        day = day or fields.Date.context_today(self)
        return self.sudo().member_lines.filtered(
            lambda line: (
                (not line.date_cancel or line.date_cancel > day)
                and line.state in RUNNING_MEMBERSHIP_STATES
                and line.account_invoice_id.payment_state != "reversed"
            )
        )

    @staticmethod
    def _farm_line_end(line):
        """The last day of a year, or the eve of the withdrawal that ends it early."""
        if line.date_cancel and line.date_cancel <= line.date_to:
            return line.date_cancel - timedelta(days=1)
        return line.date_to

    @api.depends(
        "member_lines.state",
        "member_lines.date_from",
        "member_lines.date_to",
        "member_lines.date_cancel",
        "farm_withdrawal_date",
    )
    def _compute_farm_membership(self):
        today = fields.Date.context_today(self)
        for partner in self:
            valid = partner._farm_valid_lines(today).sorted("date_from")
            current = valid.filtered(
                lambda line, d=today: line.date_from <= d <= self._farm_line_end(line)
            )
            current = current[:1]
            partner.farm_membership_line_id = current
            partner.farm_membership_invoice_id = current.account_invoice_id
            start, end = partner._farm_membership_run(valid, current)
            partner.farm_membership_start, partner.farm_membership_end = start, end
            partner.farm_membership_status = partner._farm_status(valid, current, today)

    def _farm_membership_run(self, valid, current):
        """The first and last day of the unbroken run of years through the current one."""
        if not current:
            return False, False
        start, end = current.date_from, self._farm_line_end(current)
        for line in valid.sorted("date_from", reverse=True):
            if self._farm_line_end(line) >= start - timedelta(days=1) and line.date_from < start:
                start = line.date_from
        for line in valid:
            if line.date_from <= end + timedelta(days=1) and self._farm_line_end(line) > end:
                end = self._farm_line_end(line)
        return start, end

    def _farm_status(self, valid, current, today):
        if self.farm_withdrawal_date and self.farm_withdrawal_date <= today:
            return "withdrawn"
        if current or self.free_member:
            return "member"
        if valid.filtered(lambda line: self._farm_line_end(line) < today):
            return "lapsed"
        return "cancelled" if self.sudo().member_lines else "none"

    def _farm_has_running_membership(self, on_date):
        """A valid membership line covering on_date, or a free membership."""
        self.ensure_one()
        partner = self.commercial_partner_id
        return partner.free_member or any(
            line.date_from <= on_date <= self._farm_line_end(line)
            for line in partner._farm_valid_lines(on_date)
        )

    def _farm_membership_history(self):
        """The farm's years, newest first, as its farmers read them on the portal: the
        days each covered and what became of it."""
        self.ensure_one()
        today = fields.Date.context_today(self)
        current = self.farm_membership_line_id
        return [
            {
                "date_from": line.date_from,
                "date_to": max(self._farm_line_end(line), line.date_from),
                "status": self._farm_line_outcome(line, today),
                "current": line == current,
                "invoice": line.account_invoice_id.filtered(lambda m: m.state == "posted"),
            }
            for line in self.sudo().member_lines.sorted("date_from", reverse=True)
        ]

    def _farm_line_outcome(self, line, today):
        """What became of one year: paid, to pay, ended by a credit note or a withdrawal."""
        _ = self.env._
        if line.date_cancel and line.date_cancel <= line.date_from:
            return _("Cancelled by the withdrawal")
        if line.account_invoice_id.payment_state == "reversed":
            return _("Cancelled by a credit note")
        if line.state == "canceled" or line.account_invoice_id.state == "cancel":
            return _("Cancelled")
        if line.date_cancel and line.date_cancel <= line.date_to:
            return _(
                "Ended by the withdrawal on %(date)s", date=format_date(self.env, line.date_cancel)
            )
        outcome = {
            "paid": _("Fee paid"),
            "free": _("Free membership"),
            "invoiced": _("Fee invoiced, to pay"),
        }.get(line.state, _("Fee to invoice"))
        if line.date_from > today:
            return _(
                "%(outcome)s (starts on %(date)s)",
                outcome=outcome,
                date=format_date(self.env, line.date_from),
            )
        return outcome

    @api.model
    def _farm_voting_members(self, on_date):
        """Farms up to date with their fee on that day: those who vote at the general
        assembly."""
        lines = self.env["membership.membership_line"].search(
            [
                ("partner.is_farm", "=", True),
                ("date_from", "<=", on_date),
                ("date_to", ">=", on_date),
                "|",
                ("date_cancel", "=", False),
                ("date_cancel", ">", on_date),
                ("state", "in", VOTING_STATES),
                ("account_invoice_id.payment_state", "!=", "reversed"),
            ]
        )
        free = self.search([("is_farm", "=", True), ("free_member", "=", True)])
        members = lines.partner | free
        return members.filtered(
            lambda farm: not farm.farm_withdrawal_date or farm.farm_withdrawal_date > on_date
        )

    # ------------------------------------------------------------------
    # Years of membership
    # ------------------------------------------------------------------
    def _farm_create_membership_year(self, date_from):
        """One year from date_from, invoiced as a draft the batch takes (or on its own)."""
        self.ensure_one()
        farm = self.commercial_partner_id.sudo()
        product = self.env.ref("seconde_pousse_farm.product_membership_farm").sudo()
        invoice = farm.create_membership_invoice(product, product.list_price)
        invoice.invoice_user_id = self._farm_invoice_user()
        line = (
            self.env["membership.membership_line"]
            .sudo()
            .search([("account_invoice_line", "in", invoice.invoice_line_ids.ids)])
        )
        line.write(
            {
                "date_from": date_from,
                "date_to": date_from + relativedelta(years=1, days=-1),
                "date": date_from,
            }
        )
        return invoice

    def _farm_start_membership(self, on_date):
        """Make the farm a member from on_date for a year, unless it is one already or
        has withdrawn. Returns the draft invoice, or an empty recordset."""
        self.ensure_one()
        farm = self.commercial_partner_id
        if farm._farm_has_running_membership(on_date) or farm.farm_withdrawal_date:
            return self.env["account.move"]
        invoice = farm._farm_create_membership_year(on_date)
        farm.sudo().message_post(
            body=self.env._(
                "The farm becomes a member of the association from %(date)s.",
                date=format_date(self.env, on_date),
            )
        )
        return invoice

    def _farm_renew_membership(self):
        """The next year, from the day after the current one, with a reminder to the farm
        and an activity for the coordinator."""
        self.ensure_one()
        end = self.farm_membership_end
        template = self.env.ref("seconde_pousse_farm.mail_template_membership_renewal")
        self.sudo().message_post_with_source(
            template, subtype_xmlid="mail.mt_comment", partner_ids=self.ids
        )
        self._farm_create_membership_year(end + timedelta(days=1))
        self.sudo().activity_schedule(
            "mail.mail_activity_data_todo",
            date_deadline=end,
            user_id=self._farm_coordinator().id,
            summary=self.env._(
                "Membership renewed from %(date)s",
                date=format_date(self.env, end + timedelta(days=1)),
            ),
        )

    def _farm_coordinator(self):
        """Who follows memberships: the first coordinator, else the administrator."""
        admin = self.env.ref("base.user_admin")
        users = self.env.ref(COORDINATOR).sudo().users.sorted("id")
        return users.filtered(lambda u: u._is_internal() and u != admin)[:1] or admin

    @api.model
    def _farm_invoice_user(self):
        """The salesperson of the farm's invoices: the staff member who makes them, or the
        coordinator when a farmer's signature or a scheduled job does (never OdooBot)."""
        user = self.env.user
        if user.id != SUPERUSER_ID and user._is_internal():
            return user
        return self._farm_coordinator()

    @api.model
    def _farm_run_or_report(self, record, work, summary):
        """Run a scheduled job's work on one record; a failure undoes it and reaches the
        coordinator as an activity on the record, with Odoo's reason: never silent."""
        try:
            with self.env.cr.savepoint():
                work()
        except Exception as error:  # told to the coordinator, never lost
            record.activity_schedule(
                "mail.mail_activity_data_warning",
                user_id=self._farm_coordinator().id,
                summary=summary,
                note=str(error),
            )

    @api.model
    def _cron_farm_membership(self):
        """Renew the years ending within 30 days; a failure reaches the coordinator."""
        today = fields.Date.context_today(self)
        farms = self.search(
            [
                ("is_farm", "=", True),
                ("farm_withdrawal_date", "=", False),
                ("member_lines.date_to", ">=", today),
                ("member_lines.date_to", "<=", today + timedelta(days=RENEWAL_NOTICE_DAYS)),
            ]
        )
        for farm in farms.filtered(
            lambda f: (
                f.farm_membership_status == "member"
                and f.farm_membership_end
                and f.farm_membership_end <= today + timedelta(days=RENEWAL_NOTICE_DAYS)
            )
        ):
            self._farm_run_or_report(
                farm, farm._farm_renew_membership, self.env._("The membership could not be renewed")
            )

    # ------------------------------------------------------------------
    # Withdrawal
    # ------------------------------------------------------------------
    def _farm_withdraw(self, on_date, reason):
        """The farm leaves on on_date: its years end there, drafts of later years are
        cancelled, renewal stops."""
        self.ensure_one()
        if not (reason or "").strip():
            raise UserError(self.env._("Reason for withdrawal: say why the farm leaves."))
        self.write({"farm_withdrawal_date": on_date, "farm_withdrawal_reason": reason})
        lines = (
            self.sudo()._farm_valid_lines(on_date).filtered(lambda line: line.date_to >= on_date)
        )
        for line in lines:
            if line.date_from >= on_date and line.account_invoice_id.state == "draft":
                line.account_invoice_id.button_cancel()
            line.date_cancel = on_date
        self.message_post(
            body=self.env._(
                "The farm withdraws from the association on %(date)s: %(reason)s",
                date=format_date(self.env, on_date),
                reason=reason,
            )
        )

    def write(self, vals):
        if {"farm_withdrawal_date", "farm_withdrawal_reason"} & set(vals) and not (
            self.env.su or self.env.user.has_group(COORDINATOR)
        ):
            raise AccessError(self.env._("Only a coordinator records a farm's withdrawal."))
        return super().write(vals)

    def action_farm_withdraw(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "seconde_pousse_farm.farm_membership_withdraw_wizard_action"
        )
        action["context"] = {"default_partner_id": self.id}
        return action

    def action_print_farm_membership_certificate(self):
        self.ensure_one()
        if self.farm_membership_status != "member":
            raise UserError(
                self.env._("%(farm)s is not a member today: no certificate.", farm=self.name)
            )
        return self.env.ref(
            "seconde_pousse_farm.action_report_farm_membership_certificate"
        ).report_action(self)

    def action_open_farm_membership_invoice(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "res_id": self.farm_membership_invoice_id.id,
            "view_mode": "form",
        }
