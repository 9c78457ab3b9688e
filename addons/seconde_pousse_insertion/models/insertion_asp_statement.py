# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The monthly statement to the ASP: per annexe financière and month, one line per
employee the annexe funds. Prepared from the hours, the actions and the pathways,
checked, then declared: a declared statement is kept as it was declared, and a
correction is a new version of it."""

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

LOCKED_STATES = ("declared", "superseded")
DECLARATION_FIELDS = {"state", "declared_on", "declared_by_id", "version", "previous_id"}


class InsertionAspStatement(models.Model):
    _name = "insertion.asp.statement"
    _inherit = ["mail.thread", "seconde_pousse.workflow.guard"]
    _description = "Monthly statement to the ASP"
    _order = "month desc, annex_id, version desc"
    # set by declaring (a context default of them is refused like the value)
    _workflow_fields = ("state", "declared_on", "declared_by_id")

    name = fields.Char(compute="_compute_name", store=True)
    annex_id = fields.Many2one(
        "insertion.financial.annex",
        string="Annexe financière",
        required=True,
        index=True,
        ondelete="restrict",
    )
    company_id = fields.Many2one(related="annex_id.company_id", store=True, index=True)
    month = fields.Date(
        required=True,
        default=lambda self: (
            fields.Date.context_today(self).replace(day=1) - relativedelta(months=1)
        ),
        help="First day of the month declared.",
    )
    version = fields.Integer(default=1, required=True, readonly=True)
    previous_id = fields.Many2one(
        "insertion.asp.statement", string="Corrects", readonly=True, ondelete="restrict"
    )
    state = fields.Selection(
        [("draft", "Draft"), ("declared", "Declared"), ("superseded", "Corrected since")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    declared_on = fields.Datetime(readonly=True)
    declared_by_id = fields.Many2one("res.users", string="Declared by", readonly=True)
    line_ids = fields.One2many("insertion.asp.statement.line", "statement_id", string="Lines")
    employee_count = fields.Integer(string="Employees", compute="_compute_totals")
    hours_total = fields.Float(string="Hours worked", compute="_compute_totals")
    training_hours_total = fields.Float(string="Training hours", compute="_compute_totals")
    pmsmp_hours_total = fields.Float(string="PMSMP hours", compute="_compute_totals")
    entry_count = fields.Integer(string="Entries", compute="_compute_totals")
    exit_count = fields.Integer(string="Exits", compute="_compute_totals")
    problem_count = fields.Integer(string="Problems", compute="_compute_totals")

    _sql_constraints = [
        (
            "version_unique",
            "unique(annex_id, month, version)",
            "This version of the statement already exists.",
        ),
    ]

    def init(self):
        # one statement being prepared per annexe and month, whatever two users do at once
        self.env.cr.execute(
            f"""CREATE UNIQUE INDEX IF NOT EXISTS {self._table}_one_draft
                ON {self._table} (annex_id, month) WHERE state = 'draft'"""
        )

    @api.depends("annex_id.number", "month", "version")
    def _compute_name(self):
        for statement in self:
            statement.name = self.env._(
                "%(annex)s – %(month)s – version %(version)s",
                annex=statement.annex_id.number or "",
                month=statement.month
                and format_date(self.env, statement.month, date_format="MMMM y"),
                version=statement.version,
            )

    @api.depends(
        "line_ids.hours_worked",
        "line_ids.training_hours",
        "line_ids.pmsmp_hours",
        "line_ids.problems",
    )
    def _compute_totals(self):
        for statement in self:
            lines = statement.line_ids
            statement.employee_count = len(lines)
            statement.hours_total = sum(lines.mapped("hours_worked"))
            statement.training_hours_total = sum(lines.mapped("training_hours"))
            statement.pmsmp_hours_total = sum(lines.mapped("pmsmp_hours"))
            statement.entry_count = len(lines.filtered("entered_in_month"))
            statement.exit_count = len(lines.filtered("exit_date"))
            statement.problem_count = len(lines.filtered("problems"))

    @api.constrains("annex_id", "month")
    def _check_month(self):
        for statement in self:
            annex, month = statement.annex_id, statement.month
            if month < annex.date_start.replace(day=1) or month > annex.date_end:
                raise ValidationError(
                    self.env._(
                        "Month: the annexe %(annex)s runs from %(start)s to %(end)s, not in "
                        "%(month)s.",
                        annex=annex.number,
                        start=format_date(self.env, annex.date_start),
                        end=format_date(self.env, annex.date_end),
                        month=format_date(self.env, month, date_format="MMMM y"),
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_declaration_fields(vals)
            if vals.get("month"):
                vals["month"] = fields.Date.to_date(vals["month"]).replace(day=1)
            vals.update(self._next_version(vals.get("annex_id"), vals.get("month")))
        # the one-draft index reads the stored states: a version declared in this same
        # transaction is no longer a draft when its correction is inserted
        self.flush_model(["state"])
        statements = super().create(vals_list)
        statements._refresh_lines()
        return statements

    def write(self, vals):
        self._check_declaration_fields(vals)
        if vals.get("month"):
            vals["month"] = fields.Date.to_date(vals["month"]).replace(day=1)
        self._check_unlocked(vals)
        res = super().write(vals)
        if {"annex_id", "month"} & set(vals):
            self._refresh_lines()
        return res

    def _check_declaration_fields(self, vals):
        if DECLARATION_FIELDS & set(vals) and not self.env.su:
            raise UserError(
                self.env._(
                    "The state, version and declaration of a statement are set by declaring it."
                )
            )

    def _next_version(self, annex_id, month):
        """A statement made for a month already declared is its correction."""
        if not annex_id or not month:
            return {}
        latest = self.sudo().search(
            [("annex_id", "=", annex_id), ("month", "=", month)], order="version desc", limit=1
        )
        if latest.state == "draft":
            raise UserError(
                self.env._(
                    "%(name)s is being prepared: check and declare it rather than starting "
                    "another.",
                    name=latest.name,
                )
            )
        return {
            "version": latest.version + 1 if latest else 1,
            "previous_id": latest.id if latest.state == "declared" else False,
        }

    def _check_unlocked(self, vals=None):
        """A declared statement is kept as declared: only its declaration, made as
        superuser, marks it corrected; its chatter goes on."""
        locked = self.filtered(lambda s: s.state in LOCKED_STATES)
        keys = set(vals or {})
        if not locked or (vals is not None and keys <= {"message_main_attachment_id"}):
            return
        if self.env.su and vals is not None and keys <= {"state"}:
            return
        raise UserError(
            self.env._(
                "The statement %(name)s was declared on %(date)s and is kept as declared: "
                "correct it with a new version.",
                name=locked[0].name,
                date=format_date(self.env, locked[0].declared_on),
            )
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        self._check_unlocked()

    def _month_end(self):
        return self.month + relativedelta(day=31)

    def _refresh_lines(self):
        """Lines rebuilt from the hours, actions and pathways of the month."""
        Line = self.env["insertion.asp.statement.line"]
        for statement in self:
            statement._check_unlocked()
            statement.line_ids.unlink()
            Line.create(Line._values_for(statement))

    def action_refresh(self):
        self._refresh_lines()
        return True

    def action_declare(self):
        today = fields.Date.context_today(self)
        for statement in self:
            statement._refresh_lines()  # refuses a locked statement first
            if statement._month_end() >= today:
                raise UserError(
                    self.env._(
                        "%(month)s is not over: it is declared from the day after its last day.",
                        month=format_date(self.env, statement.month, date_format="MMMM y"),
                    )
                )
            problems = statement.line_ids.filtered("problems")
            if problems:
                raise UserError(
                    self.env._(
                        "Solve these problems before declaring the statement:\n%(list)s",
                        list="\n".join(
                            f"• {line.employee_name}: {line.problems}" for line in problems
                        ),
                    )
                )
            statement.sudo().write(
                {
                    "state": "declared",
                    "declared_on": fields.Datetime.now(),
                    "declared_by_id": self.env.uid,
                }
            )
            statement.previous_id.sudo().write({"state": "superseded"})
            statement.message_post(
                body=self.env._(
                    "Declared: %(count)s employees, %(hours)s hours worked.",
                    count=statement.employee_count,
                    hours=statement.hours_total,
                )
            )
        return True

    def action_correct(self):
        """A new version of the declared statement, to be checked and declared in turn."""
        self.ensure_one()
        if self.state != "declared":
            raise UserError(
                self.env._(
                    "Only the version last declared can be corrected (%(name)s).", name=self.name
                )
            )
        correction = self.create({"annex_id": self.annex_id.id, "month": self.month})
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": correction.id,
            "view_mode": "form",
        }
