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
            self.employee, date_start=date(2025, 7, 6), date_end=date(2027, 3, 31), state="draft"
        )
        employee.invalidate_recordset()
        self.assertGreater(employee.cddi_months, 24)
        self.assertTrue(employee.cddi_over_limit)
