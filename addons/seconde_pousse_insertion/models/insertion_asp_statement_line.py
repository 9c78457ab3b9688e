# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A line of the monthly statement: what is declared for one employee, kept as it was
read when the statement was prepared, with the problems that stop its declaration."""

from collections import defaultdict

from odoo import api, fields, models
from odoo.tools import float_compare, format_date, formatLang

from .insertion_pathway import EXIT_CATEGORIES

WEEKS_PER_MONTH = 52 / 12
# part-time work may run a tenth over the contract's hours (Code du travail, L3123-28)
COMPLEMENTARY_SHARE = 0.1


class InsertionAspStatementLine(models.Model):
    _name = "insertion.asp.statement.line"
    _description = "Line of a monthly statement to the ASP"
    _order = "statement_id, employee_name, id"
    _rec_name = "employee_name"

    statement_id = fields.Many2one(
        "insertion.asp.statement", required=True, ondelete="cascade", index=True
    )
    employee_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="restrict")
    employee_name = fields.Char(string="Name as declared", required=True)
    pass_iae_number = fields.Char(string="PASS IAE number")
    pass_iae_start = fields.Date(string="PASS IAE start")
    pass_iae_end = fields.Date(string="PASS IAE end")
    entry_date = fields.Date(string="Entry date")
    entered_in_month = fields.Boolean(string="Entered this month")
    exit_date = fields.Date(string="Exit date")
    exit_category = fields.Selection(EXIT_CATEGORIES, string="Exit reason")
    contract_hours = fields.Float(string="Contract hours", digits=(16, 2))
    hours_worked = fields.Float(string="Hours worked", digits=(16, 2))
    training_hours = fields.Float(string="Training hours", digits=(16, 2))
    pmsmp_hours = fields.Float(string="PMSMP hours", digits=(16, 2))
    problems = fields.Text(
        compute="_compute_problems",
        help="What stops the line from being declared, read from the values kept on it.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        statements = self.env["insertion.asp.statement"].browse(
            {vals.get("statement_id") for vals in vals_list}
        )
        statements._check_unlocked()
        return super().create(vals_list)

    def write(self, vals):
        # the anonymisation of identifiers, as superuser, is the one change a declared
        # line takes (its hours, dates and reasons stay): a number cleared, never set
        if not (
            self.env.su and set(vals) <= {"pass_iae_number"} and not vals.get("pass_iae_number")
        ):
            self.statement_id._check_unlocked()
        if vals.get("statement_id"):  # nor does a line move onto a declared statement
            self.env["insertion.asp.statement"].browse(vals["statement_id"])._check_unlocked()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_unless_declared(self):
        self.statement_id._check_unlocked()

    # ------------------------------------------------------------------
    # Preparing the lines of a statement
    # ------------------------------------------------------------------
    @api.model
    def _values_for(self, statement):
        """The values of the statement's lines: the employees whose contract the annexe
        funds during the month, each read with a handful of grouped queries."""
        start, end = statement.month, statement._month_end()
        contracts = (
            self.env["hr.contract"]
            .sudo()
            .search(
                [
                    ("financial_annex_id", "=", statement.annex_id.id),
                    ("state", "!=", "cancel"),
                    ("date_start", "<=", end),
                    "|",
                    ("date_end", "=", False),
                    ("date_end", ">=", start),
                ]
            )
        )
        by_employee = defaultdict(lambda: contracts.browse())
        for contract in contracts:
            by_employee[contract.employee_id] |= contract
        facts = self._month_facts(statement, contracts.employee_id)
        return [
            self._employee_values(statement, employee, own, facts)
            for employee, own in by_employee.items()
        ]

    @api.model
    def _month_facts(self, statement, employees):
        start, end = statement.month, statement._month_end()
        env = self.env(su=True)
        hours = dict(
            env["insertion.work.hours"]._read_group(
                [
                    ("company_id", "=", statement.company_id.id),
                    ("employee_id", "in", employees.ids),
                    ("month", "=", start),
                ],
                ["employee_id"],
                ["hours:sum"],
            )
        )
        actions = defaultdict(float)
        for employee, action_type, duration in env["insertion.action"]._read_group(
            [
                ("employee_id", "in", employees.ids),
                ("action_type", "in", ("training", "pmsmp")),
                ("date", ">=", start),
                ("date", "<=", end),
            ],
            ["employee_id", "action_type"],
            ["duration:sum"],
        ):
            actions[employee, action_type] = duration
        exits = env["insertion.pathway"].search(
            [
                ("employee_id", "in", employees.ids),
                ("exit_date", ">=", start),
                ("exit_date", "<=", end),
            ]
        )
        return {
            "hours": hours,
            "actions": actions,
            "exits": {pathway.employee_id: pathway for pathway in exits},
        }

    @api.model
    def _employee_values(self, statement, employee, contracts, facts):
        start, end = statement.month, statement._month_end()
        employee = employee.sudo()
        entry = min(contracts.mapped("date_start"))
        exit_pathway = facts["exits"].get(employee)
        ends = contracts.mapped("date_end")
        contract_end = max(ends) if all(ends) else False
        exit_date = exit_pathway.exit_date if exit_pathway else False
        if not exit_date and contract_end and contract_end <= end:
            exit_date = contract_end
        return {
            "statement_id": statement.id,
            "employee_id": employee.id,
            "employee_name": employee.name,
            "pass_iae_number": employee.pass_iae_number,
            "pass_iae_start": employee.pass_iae_start,
            "pass_iae_end": employee.pass_iae_end,
            "entry_date": entry,
            "entered_in_month": start <= entry <= end,
            "exit_date": exit_date,
            "exit_category": exit_pathway.exit_category if exit_pathway else False,
            "contract_hours": sum(self._contract_hours(c, start, end) for c in contracts),
            "hours_worked": facts["hours"].get(employee, 0.0),
            "training_hours": facts["actions"][employee, "training"],
            "pmsmp_hours": facts["actions"][employee, "pmsmp"],
        }

    @api.model
    def _contract_hours(self, contract, start, end):
        """The contract's weekly hours over the days of the month it covers."""
        first, last = max(start, contract.date_start), min(end, contract.date_end or end)
        days = (last - first).days + 1
        return contract.cddi_weekly_hours * WEEKS_PER_MONTH * days / end.day if days > 0 else 0.0

    @api.depends(
        "statement_id.month",
        "pass_iae_number",
        "pass_iae_start",
        "pass_iae_end",
        "entry_date",
        "exit_date",
        "exit_category",
        "hours_worked",
        "contract_hours",
    )
    def _compute_problems(self):
        for line in self:
            line.problems = "; ".join(line._problems()) or False

    def _problems(self):
        """What stops the line from being declared, one phrase each."""
        _ = self.env._
        start, end = self.statement_id.month, self.statement_id._month_end()
        first = max(start, self.entry_date or start)
        last = min(end, self.exit_date or end)
        pass_start, pass_end = self.pass_iae_start, self.pass_iae_end
        problems = []
        if not (self.pass_iae_number and pass_start and pass_end):
            problems.append(_("no PASS IAE (number, start and end)"))
        elif pass_end < first:
            problems.append(_("PASS IAE expired on %(date)s", date=format_date(self.env, pass_end)))
        elif pass_start > first or pass_end < last:
            problems.append(
                _(
                    "the PASS IAE (%(start)s to %(end)s) does not cover the month worked, %(first)s to %(last)s",  # noqa: E501
                    start=format_date(self.env, pass_start),
                    end=format_date(self.env, pass_end),
                    first=format_date(self.env, first),
                    last=format_date(self.env, last),
                )
            )
        allowed = self.contract_hours * (1 + COMPLEMENTARY_SHARE)
        if float_compare(self.hours_worked, allowed, precision_digits=2) > 0:
            problems.append(
                _(
                    "%(hours)s hours worked, above the contract's %(contract)s hours and its complementary hours (a tenth more)",  # noqa: E501
                    hours=formatLang(self.env, self.hours_worked),
                    contract=formatLang(self.env, self.contract_hours),
                )
            )
        if self.exit_date and not self.exit_category:
            problems.append(
                _(
                    "exit on %(date)s without a category on the pathway",
                    date=format_date(self.env, self.exit_date),
                )
            )
        return problems
