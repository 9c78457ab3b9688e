# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The order cut-off pinned at its minute, in the association's time zone: an order at
11:59 is taken, at 12:00 and 12:01 it is refused; a cut-off set at 11:45 is not read as
11:00; in winter Paris is one hour ahead of UTC, not two; the canteen's own time zone
changes nothing."""

from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import ValidationError

from .common import WEEK, CanteenCase

CLOSED = "closes depuis"


class TestCutoffEdges(CanteenCase):
    def assertTaken(self, at, quantities, week=None, user=None):
        with freeze_time(at):
            order = self.place(user or self.cook, quantities, week=week)
        self.assertEqual(
            {
                line.product_id: line.product_uom_qty
                for line in order.order_line
                if line.product_uom_qty
            },
            {product: qty for product, qty in quantities.items() if qty},
        )
        return order

    def assertClosed(self, at, quantities, label, week=None, user=None):
        with freeze_time(at), self.assertRaises(ValidationError) as caught:
            with self.env.cr.savepoint():
                self.place(user or self.cook, quantities, week=week)
        self.assertIn(f"{CLOSED} {label}", str(caught.exception))

    def test_the_default_cutoff_is_thursday_noon_in_provence(self):
        self.assertEqual(self.week.cutoff, datetime(2026, 6, 4, 10, 0))  # 12:00 in summer

    def test_an_order_at_11_59_is_taken(self):
        self.assertTaken("2026-06-04 09:59:00", {self.tomato: 3})
        self.assertTaken("2026-06-04 09:59:59", {self.tomato: 4})  # changed, still open

    def test_an_order_at_12_00_is_refused(self):
        self.assertClosed("2026-06-04 10:00:00", {self.tomato: 3}, "le jeudi 4 juin à 12:00")

    def test_an_order_at_12_01_is_refused(self):
        self.assertClosed("2026-06-04 10:01:00", {self.tomato: 3}, "le jeudi 4 juin à 12:00")

    def test_a_change_at_12_00_is_refused(self):
        order = self.assertTaken("2026-06-04 09:59:00", {self.tomato: 3})
        self.assertClosed("2026-06-04 10:00:00", {self.tomato: 5}, "le jeudi 4 juin à 12:00")
        self.assertEqual(order.order_line.product_uom_qty, 3)

    def test_a_cutoff_at_a_quarter_to_noon_keeps_its_minutes(self):
        self.env.company.canteen_cutoff_hour = 11.75
        week = self.make_week(WEEK.replace(day=22), {self.apple: 10})
        self.assertEqual(week.cutoff, datetime(2026, 6, 18, 9, 45))
        self.assertTaken("2026-06-18 09:44:00", {self.apple: 2}, week=week)
        self.assertClosed(
            "2026-06-18 09:45:00", {self.apple: 3}, "le jeudi 18 juin à 11:45", week=week
        )

    def test_in_winter_the_cutoff_is_noon_in_paris_at_11_utc(self):
        week = self.make_week(date(2026, 12, 7), {self.apple: 10})
        self.assertEqual(week.cutoff, datetime(2026, 12, 3, 11, 0))
        self.assertTaken("2026-12-03 10:59:00", {self.apple: 2}, week=week)
        self.assertClosed(
            "2026-12-03 11:00:00", {self.apple: 3}, "le jeudi 3 décembre à 12:00", week=week
        )

    def test_the_canteen_s_own_time_zone_changes_nothing(self):
        self.cook.tz = "America/Martinique"  # 11:59 in Provence is 05:59 there
        self.assertTaken("2026-06-04 09:59:00", {self.tomato: 3})
        self.assertClosed("2026-06-04 10:00:00", {self.tomato: 4}, "le jeudi 4 juin à 12:00")
