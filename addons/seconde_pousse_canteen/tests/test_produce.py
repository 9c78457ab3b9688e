# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import ValidationError

from .common import WEEK, CanteenCase


class TestProduce(CanteenCase):
    def test_produce_is_stored_and_tracked_by_lot(self):
        template = self.tomato.product_tmpl_id
        self.assertEqual(
            (template.tracking, template.is_storable, template.invoice_policy),
            ("lot", True, "delivery"),
        )
        with self.assertRaisesRegex(ValidationError, "suivi par lot"):
            template.tracking = "none"

    def test_produce_is_sold_with_the_reduced_vat_of_food(self):
        tax = self.tomato.taxes_id
        self.assertEqual((tax.amount, tax.tax_scope, tax.price_include), (5.5, "consu", False))
        self.assertTrue(tax.active)

    def test_produce_needs_its_egalim_family(self):
        with self.assertRaisesRegex(ValidationError, "choisissez sa famille EGalim"):
            self.make_produce("Fèves", 2.0, egalim_family=False)

    def test_each_produce_counts_under_its_highest_category(self):
        self.assertEqual(self.tomato.egalim_category, "bio")
        self.assertEqual(self.potato.egalim_category, "siqo")  # Label Rouge beats HVE
        self.assertEqual(self.apple.egalim_category, "other")
        self.assertFalse(self.courgette.egalim_category)
        both = self.make_produce("Abricots", 4.0, ["HVE", "BIO", "IGP"])
        self.assertEqual(both.egalim_category, "bio")

    def test_local_definition_rules(self):
        with self.assertRaisesRegex(ValidationError, "est local : précisez comment"):
            self.make_produce("Blettes", 2.0, egalim_local=True)
        with self.assertRaisesRegex(ValidationError, "une distance en km est indiquée si"):
            self.make_produce("Radis", 2.0, egalim_local=True, egalim_local_definition="KM")
        with self.assertRaisesRegex(ValidationError, "n'est pas marqué local"):
            self.make_produce("Navets", 2.0, egalim_local_definition="REGION")

    def test_season_months(self):
        template = self.tomato.product_tmpl_id
        self.assertTrue(template._is_in_season(WEEK))  # June
        self.assertFalse(template._is_in_season(WEEK.replace(month=12)))
        self.assertTrue(self.apple.product_tmpl_id._is_in_season(WEEK.replace(month=1)))
        self.assertIn("juin", template.season_label)

    def test_summary_names_label_origin_and_local_definition(self):
        summary = self.apple.egalim_summary
        self.assertIn("Haute valeur environnementale (HVE)", summary)
        self.assertIn("Local : dans un rayon de 30 km", summary)
