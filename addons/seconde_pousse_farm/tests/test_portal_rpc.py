# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What a farmer can and cannot do over RPC: their own farm's records, never the workers'
data nor internal notes, requests created submitted."""

from datetime import date, datetime, timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .portal_common import FarmPortalCase


@tagged("post_install", "-at_install")
class TestFarmPortalRpc(FarmPortalCase):
    # ---- RPC ----------------------------------------------------------------
    def test_rpc_isolation(self):
        for model, mine, theirs in (
            ("farm.intervention.request", self.request_a, self.request_b),
            ("farm.intervention", self.intervention_a, self.intervention_b),
            ("farm.intervention.line", self.intervention_a.line_ids, self.intervention_b.line_ids),
            ("farm.intervention.review", self.review_a, self.review_b),
        ):
            with self.subTest(model):
                Model = self.env[model].with_user(self.farmer_a)
                self.assertEqual(Model.search([]), mine.with_user(self.farmer_a))
                self.assertEqual(Model.with_user(self.farmer_a2).search([]).ids, mine.ids)
                mine.with_user(self.farmer_a).read(["id"])
                with self.assertRaises(AccessError) as caught:
                    theirs.with_user(self.farmer_a).read(["id"])
                self.assertIn("n'a pas d'accès 'lire'", str(caught.exception))
                with self.assertRaises(AccessError) as caught:
                    mine.with_user(self.farmer_a).write({"create_date": datetime(2026, 1, 1)})
                self.assertIn(
                    f"modifier les enregistrements '{self.env[model]._description}' ({model})",
                    str(caught.exception),
                )
                with self.assertRaises(AccessError) as caught:
                    mine.with_user(self.farmer_a).unlink()
                self.assertIn(
                    f"supprimer les enregistrements '{self.env[model]._description}' ({model})",
                    str(caught.exception),
                )

    def test_rpc_no_worker_data(self):
        """Whatever other addons hang on an intervention (a planning adds the team), no
        model holding employees is readable by a farmer."""
        worker_models = {"hr.employee", "hr.employee.public", "hr.contract", "hr.version"}
        for model_name in ("farm.intervention", "farm.intervention.review"):
            for field in self.env[model_name]._fields.values():
                if not field.relational or field.comodel_name.startswith(("res.", "mail.")):
                    continue  # users, partners, companies, messages: their own portal rules
                comodel = self.env[field.comodel_name]
                holds_workers = field.comodel_name in worker_models or any(
                    sub.relational and sub.comodel_name in worker_models
                    for sub in comodel._fields.values()
                )
                if holds_workers:
                    self.assertFalse(
                        comodel.with_user(self.farmer_a).has_access("read"), field.comodel_name
                    )
        for model_name in worker_models & set(self.env.registry):
            self.assertFalse(self.env[model_name].with_user(self.farmer_a).has_access("read"))
        page = self.get_as("farmer_a", self.intervention_a.access_url)
        self.assertEqual(page.status_code, 200)

    def test_rpc_internal_notes_hidden(self):
        self.intervention_a.notes = "<p>Karim a oublié ses gants</p>"
        with self.assertRaises(AccessError) as caught:
            self.intervention_a.with_user(self.farmer_a).read(["notes"])
        self.assertIn('champs "notes" sur Farm intervention', str(caught.exception))
        self.assertNotIn("Karim", self.get_as("farmer_a", self.intervention_a.access_url).text)

    def get_as(self, login, url):
        self.authenticate(login, login)
        return self.get(url)

    def test_rpc_create_only_submitted_for_own_farm(self):
        Request = self.env["farm.intervention.request"].with_user(self.farmer_a)
        values = {
            "description": "Par RPC",
            "date_from": date.today() + timedelta(days=3),
            "date_to": date.today() + timedelta(days=4),
            "contact_id": self.contact_a.id,
        }
        with self.assertRaises(AccessError) as caught:  # the other farm is not theirs to touch
            Request.create({**values, "partner_id": self.other_farm.id})
        self.assertIn("n'a pas d'accès 'lire'", str(caught.exception))
        with self.assertRaisesRegex(UserError, "ne changent que par ses boutons"):
            Request.create({**values, "partner_id": self.farm.id, "state": "accepted"})
        self.assertFalse(
            self.env["farm.intervention.request"].search([("description", "=", "Par RPC")])
        )
        mine = Request.create({**values, "partner_id": self.farm.id})
        self.assertEqual((mine.state, mine.partner_id), ("submitted", self.farm))
        self.assertTrue(mine.name.startswith("DEM/"))

    def test_the_create_rule_itself_keeps_portal_requests_submitted_and_own(self):
        """The checks above stop a hostile create before the record rule is reached (the
        other farm cannot be read, states only move by buttons): the rule is proven on its
        own, as Odoo applies it to a created record."""
        values = {"description": "Règle", "contact_id": self.contact_a.id}
        own = self.make_request(**values)
        own.with_user(self.farmer_a).check_access("create")
        refused = {
            "another farm": self.make_request(farm=self.other_farm, **values),
            "another state": self.make_request(**values),
            "already taken": self.make_request(**values),
        }
        refused["another state"].state = "accepted"
        refused["already taken"].user_id = self.coordinator
        for case, request in refused.items():
            with self.subTest(case), self.assertRaises(AccessError) as caught:
                request.with_user(self.farmer_a).check_access("create")
            self.assertIn("n'a pas d'accès 'créer'", str(caught.exception))
            self.assertIn("(farm.intervention.request)", str(caught.exception))
