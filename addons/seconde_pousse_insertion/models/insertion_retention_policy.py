# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""How long the social data of an insertion employee is kept after the pathway's exit,
per category, as the coordinator sets it. A scheduled job tells the counsellor 30 days
before, then anonymises the category: what the funders' statistics count (types,
statuses, dates, hours, exits) stays, what names or describes the person goes."""

from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

RETENTION_CATEGORIES = [
    ("barriers", "Barriers"),
    ("actions", "Accompaniment notes"),
    ("social", "Social situation"),
    ("identifiers", "PASS IAE and identifiers"),
]
DEFAULT_MONTHS = 24
NOTICE_DAYS = 30


class InsertionRetentionPolicy(models.Model):
    _name = "insertion.retention.policy"
    _inherit = ["mail.thread"]
    _description = "Retention of social data"
    _order = "company_id, category"
    _rec_name = "category"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    category = fields.Selection(RETENTION_CATEGORIES, required=True)
    months = fields.Integer(
        string="Months kept after the exit", default=DEFAULT_MONTHS, required=True, tracking=True
    )
    description = fields.Char(string="What is anonymised", compute="_compute_description")

    _sql_constraints = [
        ("category_unique", "unique(company_id, category)", "This category already has a period."),
    ]

    @api.depends("category")
    def _compute_description(self):
        _ = self.env._
        descriptions = {
            "barriers": _("Description, note and partner of each barrier (type and status kept)"),
            "actions": _("Subject, note and partners of each action (type, date, hours kept)"),
            "social": _("Social situation, exit comment, documents and messages of the pathway"),
            "identifiers": _("PASS IAE number, national identifiers, passport and permits"),
        }
        for policy in self:
            policy.description = descriptions.get(policy.category, "")

    @api.constrains("months")
    def _check_months(self):
        if any(not 1 <= policy.months <= 240 for policy in self):
            raise ValidationError(
                self.env._("Months kept after the exit: from 1 to 240 (20 years).")
            )

    @api.model
    def _months_by_category(self, company):
        policies = self.sudo().search([("company_id", "=", company.id)])
        months = dict.fromkeys(dict(RETENTION_CATEGORIES), DEFAULT_MONTHS)
        months.update({policy.category: policy.months for policy in policies})
        return months

    @api.model
    def _cron_retention(self):
        """Notices for what is anonymised within 30 days, then what is due."""
        today = fields.Date.context_today(self)
        Pathway = self.env["insertion.pathway"].sudo()
        # Every company: each has its own periods, and there are only a few of them.
        companies = self.env["res.company"].sudo().search([])  # pylint: disable=no-search-all
        for company in companies:
            for category, months in self._months_by_category(company).items():
                limit = today - relativedelta(months=months)
                due = Pathway._retention_due(company, category, limit)
                due._anonymise(category, months)
                soon = (
                    Pathway._retention_due(company, category, limit + timedelta(days=NOTICE_DAYS))
                    - due
                )
                soon._notify_retention(category, months)
