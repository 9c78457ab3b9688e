# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from odoo.fields import Command
from odoo.tests.common import warmup

from .common import CanteenCase

STATEMENT_QUERIES = 11  # measured: the statement, its figures by family, the purchases


class TestPerformance(CanteenCase):
    """The EGalim statement of a canteen takes a fixed number of queries, whatever its
    history: a year of weekly invoices reads as one month of them."""

    @classmethod
    def invoice_weeks(cls, canteen, weeks):
        products = cls.tomato | cls.apple | cls.potato | cls.courgette
        invoices = cls.env["account.move"].create(
            [
                {
                    "move_type": "out_invoice",
                    "partner_id": canteen.id,
                    "invoice_date": date(2026, 1, 5) + timedelta(weeks=week),
                    "invoice_line_ids": [
                        Command.create({"product_id": product.id, "quantity": 5, "price_unit": 2.0})
                        for product in products
                    ],
                }
                for week in range(weeks)
            ]
        )
        invoices.action_post()

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.invoice_weeks(cls.school, 4)
        cls.invoice_weeks(cls.college, 40)
        cls.env.flush_all()

    def read_statement(self, canteen):
        statement = self.env["canteen.egalim.statement"].search(
            [("partner_id", "=", canteen.id), ("year", "=", 2026)]
        )
        statement.read(["amount_total", "share_bio", "share_egalim", "share_local"])
        families = statement._family_totals()
        rows = statement._macantine_rows()
        return statement, families, rows

    @warmup
    def test_the_statement_takes_a_fixed_number_of_queries(self):
        for canteen, weeks in ((self.school, 4), (self.college, 40)):
            with self.subTest(weeks=weeks):
                self.env.invalidate_all()
                with self.assertQueryCount(STATEMENT_QUERIES):
                    statement, families, rows = self.read_statement(canteen)
                self.assertEqual(len(rows), 4 * weeks)
                self.assertEqual(statement.amount_total, 40.0 * weeks)
                self.assertEqual(len(families[(canteen.id, 2026)]), 1)
