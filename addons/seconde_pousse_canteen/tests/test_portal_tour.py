# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from .common import CanteenCase


@tagged("post_install", "-at_install")
class TestCanteenPortalTour(CanteenCase, HttpCase):
    """The cook's main path in Chromium, on today's calendar: order the week's produce,
    see last week's delivery, download the invoice and the EGalim statement."""

    frozen_at = None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = fields.Date.context_today(cls.env.user)
        monday = today - timedelta(days=today.weekday())
        # the next week still open to orders, and last week, delivered and invoiced
        cls.open_week = cls.make_week(monday + timedelta(days=14), {cls.apple: 40, cls.potato: 25})
        last_week = cls.make_week(monday - timedelta(days=7), {cls.apple: 40})
        cls.harvest(cls.apple, 30, day=today)
        last_order = cls.place(cls.coordinator, {cls.apple: 12}, week=last_week, canteen=cls.school)
        cls.delivery = cls.deliver(last_order)
        cls.invoice = last_order.with_user(cls.accountant).sudo()._canteen_invoice(today)

    def test_the_cook_orders_and_downloads_the_documents(self):
        self.start_tour("/my", "seconde_pousse_canteen_tour", login="t_cook")
        order = self.env["sale.order"].search(
            [("partner_id", "=", self.school.id), ("canteen_week_id", "=", self.open_week.id)]
        )
        self.assertEqual(
            {line.product_id: line.product_uom_qty for line in order.order_line},
            {self.apple: 6.5, self.potato: 4},
        )
        self.assertEqual(order.state, "sale")
        self.assertEqual(self.offer(self.apple, self.open_week).quantity_remaining, 33.5)
