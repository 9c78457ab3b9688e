# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A quantity that its unit would round to 0 (0,001 kg, 1e-320) is refused, on the
model and on the portal: never an order confirmed with an empty line."""

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .test_portal import CanteenPortalCase

TINY = ("0,001", "0.004", "1e-320", "-1e-320")
RULE = "en dessous de la plus petite quantité de l'unité"


@tagged("post_install", "-at_install")
class TestOrderQuantityRounding(CanteenPortalCase):
    def lines(self):
        return self.env["sale.order.line"].search([("order_partner_id", "=", self.school.id)])

    def test_a_quantity_rounding_to_zero_is_refused_on_the_model(self):
        for raw in TINY:
            quantity = float(raw.replace(",", "."))
            with self.subTest(quantity), self.assertRaises(ValidationError) as caught:
                with self.env.cr.savepoint():
                    self.place(self.cook, {self.tomato: quantity, self.apple: 2})
            self.assertIn(RULE, str(caught.exception))
            self.assertIn("Tomates", str(caught.exception))
            self.assertFalse(self.lines())
        # nor is a confirmed order's line changed to such a quantity
        order = self.place(self.cook, {self.tomato: 3})
        line = order.order_line
        with self.assertRaises(ValidationError) as caught:
            with self.env.cr.savepoint():
                self.place(self.cook, {self.tomato: 0.001})
        self.assertIn(RULE, str(caught.exception))
        with self.assertRaises(ValidationError) as caught:
            with self.env.cr.savepoint():
                line.with_user(self.coordinator).write({"product_uom_qty": 1e-320})
        self.assertIn(RULE, str(caught.exception))
        self.env.invalidate_all()
        self.assertEqual(line.product_uom_qty, 3)
        # the smallest quantity the unit keeps is taken
        step = max(line.product_uom.rounding, 0.01)
        self.place(self.cook, {self.tomato: step})
        self.assertEqual(line.product_uom_qty, step)

    def test_a_quantity_rounding_to_zero_is_refused_on_the_portal(self):
        self.authenticate("t_cook", "t_cook")
        for raw in TINY:
            with self.subTest(raw):
                response = self.post(self.week_url(), self.order_form(tomato=raw, apple="2"))
                self.assertEqual(response.status_code, 200)
                self.assertIn("o_canteen_error", response.text)
                self.assertIn(RULE, self.text(response))
                self.assertFalse(self.lines())
