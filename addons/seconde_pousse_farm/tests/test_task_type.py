# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import FarmCase


@tagged("post_install", "-at_install")
class TestTaskType(FarmCase):
    def test_service_product_created_from_rate(self):
        task = (
            self.env["farm.task.type"]
            .with_user(self.coordinator)
            .create({"name": "Paillage test", "hourly_rate": 17.5, "default_duration": 3})
        )
        self.assertEqual(task.product_id.type, "service")
        self.assertEqual(task.product_id.lst_price, 17.5)
        self.assertEqual(task.product_id.uom_id, self.env.ref("uom.product_uom_hour"))
        task.hourly_rate = 19.0
        self.assertEqual(task.product_id.lst_price, 19.0)

    def test_default_task_types_installed(self):
        names = self.env["farm.task.type"].search([]).mapped("name")
        for name in (
            "Désherbage",
            "Récolte",
            "Taille",
            "Plantation",
            "Paillage",
            "Entretien de haies",
        ):
            self.assertIn(name, names)

    def test_bad_duration_and_rate_refused(self):
        with self.assertRaises(ValidationError) as caught:
            self.env["farm.task.type"].create({"name": "Zero", "default_duration": 0})
        self.assertIn("La durée par défaut de Zero doit être positive", str(caught.exception))
        with self.assertRaises(ValidationError) as caught:
            self.weeding.hourly_rate = -1
        self.assertIn("ne peut pas être négatif", str(caught.exception))
        self.assertEqual(self.weeding.hourly_rate, 20.0)

    def test_only_coordinator_configures(self):
        with self.assertRaises(AccessError) as caught:
            self.weeding.with_user(self.supervisor).write({"hourly_rate": 1.0})
        self.assertIn("modifier les enregistrements 'Farm task type'", str(caught.exception))
        self.weeding.with_user(self.coordinator).write({"active": False})
        self.assertFalse(self.weeding.active)
