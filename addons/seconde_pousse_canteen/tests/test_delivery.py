# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from ast import literal_eval
from datetime import date
from html import unescape

from odoo.fields import Command

from .common import HARVEST_DAY, CanteenCase


class TestDelivery(CanteenCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.job = cls.env["farm.intervention"].create(
            {
                "partner_id": cls.farm.id,
                "date_start": "2026-05-29 05:00:00",
                "date_end": "2026-05-29 10:00:00",
            }
        )
        # three harvests of tomatoes: the first to expire leaves first, and one that will
        # have expired by Tuesday's delivery never leaves
        cls.expired = cls.harvest(cls.tomato, 50, day=date(2026, 5, 27))
        cls.old = cls.harvest(
            cls.tomato,
            8,
            day=date(2026, 5, 29),
            expiration_date=date(2026, 6, 9),
            intervention_ids=[Command.set(cls.job.ids)],
        )
        cls.new = cls.harvest(cls.tomato, 30, expiration_date=date(2026, 6, 12))
        cls.apples = cls.harvest(cls.apple, 50)
        cls.order = cls.place(cls.cook, {cls.tomato: 12, cls.apple: 20})
        cls.college_order = cls.place(cls.college_cook, {cls.tomato: 10})
        cls.picking = cls.deliver(cls.order)

    def test_delivery_takes_the_first_to_expire_never_an_expired_one(self):
        lines = self.picking.move_line_ids.filtered(lambda line: line.product_id == self.tomato)
        quantities = {line.lot_id: line.quantity for line in lines}
        self.assertEqual(quantities, {self.old.lot_id: 8, self.new.lot_id: 4})
        self.assertNotIn(self.expired.lot_id, self.picking.move_line_ids.lot_id)
        self.assertEqual(self.picking.state, "done")
        self.assertEqual(self.order.order_line.mapped("qty_delivered"), [12, 20])

    def test_delivery_note_names_lot_harvest_origin_and_label(self):
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("stock.action_report_delivery", self.picking.ids)[0]
            .decode()
        )
        html = unescape(html)
        self.assertIn("o_canteen_delivery_table", html)
        for lot in (self.old.lot_id, self.new.lot_id, self.apples.lot_id):
            self.assertIn(lot.name, html)
        self.assertIn("29/05/2026", html)  # the older harvest's date, in French
        self.assertIn("La Roque-d'Anthéron (13)", html)
        self.assertIn("Agriculture biologique", html)
        self.assertIn("Haute valeur environnementale (HVE)", html)
        self.assertIn("Parcelle", html)

    def test_from_a_delivery_line_to_the_harvest(self):
        line = self.picking.move_line_ids.filtered(lambda line: line.lot_id == self.old.lot_id)
        self.assertEqual(line.harvest_id, self.old)
        self.assertEqual(line.harvest_date, date(2026, 5, 29))
        self.assertEqual(line.parcel_id, self.parcel)
        self.assertEqual(line.harvest_intervention_ids, self.job)
        action = self.env.ref("seconde_pousse_canteen.stock_move_line_action_canteen")
        delivered = self.env["stock.move.line"].search(literal_eval(action.domain))
        self.assertEqual(delivered, self.picking.move_line_ids)

    def test_recall_list_of_a_lot(self):
        college_picking = self.deliver(self.college_order)
        lot = self.new.lot_id
        deliveries = lot._recall_deliveries()[lot.id]
        self.assertEqual(
            {
                line.picking_id.partner_id.commercial_partner_id: line.quantity
                for line in deliveries
            },
            {self.school: 4, self.college: 10},
        )
        self.assertEqual(lot.recall_count, 2)
        action = lot.action_recall_list()
        self.assertEqual(action["res_model"], "stock.lot.report")
        report = self.env["stock.lot.report"].search(action["domain"])
        self.assertEqual(report.picking_id, self.picking | college_picking)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("seconde_pousse_canteen.action_report_lot_recall", lot.ids)[0]
            .decode()
        )
        html = unescape(html)
        self.assertIn("Collège des Garrigues", html)
        self.assertIn("Cuisine centrale de La Roque", html)
        self.assertIn(college_picking.name, html)

    def test_the_harvest_counts_the_team_s_hours(self):
        self.job.write(
            {
                "line_ids": [
                    Command.create(
                        {
                            "task_type_id": self.env["farm.task.type"]
                            .create({"name": "Récolte test", "hourly_rate": 0.0})
                            .id,
                            "done_hours": 9.5,
                        }
                    )
                ]
            }
        )
        self.assertEqual(self.old.harvest_hours, 9.5)
        self.assertEqual(self.old.lot_id.harvest_date, HARVEST_DAY.replace(day=29, month=5))
