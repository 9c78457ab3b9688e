# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import random
import uuid
from datetime import timedelta
from functools import partial

import psycopg2

from odoo import api, fields
from odoo.exceptions import ValidationError
from odoo.fields import Command
from odoo.modules.registry import Registry
from odoo.service.model import retrying
from odoo.tests import tagged
from odoo.tests.common import BaseCase, get_db_name

from odoo.addons.seconde_pousse_base.tests.common import race

from .common import SIRET_COLLEGE, SIRET_SCHOOL

OFFERED, ASKED = 40.0, 25.0  # two canteens asking 25 kg each of 40: one must be refused


@tagged("post_install", "-at_install")
class TestConcurrentOrders(BaseCase):
    """Two canteens ordering the last tomatoes in two real transactions at once: the
    stored total and its CHECK let only one of them have them. Setup data is committed,
    and removed (or archived) afterwards."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = Registry(get_db_name())
        with cls.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            # a week and logins of their own, whatever an interrupted earlier run left
            run = uuid.uuid4().hex[:8]
            today = fields.Date.context_today(env["res.users"])
            monday = today + timedelta(days=7 * random.randint(100, 2000) - today.weekday())
            kg = env.ref("uom.product_uom_kgm")
            product = env["product.template"].create(
                {
                    "name": "Tomates concurrence",
                    "is_produce": True,
                    "egalim_family": "FRUITS_ET_LEGUMES",
                    "list_price": 3.0,
                    "uom_id": kg.id,
                    "uom_po_id": kg.id,
                }
            )
            week = env["canteen.week"].create(
                {
                    "date_start": monday,
                    "state": "published",
                    "line_ids": [
                        Command.create(
                            {
                                "product_id": product.product_variant_id.id,
                                "quantity_offered": OFFERED,
                            }
                        )
                    ],
                }
            )
            canteens = env["res.partner"].create(
                [
                    {
                        "name": f"Cantine concurrence {n}",
                        "is_company": True,
                        "is_canteen": True,
                        "siret": siret,
                    }
                    for n, siret in enumerate((SIRET_SCHOOL, SIRET_COLLEGE))
                ]
            )
            users = env["res.users"].create(
                [
                    {
                        "name": f"Cuisinier concurrence {n}",
                        "login": f"concurrence_{n}_{run}",
                        "partner_id": env["res.partner"]
                        .create({"name": f"Cuisinier {n}", "parent_id": canteen.id})
                        .id,
                        "groups_id": [Command.set(env.ref("base.group_portal").ids)],
                    }
                    for n, canteen in enumerate(canteens)
                ]
            )
            cls.ids = {
                "week": week.id,
                "offer": week.line_ids.id,
                "product": product.id,
                "canteens": canteens.ids,
                "users": users.ids,
            }
        cls.addClassCleanup(cls._remove_committed_data)

    @classmethod
    def _remove_committed_data(cls):
        with cls.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {"active_test": False})
            cls._remove_orders(env)
            env["canteen.week"].browse(cls.ids["week"]).unlink()
            env["res.users"].browse(cls.ids["users"]).action_archive()
            env["res.partner"].browse(cls.ids["canteens"]).action_archive()
            env["product.template"].browse(cls.ids["product"]).action_archive()

    @classmethod
    def _remove_orders(cls, env):
        orders = env["sale.order"].search([("canteen_week_id", "=", cls.ids["week"])])
        orders._action_cancel()
        pickings = orders.picking_ids
        pickings.move_ids.unlink()
        pickings.unlink()
        orders.unlink()

    def _order(self, index, barrier, outcomes):
        """One canteen sends its order, as the server runs a request: retried on
        concurrency errors, then committed. Records what the canteen is told."""
        with self.registry.cursor() as cr:
            env = api.Environment(cr, self.ids["users"][index], {"lang": "fr_FR"})
            canteen = env["res.partner"].sudo().browse(self.ids["canteens"][index])
            offer = env["canteen.availability"].sudo().browse(self.ids["offer"])
            place = partial(
                env["sale.order"].sudo()._canteen_place,
                canteen,
                offer.week_id,
                {offer: ASKED},
            )
            barrier.wait(10)
            try:
                retrying(place, env)
                outcomes[index] = "saved"
            except (ValidationError, psycopg2.errors.CheckViolation) as error:
                cr.rollback()  # as the server does with a refused request
                outcomes[index] = str(error)

    def _ordered(self):
        with self.registry.cursor() as cr:
            cr.execute(
                """SELECT COALESCE(SUM(line.product_uom_qty), 0), offer.quantity_ordered
                     FROM canteen_availability offer
                LEFT JOIN sale_order_line line ON line.canteen_availability_id = offer.id
                    WHERE offer.id = %s
                 GROUP BY offer.id""",
                [self.ids["offer"]],
            )
            return cr.fetchone()

    def test_two_canteens_ordering_at_once_never_get_more_than_offered(self):
        for attempt in range(5):
            outcomes = race(self._order)
            saved = [index for index, told in outcomes.items() if told == "saved"]
            self.assertEqual(len(saved), 1, f"race {attempt}: {outcomes}")
            self.assertIn("il n'en reste que 15 kg", outcomes[1 - saved[0]], f"race {attempt}")
            self.assertEqual(self._ordered(), (ASKED, ASKED), f"race {attempt}")
            with self.registry.cursor() as cr:
                self._remove_orders(api.Environment(cr, api.SUPERUSER_ID, {}))
