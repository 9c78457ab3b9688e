# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import random
from datetime import datetime, time, timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.fields import Command

WEEKS_BACK = 6  # weeks of orders and deliveries before this one
KG_PER_MEAL = 0.04  # of one produce in a week, for a canteen's meals of a day


class CanteenDemo(models.AbstractModel):
    """A realistic season for the demo database, relative to the day it is installed."""

    _name = "canteen.demo"
    _description = "Demo season of the canteen supply"

    @api.model
    def _load_season(self, canteen_ids, parcel_ids):
        canteens = self.env["res.partner"].browse(canteen_ids)
        parcels = self.env["canteen.parcel"].browse(parcel_ids)
        produce = self.env["product.product"].search([("is_produce", "=", True)])
        today = fields.Date.context_today(self)
        this_monday = today - timedelta(days=today.weekday())
        draw = random.Random(2026)
        for back in range(WEEKS_BACK, -2, -1):
            monday = this_monday - timedelta(weeks=back)
            offered = produce.filtered(
                lambda p, day=monday: (
                    p.product_tmpl_id._is_in_season(day)
                    and p.product_tmpl_id._is_in_season(day + timedelta(days=6))
                )
            )
            week = self._demo_week(monday, offered, canteens)
            orders = self._demo_orders(week, canteens, draw)
            if monday <= today:
                self._demo_harvest(week, orders, parcels, min(monday - timedelta(days=1), today))
            self._demo_deliver(orders.filtered(lambda o: o.commitment_date <= datetime.now()))
        self._demo_invoice_last_month(today)

    def _demo_week(self, monday, produce, canteens):
        meals = sum(canteens.mapped("canteen_meals"))
        week = self.env["canteen.week"].create(
            {
                "date_start": monday,
                "line_ids": [
                    Command.create(
                        {"product_id": product.id, "quantity_offered": round(meals * 0.06, -1)}
                    )
                    for product in produce
                ],
            }
        )
        week.state = "published"
        return week

    def _demo_orders(self, week, canteens, draw):
        """Each canteen takes four to six produce, in proportion to its meals; one canteen
        has not ordered yet for next week."""
        orders = self.env["sale.order"]
        late = week.date_start > fields.Date.context_today(self)
        for canteen in canteens[1:] if late else canteens:
            offers = draw.sample(list(week.line_ids), k=min(len(week.line_ids), draw.randint(4, 6)))
            quantities = {
                offer: min(
                    offer.quantity_remaining,
                    round(canteen.canteen_meals * KG_PER_MEAL * draw.uniform(0.6, 1.4)),
                )
                for offer in offers
            }
            quantities = {offer: quantity for offer, quantity in quantities.items() if quantity > 0}
            if quantities:
                orders |= self.env["sale.order"]._canteen_place(canteen, week, quantities)
        return orders

    def _demo_harvest(self, week, orders, parcels, day):
        """What the week's orders need, harvested the day before by the team at the farm."""
        farm = self.env.company.canteen_farm_id
        task = self.env.ref("seconde_pousse_farm.task_type_harvest")
        job = self.env["farm.intervention"].create(
            {
                "partner_id": farm.id,
                "date_start": datetime.combine(day, time(6, 0)),
                "date_end": datetime.combine(day, time(12, 0)),
                "team_size": 5,
                "line_ids": [
                    Command.create({"task_type_id": task.id, "planned_hours": 24, "done_hours": 24})
                ],
                "notes": self.env._("<p>Harvest for the canteens, %(week)s.</p>", week=week.name),
            }
        )
        job.state = "done"
        needs = {}
        for line in orders.order_line:
            needs[line.product_id] = needs.get(line.product_id, 0) + line.product_uom_qty
        harvests = self.env["canteen.harvest"].create(
            [
                {
                    "product_id": product.id,
                    "quantity": round(quantity * 1.1 + 1),
                    "harvest_date": day,
                    "parcel_id": parcels[index % len(parcels)].id,
                    "intervention_ids": [Command.set(job.ids)],
                }
                for index, (product, quantity) in enumerate(needs.items())
            ]
        )
        harvests.action_done()

    def _demo_deliver(self, orders):
        for picking in orders.picking_ids.filtered(lambda p: p.state not in ("done", "cancel")):
            picking.action_assign()
            picking.move_ids.picked = True
            # delivered weeks ago: the lots have expired since, which Odoo would ask about
            picking.with_context(skip_expired=True, skip_backorder=True).button_validate()
            picking.date_done = picking.scheduled_date

    def _demo_invoice_last_month(self, today):
        first = today.replace(day=1) - relativedelta(months=1)
        last = today.replace(day=1) - timedelta(days=1)
        orders = self.env["sale.order"].search(
            [
                ("canteen_week_id", "!=", False),
                ("invoice_status", "=", "to invoice"),
                ("commitment_date", ">=", first),
                ("commitment_date", "<", last + timedelta(days=1)),
            ]
        )
        if orders:
            # made by the accountant, as Invoice the canteens does (its orders in sudo);
            # the PDF and Factur-X are made by Odoo's sending job once the server runs
            accountant = self.env.ref(
                "seconde_pousse_farm.user_accountant_demo", raise_if_not_found=False
            )
            if accountant:
                orders = orders.with_user(accountant).sudo()
            orders._canteen_invoice(last, background=True)
