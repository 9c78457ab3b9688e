# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command

from odoo.addons.seconde_pousse_base.tests.common import make_role_user

from .common import WEEK, CanteenCase


class TestCanteenOrder(CanteenCase):
    def test_an_order_reserves_the_week_s_produce_and_prepares_the_delivery(self):
        order = self.place(self.cook, {self.tomato: 12, self.apple: 20})
        self.assertEqual(order.partner_id, self.school)
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.canteen_week_id, self.week)
        # Tuesday 9 June 2026 at 7:30 in Provence, the school's delivery slot
        self.assertEqual(order.commitment_date, datetime(2026, 6, 9, 5, 30))
        self.assertEqual(self.offer(self.tomato).quantity_remaining, 28)
        self.assertEqual(order.picking_ids.move_ids.mapped("product_uom_qty"), [12, 20])

    def test_changing_the_order_before_the_cutoff_follows_through(self):
        order = self.place(self.cook, {self.tomato: 12, self.apple: 20})
        same = self.place(self.cook, {self.tomato: 15, self.apple: 0, self.courgette: 5})
        self.assertEqual(same, order)
        quantities = {line.product_id: line.product_uom_qty for line in order.order_line}
        self.assertEqual(quantities, {self.tomato: 15, self.apple: 0, self.courgette: 5})
        self.assertEqual(self.offer(self.apple).quantity_remaining, 60)
        moves = order.picking_ids.move_ids.filtered(lambda m: m.state != "cancel")
        self.assertEqual(
            {move.product_id: move.product_uom_qty for move in moves},
            {self.tomato: 15, self.courgette: 5},
        )

    def assertRefusedUnsaved(self, quantities, message, user=None, week=None):
        before = self.env["sale.order.line"].search_count([])
        remaining = {offer: offer.quantity_remaining for offer in self.week.line_ids}
        with self.assertRaisesRegex((UserError, ValidationError), message):
            with self.env.cr.savepoint():
                self.place(user or self.cook, quantities, week=week)
        self.env.invalidate_all()
        self.assertEqual(self.env["sale.order.line"].search_count([]), before)
        self.assertEqual(
            {offer: offer.quantity_remaining for offer in self.week.line_ids}, remaining
        )

    def test_never_more_than_offered(self):
        self.place(self.college_cook, {self.tomato: 30})
        self.assertRefusedUnsaved(
            {self.tomato: 12, self.apple: 5},
            "Tomates : 12 kg demandés, il n'en reste que 10 kg pour la semaine du 08/06/2026",
        )
        self.place(self.cook, {self.tomato: 10})
        self.assertEqual(self.offer(self.tomato).quantity_remaining, 0)

    def test_a_negative_quantity_is_refused(self):
        self.assertRefusedUnsaved(
            {self.apple: 5, self.tomato: -2},
            "Tomates : la quantité commandée ne peut pas être négative",
        )

    def test_nothing_to_order_is_said(self):
        self.assertRefusedUnsaved({self.apple: 0}, "Indiquez la quantité d'au moins un produit")

    def test_a_produce_out_of_season_is_refused(self):
        week = self.make_week(WEEK.replace(day=15), {self.melon: 10}, publish=False)
        with self.assertRaisesRegex(
            ValidationError,
            r"Melons est hors saison la semaine du 15/06/2026 \(saison : juillet à août\)",
        ):
            week.with_user(self.coordinator).action_publish()
        # published by mistake before the season was changed: the order is still refused
        week.state = "published"
        self.assertRefusedUnsaved(
            {self.melon: 3}, "Melons est hors saison", user=self.cook, week=week
        )

    def test_a_produce_not_offered_this_week_is_refused(self):
        order = self.place(self.cook, {self.tomato: 2})
        with self.assertRaisesRegex(
            ValidationError, "Melons n'est pas proposé la semaine du 08/06/2026"
        ):
            order.with_user(self.coordinator).order_line = [
                Command.create({"product_id": self.melon.id, "product_uom_qty": 1})
            ]

    def test_after_the_cutoff_orders_no_longer_change(self):
        order = self.place(self.cook, {self.tomato: 12})
        with freeze_time("2026-06-04 10:01:00"):  # Thursday 12:01 in Provence
            self.assertRefusedUnsaved(
                {self.tomato: 20}, "closes depuis le jeudi 4 juin à 12:00 : elles ne peuvent plus"
            )
            self.assertRefusedUnsaved({self.apple: 3}, "closes depuis", user=self.college_cook)
            # the coordinator still corrects an order after a call from the kitchen
            order.with_user(self.coordinator).order_line.product_uom_qty = 14
            self.assertEqual(self.offer(self.tomato).quantity_ordered, 14)

    def test_a_draft_week_takes_no_order(self):
        week = self.make_week(WEEK.replace(day=22), {self.apple: 10}, publish=False)
        with self.assertRaisesRegex(
            ValidationError, "La semaine du 22/06/2026 n'est pas ouverte aux commandes"
        ):
            self.place(self.cook, {self.apple: 1}, week=week)

    def test_the_offer_cannot_drop_below_what_is_ordered(self):
        self.place(self.cook, {self.potato: 20})
        with self.assertRaisesRegex(
            ValidationError, "20.0 kg sont déjà commandés pour la semaine du 08/06/2026"
        ):
            self.offer(self.potato).with_user(self.coordinator).quantity_offered = 15

    def test_only_a_canteen_orders_from_the_week(self):
        farm = self.env["res.partner"].create({"name": "Ferme voisine", "is_farm": True})
        with self.assertRaisesRegex(ValidationError, "doit être une cantine"):
            self.env["sale.order"].create({"partner_id": farm.id, "canteen_week_id": self.week.id})

    def test_the_delivery_date_is_read_only_for_a_user_who_may_create_the_order(self):
        counsellor = make_role_user(self.env, "counsellor", login="t_counsellor")
        orders = self.env["sale.order"].with_user(counsellor)
        for week in (["Õ", "D"], self.week.id):
            with self.assertRaises(AccessError) as caught:
                orders.create({"partner_id": self.school.id, "canteen_week_id": week})
            self.assertIn("(sale.order)", str(caught.exception))
        self.assertFalse(self.env["sale.order"].search([("partner_id", "=", self.school.id)]))

    def test_one_live_order_per_canteen_and_week(self):
        self.place(self.cook, {self.tomato: 2})
        with self.assertRaises(Exception) as raised, self.env.cr.savepoint():
            self.env["sale.order"]._canteen_new_order(self.school, self.week)
        self.assertIn("sale_order_canteen_week_unique", str(raised.exception))

    def test_week_dates(self):
        self.assertEqual(self.week.name, "Semaine du 08/06/2026")
        self.assertEqual(self.week.cutoff, datetime(2026, 6, 4, 10, 0))
        with self.assertRaisesRegex(ValidationError, "commence un lundi"):
            self.make_week(WEEK.replace(day=10), {self.apple: 1}, publish=False)

    def test_a_week_is_published_only_by_its_button_and_a_coordinator(self):
        week = self.make_week(WEEK.replace(day=22), {self.apple: 10}, publish=False)
        with self.assertRaisesRegex(UserError, "ne changent que par ses boutons"):
            week.with_user(self.coordinator).write({"state": "published"})
        with self.assertRaisesRegex(UserError, "Seul le rôle « Coordinateur » peut publier"):
            week.with_user(self.supervisor).action_publish()
        week.with_user(self.coordinator).action_publish()
        self.assertEqual(week.state, "published")
