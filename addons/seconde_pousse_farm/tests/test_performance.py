# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime, timedelta

from odoo.fields import Command
from odoo.tests import tagged
from odoo.tests.common import warmup

from odoo.addons.seconde_pousse_base.tests.common import make_role_user

from .common import FarmCase

LIST_FIELDS = {
    "name": {},
    "partner_id": {"fields": {"display_name": {}}},
    "date_start": {},
    "user_id": {"fields": {"display_name": {}}},
    "team_size": {},
    "planned_hours": {},
    "done_hours": {},
    "amount_untaxed": {},
    "currency_id": {"fields": {}},
    "review_state": {},
    "invoice_id": {"fields": {"display_name": {}}},
    "state": {},
}
# what Odoo runs to make one invoice of one line, measured on 18.0: 2 x 2 searches of
# membership lines (its recomputation triggers), 1 analytic distribution model search, and
# a share of its INSERTs, which it splits in chunks (5.2 measured)
ODOO_QUERIES_PER_INVOICE = 5.5
FARM_FORM_FIELDS = {
    "name": {},
    "is_farm": {},
    "farm_request_count": {},
    "farm_intervention_count": {},
    "farm_review_count": {},
    "farm_production_ids": {"fields": {"display_name": {}}},
    "membership_state": {},
    "siret": {},
}


@tagged("post_install", "-at_install")
class TestPerformance(FarmCase):
    """100 farms x 10 interventions: the hot paths keep a fixed number of queries."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.farms = cls.env["res.partner"].create(
            [
                {
                    "name": f"Ferme {n:03d}",
                    "is_farm": True,
                    "is_company": True,
                    "email": f"f{n}@example.com",
                }
                for n in range(100)
            ]
        )
        start = datetime(2026, 3, 2, 7)
        cls.interventions = cls.env["farm.intervention"].create(
            [
                {
                    "partner_id": farm.id,
                    "date_start": start + timedelta(days=n),
                    "date_end": start + timedelta(days=n, hours=4),
                    "state": "reviewed",
                    "line_ids": [
                        Command.create({"task_type_id": cls.weeding.id, "done_hours": 4.0})
                    ],
                }
                for farm in cls.farms
                for n in range(10)
            ]
        )
        cls.quiet_farm = cls.make_farm("Ferme Calme")
        cls.light_user = make_role_user(cls.env, "coordinator", login="t_perf")
        cls.env.flush_all()

    def prepared(self):
        """Caches of the access rules, the user and the company warm, as on a running server."""
        self.env.invalidate_all()
        for user in (self.light_user, self.accountant):
            user.company_id.currency_id.mapped("name")

    def count_queries(self, function):
        function()
        self.prepared()
        before = self.env.cr.sql_log_count
        function()
        return self.env.cr.sql_log_count - before

    def assert_fixed(self, small, large):
        """Same number of queries for a few records as for many, and that number as budget."""
        budget = self.count_queries(small)
        self.assertEqual(
            self.count_queries(large), budget, "queries must not grow with the records"
        )
        self.prepared()
        with self.assertQueryCount(__system__=budget):
            large()
        return budget

    @warmup
    def test_intervention_list(self):
        model = self.env["farm.intervention"].with_user(self.light_user)
        budget = self.assert_fixed(
            lambda: model.web_search_read(
                [("partner_id", "in", self.farms[:1].ids)], LIST_FIELDS, limit=10
            ),
            lambda: model.web_search_read(
                [("partner_id", "in", self.farms.ids)], LIST_FIELDS, limit=1000
            ),
        )
        self.assertLessEqual(budget, 8)

    @warmup
    def test_farm_form(self):
        partners = self.env["res.partner"].with_user(self.light_user)
        budget = self.assert_fixed(
            lambda: partners.browse(self.quiet_farm.id).web_read(FARM_FORM_FIELDS),
            lambda: partners.browse(self.farms[0].id).web_read(FARM_FORM_FIELDS),
        )
        self.assertLessEqual(budget, 6)

    @warmup
    def test_invoicing_wizard_preview(self):
        def preview(partners):
            wizard = (
                self.env["farm.invoice.wizard"]
                .with_user(self.accountant)
                .new(
                    {
                        "date_from": date(2026, 3, 1),
                        "date_to": date(2026, 3, 31),
                        "partner_ids": partners.ids,
                    }
                )
            )
            return wizard.farm_count, wizard.amount_untaxed

        budget = self.assert_fixed(lambda: preview(self.farms[:1]), lambda: preview(self.farms))
        self.assertLessEqual(budget, 8)
        self.assertEqual(preview(self.farms), (100, 1000 * 4 * 20.0))

    def invoice_queries(self, farms):
        wizard = (
            self.env["farm.invoice.wizard"]
            .with_user(self.accountant)
            .create(
                {
                    "date_from": date(2026, 3, 1),
                    "date_to": date(2026, 3, 31),
                    "partner_ids": farms.ids,
                }
            )
        )
        interventions = wizard.intervention_ids
        self.prepared()
        before = self.env.cr.sql_log_count
        wizard._invoice(interventions)
        self.env.cr.flush()
        return self.env.cr.sql_log_count - before

    def test_invoicing_grows_only_by_odoos_own_work_per_invoice(self):
        """Month-end reads the salesperson and the sales journal once for the run; what
        each further invoice costs is Odoo's own making of it (its tax and payment-term
        lines, membership's and analytic's triggers)."""
        self.invoice_queries(self.farms[90:])  # caches warm, as on a running server
        ten = self.invoice_queries(self.farms[:10])
        thirty = self.invoice_queries(self.farms[10:40])
        self.assertLessEqual((thirty - ten) / 20, ODOO_QUERIES_PER_INVOICE)
