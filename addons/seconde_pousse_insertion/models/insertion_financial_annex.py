# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The annexes financières: the State's yearly funding of the ACI's insertion posts,
declared monthly to the ASP. Each is numbered as the ASP numbers it: the kind of
structure, the department, the year, the structure's number and the amendment
(ACI + 013 + 26 + 0042 + A1 + M0: ACI013260042A1M0)."""

import re

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

DEPARTMENT = re.compile(r"^(\d{3}|02A|02B)$")
STRUCTURE_NUMBER = re.compile(r"^\d{4}$")


class InsertionFinancialAnnex(models.Model):
    _name = "insertion.financial.annex"
    _inherit = ["mail.thread"]
    _description = "Annexe financière"
    _order = "date_start desc, amendment desc, id desc"
    _rec_name = "number"

    number = fields.Char(compute="_compute_number", store=True, index=True)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    structure_kind = fields.Selection(
        related="company_id.iae_structure_kind", string="Kind of structure"
    )
    department = fields.Char(
        required=True, default="013", size=3, tracking=True, help="Three characters: 013, 02A…"
    )
    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year,
        tracking=True,
    )
    structure_number = fields.Char(
        string="Structure number", required=True, size=4, tracking=True, help="Four digits."
    )
    amendment = fields.Integer(default=0, tracking=True, help="A0 for the first annexe.")
    date_start = fields.Date(string="Start", required=True, tracking=True)
    date_end = fields.Date(string="End", required=True, tracking=True)
    funded_fte = fields.Float(
        string="Funded posts (FTE)", digits=(16, 2), required=True, tracking=True
    )
    contract_ids = fields.One2many("hr.contract", "financial_annex_id", string="Contracts")
    contract_count = fields.Integer(compute="_compute_contract_count")

    _sql_constraints = [
        (
            "number_unique",
            "unique(company_id, number)",
            "An annexe financière with this number already exists.",
        ),
        ("dates", "CHECK (date_end >= date_start)", "An annexe cannot end before it starts."),
        ("funded_fte_positive", "CHECK (funded_fte > 0)", "An annexe funds posts (FTE above 0)."),
    ]

    @api.depends("structure_kind", "department", "year", "structure_number", "amendment")
    def _compute_number(self):
        for annex in self:
            annex.number = "{}{}{:02d}{}A{}M0".format(
                (annex.structure_kind or "").upper(),
                (annex.department or "").upper(),
                (annex.year or 0) % 100,
                annex.structure_number or "",
                annex.amendment,
            )

    def _compute_contract_count(self):
        counts = dict(
            self.env["hr.contract"]._read_group(
                [("financial_annex_id", "in", self.ids)], ["financial_annex_id"], ["__count"]
            )
        )
        for annex in self:
            annex.contract_count = counts.get(annex, 0)

    @api.constrains("department", "structure_number", "year", "amendment")
    def _check_number_parts(self):
        for annex in self:
            if not DEPARTMENT.match((annex.department or "").upper()):
                raise ValidationError(
                    self.env._("The department is three characters, as 013 or 02A (Department).")
                )
            if not STRUCTURE_NUMBER.match(annex.structure_number or ""):
                raise ValidationError(
                    self.env._("The structure number is four digits, as 0042 (Structure number).")
                )
            if not 2000 <= annex.year <= 2099 or annex.amendment < 0:
                raise ValidationError(
                    self.env._("Enter the annexe's year (2000 to 2099) and amendment (0 or more).")
                )

    @api.model
    def _in_force(self, company, date_from, date_to):
        """{first day of each month of the period: the annexe in force then (the latest
        amendment), or none}, from one query."""
        annexes = self.search(
            [
                ("company_id", "=", company.id),
                ("date_start", "<=", date_to),
                ("date_end", ">=", date_from),
            ],
            order="amendment desc, date_start desc, id desc",
        )
        months, day = {}, date_from.replace(day=1)
        while day <= date_to:
            probe = max(day, date_from)
            months[day] = next(
                (a for a in annexes if a.date_start <= probe <= a.date_end), self.browse()
            )
            day += relativedelta(months=1)
        return months

    def action_open_statements(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Statements of %(number)s", number=self.number),
            "res_model": "insertion.asp.statement",
            "view_mode": "list,form",
            "domain": [("annex_id", "=", self.id)],
            "context": {"default_annex_id": self.id},
        }

    def action_open_contracts(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Contracts of %(number)s", number=self.number),
            "res_model": "hr.contract",
            "view_mode": "list,form",
            "domain": [("financial_annex_id", "=", self.id)],
            "context": {"default_financial_annex_id": self.id},
        }
