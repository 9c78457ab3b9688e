# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged

from .common import InsertionCommon


@tagged("post_install", "-at_install")
class TestHrContract(InsertionCommon, TransactionCase):
    def test_cddi_contract_type_is_recognised(self):
        self.assertTrue(self.contract.is_cddi)
        self.assertEqual(self.contract.contract_type_id.name, "CDDI")

    def test_contract_cannot_start_outside_pass(self):
        employee = self.make_employee("Sofia Moreau")
        with self.assertRefused(ValidationError, "en dehors de la validité du PASS IAE"):
            self.make_contract(
                employee,
                env=self.env(context={"lang": "fr_FR"}),
                date_start=date(2024, 11, 4),
                state="draft",
            )
        self.assertFalse(self.env["hr.contract"].search([("employee_id", "=", employee.id)]))

    def test_counsellor_creates_contract_within_pass(self):
        employee = self.make_employee("Lucas Martin")
        contract = (
            self.env["hr.contract"]
            .with_user(self.counsellor)
            .create(
                {
                    "name": "CDDI Lucas Martin",
                    "employee_id": employee.id,
                    "contract_type_id": self.env.ref(
                        "seconde_pousse_insertion.contract_type_cddi"
                    ).id,
                    "date_start": date(2025, 2, 3),
                    "date_end": date(2025, 8, 2),
                    "wage": 1500,
                }
            )
        )
        self.assertTrue(contract.is_cddi)

    def test_months_in_cddi_and_the_24_months_limit(self):
        employee = self.employee.with_user(self.counsellor)
        self.assertAlmostEqual(employee.cddi_months, 6.0, places=0)
        self.assertFalse(employee.cddi_over_limit)
        self.make_contract(
            self.employee,
            date_start=date(2025, 7, 6),
            date_end=date(2027, 3, 31),
            state="draft",
            cddi_long_derogation="training",
            cddi_derogation_reason="CAP agricole jusqu'en mars 2027",
        )
        employee.invalidate_recordset()
        self.assertGreater(employee.cddi_months, 24)
        self.assertTrue(employee.cddi_over_limit)


@tagged("post_install", "-at_install")
class TestCddiRules(InsertionCommon, TransactionCase):
    """Four months at least, 24 in all, 20 to 35 hours a week, with the law's derogations:
    refused where the law blocks, logged with their reason where one applies."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="fr_FR"))
        cls.sofia = cls.make_employee("Sofia Moreau")

    def cddi(self, start, end, **values):
        return self.make_contract(
            self.sofia, env=self.env, date_start=start, date_end=end, **values
        )

    def calendar(self, hours_a_day, days=5):
        return self.env["resource.calendar"].create(
            {
                "name": f"{hours_a_day * days} h",
                "attendance_ids": [
                    (
                        0,
                        0,
                        {
                            "name": str(day),
                            "dayofweek": str(day),
                            "hour_from": 8,
                            "hour_to": 8 + hours_a_day,
                            "day_period": "morning",
                        },
                    )
                    for day in range(days)
                ],
            }
        )

    def test_a_cddi_starts_on_the_cddi_week_and_has_an_end(self):
        contract = self.cddi(date(2025, 3, 3), date(2025, 9, 2))
        self.assertEqual(
            contract.resource_calendar_id,
            self.env.ref("seconde_pousse_insertion.resource_calendar_cddi_26h"),
        )
        self.assertEqual(contract.cddi_weekly_hours, 26)
        with self.assertRefused(
            ValidationError, "un contrat à durée déterminée : saisissez sa date de fin"
        ):
            self.cddi(date(2025, 3, 3), False)

    def test_four_months_at_least_except_for_a_sentenced_person(self):
        with self.assertRefused(
            ValidationError, "dure 4 mois au moins : celui-ci doit finir le 02/07/2025 ou plus tard"
        ):
            self.cddi(date(2025, 3, 3), date(2025, 6, 30))
        with self.assertRefused(ValidationError, "avec son motif (Motif de la dérogation)"):
            self.cddi(date(2025, 3, 3), date(2025, 6, 30), cddi_short_derogation="justice")
        contract = self.cddi(
            date(2025, 3, 3),
            date(2025, 6, 30),
            cddi_short_derogation="justice",
            cddi_derogation_reason="Placement extérieur, fin de peine le 30/06/2025",
        )
        note = contract.message_ids.filtered(
            lambda m: "Dérogation au CDDI appliquée" in (m.body or "")
        )
        self.assertEqual(len(note), 1)
        self.assertIn("Placement extérieur", note.body)

    def test_twenty_four_months_in_all_sixty_with_a_derogation(self):
        self.sofia.pass_iae_end = date(2030, 12, 31)  # contracts start within the PASS
        self.cddi(date(2025, 1, 6), date(2026, 7, 5))  # 17.9 months
        with self.assertRefused(
            ValidationError, "dureraient 29,9 mois au total : la loi en permet 24, 60"
        ):
            self.cddi(date(2026, 7, 6), date(2027, 7, 5), state="draft")
        self.cddi(
            date(2026, 7, 6),
            date(2029, 12, 31),
            state="draft",
            cddi_long_derogation="rqth",
            cddi_derogation_reason="RQTH, difficultés de mobilité",
        )  # 59.8 months with the derogation
        with self.assertRefused(ValidationError, "mois au total : la loi en permet 24, 60"):
            self.cddi(
                date(2030, 1, 1),
                date(2030, 6, 30),
                state="draft",
                cddi_long_derogation="senior",
                cddi_derogation_reason="53 ans",
                employee_id=self.sofia.id,
            )

    def test_twenty_to_thirty_five_hours_a_week(self):
        with self.assertRefused(
            ValidationError, "35 heures par semaine au plus : l'horaire 40 h en a 40,0"
        ):
            self.cddi(date(2025, 3, 3), date(2025, 9, 2), resource_calendar_id=self.calendar(8).id)
        short_week = self.calendar(3)
        with self.assertRefused(
            ValidationError, "20 heures par semaine au moins : l'horaire 15 h en a 15,0"
        ):
            self.cddi(date(2025, 3, 3), date(2025, 9, 2), resource_calendar_id=short_week.id)
        contract = self.cddi(
            date(2025, 3, 3),
            date(2025, 9, 2),
            resource_calendar_id=short_week.id,
            cddi_hours_derogation="difficulties",
            cddi_derogation_reason="Reprise progressive après hospitalisation",
        )
        self.assertTrue(
            contract.message_ids.filtered(lambda m: "Reprise progressive" in (m.body or ""))
        )

    def test_a_contract_saved_before_the_rules_still_changes_state(self):
        """Odoo's contract cron closes expired contracts: one saved on 40 hours before
        these rules existed must not stop it."""
        contract = self.cddi(date(2025, 3, 3), date(2025, 9, 2))
        forty = self.calendar(8)
        self.env.cr.execute(
            "UPDATE hr_contract SET resource_calendar_id = %s WHERE id = %s",
            (forty.id, contract.id),
        )
        contract.invalidate_recordset()
        contract.state = "close"
        self.assertEqual(contract.state, "close")
        with self.assertRefused(ValidationError, "35 heures par semaine au plus"):
            contract.date_end = date(2025, 9, 30)  # its rules hold again once it is edited
