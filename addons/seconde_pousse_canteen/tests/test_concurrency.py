# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import random
import uuid
from datetime import timedelta
from functools import partial

import psycopg2

from odoo import api, fields
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command
from odoo.modules.registry import Registry
from odoo.service.model import retrying
from odoo.tests import tagged
from odoo.tests.common import BaseCase, get_db_name
from odoo.tools import format_datetime

from odoo.addons.seconde_pousse_base.tests.common import make_role_user, race

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


@tagged("post_install", "-at_install")
class TestConcurrentInvoicingRuns(BaseCase):
    """Two accountants start the canteen invoicing of the same period at the same moment,
    in two real transactions: the database lets one run through, the other is told who
    started it and when (though that run was committed after its own transaction began).
    Setup data is committed, and removed (or archived) afterwards."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = Registry(get_db_name())
        with cls.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            # a period and logins of their own, whatever an interrupted earlier run left
            run = uuid.uuid4().hex[:8]
            today = fields.Date.context_today(env["res.users"])
            monday = today + timedelta(days=7 * random.randint(100, 2000) - today.weekday())
            week = env["canteen.week"].create({"date_start": monday, "state": "published"})
            canteen = env["res.partner"].create(
                {
                    "name": "Cantine facturation concurrente",
                    "is_company": True,
                    "is_canteen": True,
                    "siret": SIRET_SCHOOL,
                }
            )
            # a delivery fee, invoiced as ordered: an order to invoice without stock
            fee = env["product.product"].create(
                {"name": "Livraison concurrence", "type": "service", "invoice_policy": "order"}
            )
            order = env["sale.order"].create(
                {
                    "partner_id": canteen.id,
                    "canteen_week_id": week.id,
                    "order_line": [Command.create({"product_id": fee.id, "price_unit": 5.0})],
                }
            )
            order.action_confirm()
            users = env["res.users"]
            for n, name in enumerate(("Alice Comptable", "Bruno Comptable")):
                users |= make_role_user(
                    env, "accountant", login=f"compta_{n}_{run}", name=name, tz="Europe/Paris"
                )
            cls.ids = {
                "week": week.id,
                "canteen": canteen.id,
                "product": fee.product_tmpl_id.id,
                "order": order.id,
                "users": users.ids,
                "period": (week.date_start, week.date_start + timedelta(days=6)),
            }
        cls.addClassCleanup(cls._remove_committed_data)

    @classmethod
    def _remove_committed_data(cls):
        with cls.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {"active_test": False})
            cls._remove_runs(env)
            order = env["sale.order"].browse(cls.ids["order"])
            order._action_cancel()
            order.unlink()
            env["canteen.week"].browse(cls.ids["week"]).unlink()
            env["res.users"].browse(cls.ids["users"]).action_archive()
            env["res.partner"].browse(cls.ids["canteen"]).action_archive()
            env["product.template"].browse(cls.ids["product"]).action_archive()

    @classmethod
    def _remove_runs(cls, env):
        cron = env.ref("seconde_pousse_canteen.ir_cron_canteen_invoice_run")
        env["ir.cron.trigger"].search([("cron_id", "=", cron.id)]).unlink()
        date_from, date_to = cls.ids["period"]
        env["canteen.invoice.run"].search(
            [("date_from", "=", date_from), ("date_to", "=", date_to)]
        ).unlink()

    def _start(self, index, barrier, outcomes):
        """One accountant clicks "Issue the invoices", as the server runs a request;
        records what the accountant is told."""
        date_from, date_to = self.ids["period"]
        with self.registry.cursor() as cr:
            env = api.Environment(cr, self.ids["users"][index], {"lang": "fr_FR"})
            wizard = env["canteen.invoice.wizard"].create(
                {"date_from": date_from, "date_to": date_to, "invoice_date": date_to}
            )
            barrier.wait(10)
            try:
                action = wizard.action_create_invoices()
                outcomes[index] = ("started", action["params"]["message"])
            except UserError as error:
                outcomes[index] = ("refused", str(error))

    def _runs(self):
        """The runs of the period, as (starter's id, state, started on), and whether the
        order is still to invoice."""
        date_from, date_to = self.ids["period"]
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            runs = env["canteen.invoice.run"].search(
                [("date_from", "=", date_from), ("date_to", "=", date_to)]
            )
            order = env["sale.order"].browse(self.ids["order"])
            started = [(run.user_id.id, run.state, run.create_date) for run in runs]
            return started, order.invoice_status

    def test_two_accountants_starting_the_same_period_at_once_start_one_run(self):
        for attempt in range(3):
            outcomes = race(self._start)
            started = [index for index, (told, _) in outcomes.items() if told == "started"]
            self.assertEqual(len(started), 1, f"race {attempt}: {outcomes}")
            winner = started[0]
            self.assertIn("en arrière-plan", outcomes[winner][1])
            runs, invoice_status = self._runs()
            self.assertEqual(len(runs), 1, f"race {attempt}")
            user_id, state, created = runs[0]
            self.assertEqual((user_id, state), (self.ids["users"][winner], "queued"))
            self.assertEqual(invoice_status, "to invoice")  # nothing invoiced by the click
            with self.registry.cursor() as cr:
                env = api.Environment(cr, api.SUPERUSER_ID, {"lang": "fr_FR"})
                name = env["res.users"].browse(user_id).name
                when = format_datetime(env, created, tz="Europe/Paris", dt_format="short")
                self._remove_runs(env)
            told, message = outcomes[1 - winner]
            self.assertEqual(told, "refused", f"race {attempt}")
            self.assertIn(
                f"La facturation de cette période est déjà en cours (lancée par {name} "
                f"le {when}) : attendez son compte rendu",
                message,
            )

    def _click(self, cr, index):
        """What accountant `index` is told on clicking, in the transaction of cr."""
        date_from, date_to = self.ids["period"]
        env = api.Environment(cr, self.ids["users"][index], {"lang": "fr_FR"})
        wizard = env["canteen.invoice.wizard"].create(
            {"date_from": date_from, "date_to": date_to, "invoice_date": date_to}
        )
        try:
            return wizard.action_create_invoices()["params"]["message"]
        except UserError as error:
            return str(error)

    def _finish_runs(self):
        """The scheduler's job ends the runs of the period (as when it has invoiced them)."""
        date_from, _date_to = self.ids["period"]
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            env["canteen.invoice.run"].search([("date_from", "=", date_from)]).state = "done"

    def _refusal(self, index):
        runs, _status = self._runs()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {"lang": "fr_FR"})
            name = env["res.users"].browse(self.ids["users"][index]).name
            when = format_datetime(env, runs[0][2], tz="Europe/Paris", dt_format="short")
        return f"déjà en cours (lancée par {name} le {when})"

    def test_a_start_waiting_for_a_run_that_finishes_meanwhile_is_refused(self):
        """The second accountant's transaction began while the first run was under way
        (before or after it was committed); the job finished it before the second run was
        stored: the unique index lets that run through, the start is refused all the same."""
        self.addCleanup(self._remove_runs_committed)
        for began_before_the_first_run in (False, True):
            with self.subTest(began_before_the_first_run=began_before_the_first_run):
                second = self.registry.cursor()
                try:
                    if began_before_the_first_run:
                        second.execute("SELECT 1")  # its snapshot is taken here
                    with self.registry.cursor() as cr:
                        self.assertIn("en arrière-plan", self._click(cr, 0))
                    if not began_before_the_first_run:
                        second.execute("SELECT 1")
                    self._finish_runs()
                    told = self._click(second, 1)
                    second.rollback()  # as the server does with a refused request
                finally:
                    second.close()
                self.assertIn(self._refusal(0), told)
                runs, _status = self._runs()
                self.assertEqual(
                    [(user, state) for user, state, _ in runs], [(self.ids["users"][0], "done")]
                )
                self._remove_runs_committed()

    def _remove_runs_committed(self):
        with self.registry.cursor() as cr:
            self._remove_runs(api.Environment(cr, api.SUPERUSER_ID, {}))
