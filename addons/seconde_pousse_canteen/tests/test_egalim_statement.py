# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.fields import Command

from .common import CanteenCase


class EgalimCase(CanteenCase):
    """Purchases invoiced directly (the statement reads posted invoices, whatever made
    them): the school buys organic tomatoes, Label Rouge potatoes, HVE apples and
    unlabelled courgettes."""

    @classmethod
    def make_invoice(cls, canteen, day, lines, move_type="out_invoice", origin=None):
        invoice = cls.env["account.move"].create(
            {
                "move_type": move_type,
                "partner_id": canteen.id,
                "invoice_date": day,
                "reversed_entry_id": origin.id if origin else False,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "quantity": quantity,
                            "price_unit": price,
                            "tax_ids": [Command.clear()],
                        }
                    )
                    for product, quantity, price in lines
                ],
            }
        )
        invoice.action_post()
        return invoice

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.march = cls.make_invoice(
            cls.school,
            date(2026, 3, 31),
            [(cls.tomato, 10, 3.0), (cls.potato, 20, 1.5), (cls.apple, 10, 2.0)],
        )
        cls.april = cls.make_invoice(
            cls.school, date(2026, 4, 30), [(cls.courgette, 25, 2.0), (cls.tomato, 10, 3.0)]
        )
        # 2 kg of tomatoes credited on the March invoice
        cls.credit = cls.make_invoice(
            cls.school, date(2026, 4, 2), [(cls.tomato, 2, 3.0)], "out_refund", cls.march
        )
        cls.last_year = cls.make_invoice(cls.school, date(2025, 10, 15), [(cls.apple, 5, 2.0)])
        cls.college_invoice = cls.make_invoice(
            cls.college, date(2026, 5, 29), [(cls.tomato, 5, 3.0)]
        )
        cls.env.flush_all()

    def statement(self, canteen=None, year=2026):
        return self.env["canteen.egalim.statement"].search(
            [("partner_id", "=", (canteen or self.school).id), ("year", "=", year)]
        )


class TestEgalimStatement(EgalimCase):
    def test_each_purchase_counts_once_under_its_highest_category(self):
        statement = self.statement()
        # tomatoes 18 x 3 (organic), potatoes 20 x 1.5 (Label Rouge and HVE: SIQO),
        # apples 10 x 2 (HVE), courgettes 25 x 2 (no label)
        self.assertEqual(statement.amount_bio, 54.0)
        self.assertEqual(statement.amount_siqo, 30.0)
        self.assertEqual(statement.amount_other, 20.0)
        self.assertEqual(statement.amount_egalim, 104.0)
        self.assertEqual(statement.amount_total, 154.0)
        # local: tomatoes, apples, courgettes (the potatoes are not)
        self.assertEqual(statement.amount_local, 124.0)
        self.assertEqual(
            (statement.share_bio, statement.share_egalim, statement.share_local),
            (35.1, 67.5, 80.5),
        )

    def test_the_statement_total_is_what_was_invoiced_that_year(self):
        moves = self.env["account.move"].search(
            [
                ("partner_id", "=", self.school.id),
                ("state", "=", "posted"),
                ("invoice_date", ">=", "2026-01-01"),
                ("invoice_date", "<=", "2026-12-31"),
            ]
        )
        self.assertEqual(self.statement().amount_total, sum(moves.mapped("amount_untaxed_signed")))
        self.assertEqual(self.statement(year=2025).amount_total, 10.0)

    def test_a_statement_by_family_in_a_french_pdf(self):
        families = self.statement()._family_totals()
        self.assertEqual(
            families[(self.school.id, 2026)],
            [("Fruits et légumes frais et surgelés", 154.0, 54.0, 104.0)],
        )
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "seconde_pousse_canteen.action_report_egalim_statement", self.statement().ids
            )[0]
            .decode()
        )
        for text in ("Cuisine centrale de La Roque", "21130001700012", "35,1", "67,5", "80,5"):
            self.assertIn(text, html)

    def test_canteens_are_told_apart(self):
        self.assertEqual(self.statement(self.college).amount_total, 15.0)
        self.assertEqual(self.statement(self.college).share_bio, 100.0)
        self.assertFalse(self.statement(self.care_home))
