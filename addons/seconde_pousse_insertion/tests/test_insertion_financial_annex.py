# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The annexes financières: numbered as the ASP numbers them, funding the contracts of
their period, and the posts the FTE indicator compares the hours worked with."""

from datetime import date

from psycopg2.errors import UniqueViolation

from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from .common import InsertionCommon


@tagged("post_install", "-at_install")
class TestFinancialAnnex(InsertionCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="fr_FR"))

    def annex(self, start, end, posts, amendment=0, **values):
        return (
            self.env["insertion.financial.annex"]
            .with_user(self.counsellor)
            .create(
                {
                    "department": "013",
                    "year": start.year,
                    "structure_number": "0042",
                    "amendment": amendment,
                    "date_start": start,
                    "date_end": end,
                    "funded_fte": posts,
                    **values,
                }
            )
        )

    def test_the_number_follows_the_asp_format(self):
        annex = self.annex(date(2025, 1, 1), date(2025, 12, 31), 8.5, amendment=1)
        self.assertEqual(annex.number, "ACI013250042A1M0")
        self.assertEqual(annex.display_name, "ACI013250042A1M0")
        for values, message in (
            ({"department": "13"}, "Le département a trois caractères, comme 013 ou 02A"),
            ({"structure_number": "42"}, "Le numéro de structure a quatre chiffres, comme 0042"),
        ):
            with self.subTest(values=values), self.assertRefused(ValidationError, message):
                self.annex(date(2025, 1, 1), date(2025, 12, 31), 8.5, amendment=2, **values)

    @mute_logger("odoo.sql_db")
    def test_a_number_is_used_once(self):
        self.annex(date(2025, 1, 1), date(2025, 12, 31), 8.5)
        with self.assertRaises(UniqueViolation) as caught, self.env.cr.savepoint():
            self.annex(date(2025, 1, 1), date(2025, 12, 31), 9)
        self.assertEqual(
            caught.exception.diag.constraint_name, "insertion_financial_annex_number_unique"
        )

    def test_a_contract_is_funded_by_an_annexe_of_its_period(self):
        annex = self.annex(date(2025, 1, 1), date(2025, 12, 31), 8.5)
        self.contract.financial_annex_id = annex
        self.assertEqual(annex.contract_count, 1)
        later = self.annex(date(2026, 1, 1), date(2026, 12, 31), 8.5)
        with self.assertRefused(
            ValidationError,
            "n'est pas financé par l'annexe ACI013260042A0M0, qui court du 01/01/2026 au "
            "31/12/2026",
        ):
            self.contract.financial_annex_id = later

    def test_the_fte_indicator_compares_with_the_annexe_in_force(self):
        self.annex(date(2025, 1, 1), date(2025, 6, 30), 4)
        self.annex(date(2025, 7, 1), date(2025, 12, 31), 6, amendment=1)
        self.annex(date(2025, 10, 1), date(2025, 12, 31), 9, amendment=2)  # raised in October
        self.env["insertion.work.hours"].create(
            {"employee_id": self.employee.id, "month": date(2025, 2, 1), "hours": 151.67}
        )
        wizard = self.env["insertion.indicator.wizard"].create(
            {"date_from": date(2025, 1, 1), "date_to": date(2025, 12, 31)}
        )
        # 6 months of 4 posts, 3 of 6, 3 of 9
        self.assertAlmostEqual(wizard.agreed_posts, (6 * 4 + 3 * 6 + 3 * 9) / 12, places=4)
        data = wizard._get_indicators()  # unrounded: the field shows one decimal
        self.assertAlmostEqual(data["fte_rate"], 100 * (1 / 12) / data["agreed_posts"], places=6)
        spring = self.env["insertion.indicator.wizard"].create(
            {"date_from": date(2025, 2, 1), "date_to": date(2025, 2, 28)}
        )
        self.assertEqual(spring.agreed_posts, 4)
        self.assertAlmostEqual(spring.fte_rate, 25.0, places=1)  # 1 FTE of 4 posts
