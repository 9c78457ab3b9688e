# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase

from odoo.addons.seconde_pousse_base.tests.common import InstallCheckMixin


class TestInstall(InstallCheckMixin, TransactionCase):
    module = "seconde_pousse_canteen"

    def test_egalim_vocabulary_is_ma_cantine_s(self):
        labels = self.env["canteen.egalim.label"].search([])
        by_category = {
            category: set(
                labels.filtered(lambda label, c=category: label.category == c).mapped("code")
            )
            for category in ("bio", "siqo", "other")
        }
        self.assertEqual(by_category["bio"], {"BIO"})
        self.assertEqual(by_category["siqo"], {"LABEL_ROUGE", "AOCAOP", "IGP", "STG"})
        self.assertEqual(
            by_category["other"],
            {
                "HVE",
                "PECHE_DURABLE",
                "RUP",
                "COMMERCE_EQUITABLE",
                "FERMIER",
                "EXTERNALITES",
                "PERFORMANCE",
            },
        )
        self.assertEqual(
            self.env["canteen.season.month"].search([]).mapped("number"), list(range(1, 13))
        )

    def test_the_programme_s_farm_is_a_farm(self):
        farm = self.env.company.canteen_farm_id
        self.assertTrue(farm.is_farm)
        self.assertEqual(farm.city, "La Roque-d'Anthéron")
