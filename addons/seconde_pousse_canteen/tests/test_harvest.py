# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command

from .common import HARVEST_DAY, CanteenCase


class TestHarvest(CanteenCase):
    def test_harvest_becomes_a_lot_in_stock(self):
        job = self.env["farm.intervention"].create(
            {
                "partner_id": self.farm.id,
                "date_start": "2026-06-02 05:00:00",
                "date_end": "2026-06-02 10:00:00",
            }
        )
        harvest = self.harvest(self.tomato, 32.5, intervention_ids=[Command.set(job.ids)])
        lot = harvest.lot_id
        self.assertEqual(harvest.state, "done")
        self.assertEqual(lot.name, harvest.name)
        self.assertTrue(harvest.name.startswith("REC/"))
        self.assertEqual((lot.harvest_date, lot.parcel_id), (HARVEST_DAY, self.parcel))
        self.assertEqual(lot.intervention_ids, job)
        self.assertEqual(lot.harvest_id, harvest)
        self.assertEqual(lot.expiration_date.date(), HARVEST_DAY + timedelta(days=7))
        self.assertEqual(self.tomato.with_context(lot_id=lot.id).qty_available, 32.5)

    def test_bad_harvests_are_refused_and_nothing_is_saved(self):
        Harvest = self.env["canteen.harvest"].with_user(self.supervisor)
        count = Harvest.search_count([])
        cases = [
            ({"quantity": -3}, "la quantité doit être positive"),
            ({"quantity": 0}, "la quantité doit être positive"),
            ({"harvest_date": False}, "la date de récolte est obligatoire"),
            ({"harvest_date": date(2026, 6, 10)}, "ne peut pas être dans le futur"),
            ({"expiration_date": date(2026, 5, 1)}, "ne peut pas précéder la récolte"),
        ]
        for values, message in cases:
            with (
                self.subTest(values=values),
                self.assertRaisesRegex(ValidationError, message),
                self.env.cr.savepoint(),
            ):
                Harvest.create(
                    {"product_id": self.tomato.id, "quantity": 10, "harvest_date": HARVEST_DAY}
                    | values
                )
        self.assertEqual(Harvest.search_count([]), count)

    def test_a_produce_lot_needs_its_harvest_date(self):
        with self.assertRaisesRegex(
            ValidationError, "la date de récolte est obligatoire pour un produit de la ferme"
        ):
            self.env["stock.lot"].create({"name": "L-SANS-DATE", "product_id": self.tomato.id})
        lot = self.env["stock.lot"].create(
            {"name": "L-AVEC-DATE", "product_id": self.tomato.id, "harvest_date": HARVEST_DAY}
        )
        with self.assertRaisesRegex(
            ValidationError, "la date de récolte est obligatoire pour un produit de la ferme"
        ):
            lot.harvest_date = False

    def test_cancelling_a_harvest_takes_it_out_of_stock(self):
        harvest = self.harvest(self.courgette, 12)
        harvest.action_cancel()
        self.assertEqual(harvest.state, "cancelled")
        self.assertEqual(self.courgette.qty_available, 0)

    def test_a_delivered_harvest_is_kept(self):
        harvest = self.harvest(self.tomato, 20)
        order = self.place(self.cook, {self.tomato: 5})
        self.deliver(order)
        with self.assertRaisesRegex(UserError, "a déjà été livré"):
            harvest.action_cancel()
        with self.assertRaisesRegex(UserError, "conservée pour la traçabilité"):
            harvest.with_user(self.coordinator).unlink()

    def test_a_harvest_enters_the_stock_only_through_its_button(self):
        harvest = (
            self.env["canteen.harvest"]
            .with_user(self.supervisor)
            .create({"product_id": self.tomato.id, "quantity": 10, "harvest_date": HARVEST_DAY})
        )
        for values in ({"state": "done"}, {"lot_id": self.harvest(self.apple, 5).lot_id.id}):
            with (
                self.subTest(values=values),
                self.assertRaisesRegex(UserError, "ne changent que par ses boutons"),
            ):
                harvest.write(values)
        self.assertEqual(harvest.state, "draft")
        harvest.action_done()
        with self.assertRaisesRegex(UserError, "ne changent que par ses boutons"):
            harvest.write({"state": "draft"})  # put in stock twice
        with self.assertRaisesRegex(UserError, "Seule une récolte en brouillon"):
            harvest.action_done()
        self.assertEqual(self.tomato.qty_available, 10)

    def test_a_harvest_chatter_opens_on_a_feminine_creation_note(self):
        harvest = (
            self.env["canteen.harvest"]
            .with_context(lang="fr_FR")
            .create({"product_id": self.tomato.id, "quantity": 10, "harvest_date": HARVEST_DAY})
        )
        self.assertIn("créée</p>", str(harvest.message_ids[-1].body))
