# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, TransactionCase, tagged

from .common import InsertionCommon


@tagged("post_install", "-at_install")
class TestInsertionBarrier(InsertionCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.barrier = cls.env["insertion.barrier"].create(
            {
                "pathway_id": cls.pathway.id,
                "barrier_type": "mobility",
                "name": "Pas de permis B",
                "support": "external",
                "date_identified": "2025-01-10",
            }
        )

    def test_supervisor_cannot_read_barriers(self):
        Barrier = self.env["insertion.barrier"].with_user(self.supervisor)
        with self.assertRaises(AccessError) as caught:
            Barrier.search([])
        self.assertIn(
            "accéder aux enregistrements 'Barrier to employment' (insertion.barrier)",
            str(caught.exception),
        )
        with self.assertRaises(AccessError) as caught:
            self.barrier.with_user(self.supervisor).read(["name"])
        self.assertIn(
            "accéder aux enregistrements 'Barrier to employment' (insertion.barrier)",
            str(caught.exception),
        )
        with self.assertRaises(AccessError) as caught:
            Barrier.create(
                {"pathway_id": self.pathway.id, "barrier_type": "debt", "name": "Dettes"}
            )
        self.assertIn(
            "créer des enregistrements 'Barrier to employment' (insertion.barrier)",
            str(caught.exception),
        )

    def test_counsellor_follows_barriers(self):
        barrier = self.barrier.with_user(self.counsellor)
        self.assertEqual(barrier.employee_id, self.employee)
        barrier.status = "in_progress"
        self.assertEqual(self.pathway.with_user(self.counsellor).barrier_count, 1)

    @freeze_time("2025-04-02")
    def test_lifting_sets_the_date(self):
        with Form(self.barrier.with_user(self.counsellor)) as form:
            form.status = "lifted"
        self.assertEqual(str(self.barrier.date_lifted), "2025-04-02")

    def test_lifted_before_identified_is_refused(self):
        with self.assertRaises(ValidationError) as caught:
            self.barrier.write({"date_lifted": "2020-01-01"})
        self.assertIn("ne peut pas être levé avant d'avoir été identifié", str(caught.exception))
