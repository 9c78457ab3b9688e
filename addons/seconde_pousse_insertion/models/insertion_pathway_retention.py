# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The end of a pathway's social data: noticed to the counsellor, then anonymised
category by category once its retention period after the exit has passed."""

from dateutil.relativedelta import relativedelta

from odoo import fields, models
from odoo.tools import format_date

from odoo.addons.seconde_pousse_base.models.roles import COUNSELLOR

EMPLOYEE_CATEGORIES = ("social", "identifiers")
IDENTIFIER_FIELDS = (
    "pass_iae_number",
    "identification_id",
    "ssnid",
    "passport_id",
    "permit_no",
    "visa_no",
)


class InsertionPathway(models.Model):
    _name = "insertion.pathway"
    _inherit = ["insertion.pathway", "seconde_pousse.workflow.guard"]
    # the retention job's own record of what it did (as superuser): a client that set them
    # would keep social data past its retention period
    _workflow_fields = ("anonymised_categories", "retention_noticed_categories")

    anonymised_categories = fields.Char(readonly=True, groups=COUNSELLOR, copy=False)
    retention_noticed_categories = fields.Char(readonly=True, groups=COUNSELLOR, copy=False)

    def _retention_due(self, company, category, limit):
        """Exited pathways whose category is due by limit and still holds data; an
        employee's own data waits for the end of a later pathway."""
        pathways = self.search(
            [
                ("company_id", "=", company.id),
                ("stage", "=", "exit"),
                ("exit_date", "<=", limit),
                "|",
                ("anonymised_categories", "=", False),
                ("anonymised_categories", "not ilike", category),
            ]
        )
        if category in EMPLOYEE_CATEGORIES:
            running = self.search(
                [("employee_id", "in", pathways.employee_id.ids), ("stage", "!=", "exit")]
            )
            pathways = pathways.filtered(lambda p: p.employee_id not in running.employee_id)
        return pathways

    def _category_label(self, category):
        field = self.env["insertion.retention.policy"]._fields["category"]
        labels = dict(field._description_selection(self.env))
        return labels.get(category, category)

    def _notify_retention(self, category, months):
        todo = self.env.ref("mail.mail_activity_data_todo")
        for pathway in self.filtered(
            lambda p: category not in (p.retention_noticed_categories or "")
        ):
            day = pathway.exit_date + relativedelta(months=months)
            pathway.activity_schedule(
                activity_type_id=todo.id,
                date_deadline=day - relativedelta(days=1),
                user_id=(pathway.counsellor_id or self.env.ref("base.user_admin")).id,
                summary=self.env._(
                    "Anonymisation on %(date)s: %(category)s",
                    date=format_date(self.env, day),
                    category=self._category_label(category),
                ),
                note=self.env._(
                    "%(months)s months after the exit, this data of %(name)s is anonymised. "
                    "Export what must be kept (right of access) before then.",
                    months=months,
                    name=pathway.employee_id.name,
                ),
            )
            pathway.retention_noticed_categories = ",".join(
                filter(None, [pathway.retention_noticed_categories, category])
            )

    def _anonymise(self, category, months):
        if not self:
            return
        getattr(self, f"_anonymise_{category}")()
        for pathway in self:
            pathway.anonymised_categories = ",".join(
                filter(None, [pathway.anonymised_categories, category])
            )
            pathway.message_post(
                body=self.env._(
                    "Anonymised %(months)s months after the exit: %(category)s.",
                    months=months,
                    category=self._category_label(category),
                )
            )

    def _anonymise_barriers(self):
        barriers = self.with_context(active_test=False).barrier_ids
        barriers.write(
            {"name": self.env._("Anonymised barrier"), "note": False, "partner_id": False}
        )

    def _anonymise_actions(self):
        actions = self.with_context(active_test=False).action_ids
        actions.write(
            {
                "name": self.env._("Anonymised action"),
                "note": False,
                "partner_id": False,
                "host_company_id": False,
            }
        )

    def _anonymise_social(self):
        self.employee_id.write({"social_situation": False})
        self.write({"exit_comment": False, "exit_employer_id": False})
        records = [
            ("insertion.pathway", self.ids),
            ("insertion.barrier", self.with_context(active_test=False).barrier_ids.ids),
            ("insertion.action", self.with_context(active_test=False).action_ids.ids),
        ]
        for model, ids in records:
            self.env["ir.attachment"].search(
                [("res_model", "=", model), ("res_id", "in", ids)]
            ).unlink()
        self.env["mail.message"].search(
            [("model", "=", self._name), ("res_id", "in", self.ids)]
        ).unlink()

    def _anonymise_identifiers(self):
        employees = self.employee_id
        employees.with_context(tracking_disable=True).write(dict.fromkeys(IDENTIFIER_FIELDS, False))
        self.env["mail.tracking.value"].search(
            [
                ("field_id.model", "=", "hr.employee"),
                ("field_id.name", "in", IDENTIFIER_FIELDS),
                ("mail_message_id.model", "=", "hr.employee"),
                ("mail_message_id.res_id", "in", employees.ids),
            ]
        ).unlink()
        self.env["insertion.asp.statement.line"].search(
            [("employee_id", "in", employees.ids)]
        ).write({"pass_iae_number": False})
