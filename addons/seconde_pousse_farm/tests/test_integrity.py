# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A hostile client, over XML-RPC: workflow fields change only through their actions,
each role keeps to its job, invoiced work is locked and invoiced once, and bad values are
refused by the model with a French message naming the field and the limit."""

from datetime import date
from xmlrpc.client import Fault

import psycopg2

from odoo.exceptions import ValidationError
from odoo.fields import Command
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import SIGNATURE, FarmCase

BUTTONS_ONLY = "ne changent que par ses boutons"


@tagged("post_install", "-at_install")
class TestIntegrity(FarmCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="fr_FR"))
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.env["ir.module.module"]._load_module_terms(["seconde_pousse_farm"], ["fr_FR"])
        (cls.coordinator | cls.supervisor | cls.accountant).write({"lang": "fr_FR"})

    def call(self, user, model, method, *args, **kwargs):
        password = user.login + "x" * (8 - len(user.login))  # as new_test_user sets it
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname, user.id, password, model, method, list(args), kwargs
        )

    def assertRefused(self, message, user, model, method, *args, **kwargs):
        with self.assertRaises(Fault) as error:
            self.call(user, model, method, *args, **kwargs)
        self.assertIn(message, error.exception.faultString)

    def signed_intervention(self):
        intervention = self.make_intervention()
        self.make_signed_review(intervention)
        return intervention

    def invoice(self, interventions):
        wizard = self.env["farm.invoice.wizard"].with_user(self.accountant).create({})
        return wizard._invoice(interventions.with_user(self.accountant))

    # ---- workflow fields ------------------------------------------------------------
    def test_supervisor_cannot_decide_on_a_request(self):
        request = self.make_request()
        for values in ({"state": "accepted"}, {"state": "refused", "refusal_reason": "non"}):
            self.assertRefused(
                BUTTONS_ONLY, self.supervisor, request._name, "write", [request.id], values
            )
        self.assertRefused(
            "Seul un coordinateur", self.supervisor, request._name, "action_accept", [request.id]
        )
        self.assertRefused(
            "peut annuler une demande",
            self.supervisor,
            request._name,
            "action_cancel",
            [request.id],
        )
        self.assertEqual(request.state, "submitted")
        self.call(self.coordinator, request._name, "action_accept", [request.id])
        self.assertEqual(request.state, "accepted")

    def test_review_is_signed_only_with_a_signature(self):
        intervention = self.make_intervention()
        review = self.env["farm.intervention.review"].create({"intervention_id": intervention.id})
        for values in (
            {"state": "signed"},
            {"signature": SIGNATURE.decode()},
            {"signer_name": "Moi", "signed_date": "2026-03-02 10:00:00"},
        ):
            self.assertRefused(
                BUTTONS_ONLY, self.supervisor, review._name, "write", [review.id], values
            )
        self.assertRefused(
            BUTTONS_ONLY,
            self.supervisor,
            review._name,
            "create",
            {"intervention_id": self.make_intervention(day=3).id, "state": "signed"},
        )
        self.assertEqual(review.state, "draft")
        self.assertFalse(review.signature)

    def test_intervention_is_not_made_invoiceable_by_a_write(self):
        intervention = self.make_intervention()
        for user in (self.supervisor, self.coordinator):
            self.assertRefused(
                BUTTONS_ONLY,
                user,
                intervention._name,
                "write",
                [intervention.id],
                {"state": "reviewed"},
            )
        self.assertRefused(
            BUTTONS_ONLY,
            self.supervisor,
            intervention._name,
            "create",
            {
                "partner_id": self.farm.id,
                "state": "invoiced",
                "date_start": "2026-03-09 07:00:00",
                "date_end": "2026-03-09 12:00:00",
            },
        )
        self.assertEqual(intervention.state, "done")

    # ---- invoiced work -----------------------------------------------------------------
    def test_invoiced_intervention_is_locked(self):
        intervention = self.signed_intervention()
        self.invoice(intervention)
        self.assertEqual(intervention.state, "invoiced")
        line = intervention.line_ids[0]
        for values in (
            {"date_start": "2026-03-02 06:00:00"},
            {"team_size": 2},
            {"partner_id": self.other_farm.id},
            {"state": "draft"},
        ):
            self.assertRefused(
                "est facturée",
                self.supervisor,
                intervention._name,
                "write",
                [intervention.id],
                values,
            )
        for values in ({"done_hours": 40.0}, {"price_unit": 1.0}):
            self.assertRefused(
                "est facturée", self.supervisor, line._name, "write", [line.id], values
            )
        self.assertRefused("est facturée", self.supervisor, line._name, "unlink", [line.id])
        self.assertRefused(
            "est facturée",
            self.supervisor,
            line._name,
            "create",
            {
                "intervention_id": intervention.id,
                "task_type_id": self.weeding.id,
                "done_hours": 1.0,
            },
        )
        self.assertEqual((line.done_hours, line.price_unit), (4.0, 20.0))
        # the chatter stays open
        self.call(
            self.supervisor,
            intervention._name,
            "message_post",
            [intervention.id],
            body="Facture envoyée par courrier",
        )

    def test_accountant_changes_nothing_but_invoices(self):
        intervention = self.signed_intervention()
        for values in (
            {"partner_id": self.other_farm.id},
            {"team_size": 4},
            {"date_end": "2026-03-02 15:00:00"},
            {"notes": "<p>x</p>"},
        ):
            self.assertRefused(
                "", self.accountant, intervention._name, "write", [intervention.id], values
            )
        self.assertRefused(
            BUTTONS_ONLY,
            self.accountant,
            intervention._name,
            "write",
            [intervention.id],
            {"state": "invoiced"},
        )
        self.assertRefused(
            "peut annuler une intervention",
            self.accountant,
            intervention._name,
            "action_cancel",
            [intervention.id],
        )
        self.assertEqual(intervention.state, "reviewed")
        invoices = self.invoice(intervention)
        self.assertEqual(intervention.invoice_id, invoices)

    def test_work_is_never_invoiced_twice(self):
        intervention = self.signed_intervention()
        first = self.invoice(intervention)
        self.assertFalse(self.invoice(intervention))  # a second run invoices nothing
        self.assertRefused(
            "est facturée",
            self.accountant,
            intervention._name,
            "write",
            [intervention.id],
            {"state": "reviewed", "invoice_id": False},
        )
        # even the superuser cannot link a second live invoice: PostgreSQL refuses it
        other = first.sudo().copy()
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(psycopg2.errors.UniqueViolation) as caught,
        ):
            with self.env.cr.savepoint():
                self.env["farm.intervention.invoice"].create(
                    {"intervention_id": intervention.id, "move_id": other.id}
                )
        self.assertIn("farm_intervention_invoice_live_unique", str(caught.exception))
        # a credit note is the way back
        first.action_post()
        self.refund(first, date=date(2026, 3, 31))
        self.assertEqual(intervention.state, "reviewed")
        second = self.invoice(intervention)
        self.assertNotEqual(second, first)
        links = self.env["farm.intervention.invoice"].search(
            [("intervention_id", "=", intervention.id)]
        )
        self.assertEqual(links.filtered(lambda link: not link.released).move_id, second)
        # the accountant and the coordinator read both in its invoicing history
        for user in (self.accountant, self.coordinator):
            [read] = self.call(
                user, intervention._name, "read", [intervention.id], ["invoice_link_ids"]
            )
            self.assertEqual(sorted(read["invoice_link_ids"]), sorted(links.ids))
        # a supervisor sees the intervention, not its invoicing
        self.assertRefused(
            "invoice_link_ids",
            self.supervisor,
            intervention._name,
            "read",
            [intervention.id],
            ["invoice_link_ids"],
        )

    # ---- roles --------------------------------------------------------------------------
    def test_coordinator_manages_farms(self):
        farm_id = self.call(
            self.coordinator,
            "res.partner",
            "create",
            {"name": "Ferme Nouvelle", "is_farm": True, "is_company": True},
        )
        self.call(self.coordinator, "res.partner", "write", [farm_id], {"farm_surface": 12.5})
        self.assertEqual(self.env["res.partner"].browse(farm_id).farm_surface, 12.5)
        self.assertRefused(
            "", self.supervisor, "res.partner", "create", {"name": "Ferme Pirate", "is_farm": True}
        )

    # ---- values -------------------------------------------------------------------------
    def request_values(self, **values):
        return {
            "partner_id": self.farm.id,
            "description": "Désherbage",
            "date_from": "2026-03-02",
            "date_to": "2026-03-06",
            **values,
        }

    def test_request_values_are_checked_at_the_model(self):
        person = self.env["res.partner"].create({"name": "Particulier"})
        cases = [
            ({"partner_id": person.id}, "n'est pas une exploitation"),
            ({"estimated_hours": 1e12}, "Charge estimée"),
            ({"estimated_hours": -1}, "Charge estimée"),
            ({"date_from": "1700-01-01"}, "2000"),
            ({"date_to": "9999-12-31"}, "2099"),
            ({"description": "   "}, "Description : décrivez"),
            ({"description": "x" * 2001}, "2000 caractères au plus"),
        ]
        for values, message in cases:
            with self.subTest(values=values):
                self.assertRefused(
                    message,
                    self.coordinator,
                    "farm.intervention.request",
                    "create",
                    self.request_values(**values),
                )

    def test_intervention_values_are_checked_at_the_model(self):
        base = {
            "partner_id": self.farm.id,
            "date_start": "2026-03-02 07:00:00",
            "date_end": "2026-03-02 12:00:00",
        }
        cases = [
            ({"team_size": -3}, "Taille de l'équipe"),
            ({"team_size": 0}, "Taille de l'équipe"),
            ({"team_size": 1_000_000}, "Taille de l'équipe"),
            ({"date_end": "2027-04-06 12:00:00"}, "14 jours"),
            ({"date_start": "1700-03-02 07:00:00"}, "2000"),
            (
                {"line_ids": [(0, 0, {"task_type_id": self.weeding.id, "done_hours": 10_000})]},
                "1000",
            ),
        ]
        for values, message in cases:
            with self.subTest(values=values):
                self.assertRefused(
                    message, self.supervisor, "farm.intervention", "create", {**base, **values}
                )
        intervention = self.make_intervention(state="draft")
        self.assertRefused(
            "Taille de l'équipe",
            self.supervisor,
            "farm.intervention",
            "write",
            [intervention.id],
            {"team_size": 2**31 - 1},
        )

    def test_out_of_range_integer_never_reaches_postgresql(self):
        intervention = self.make_intervention(state="draft").with_user(self.supervisor)
        with self.assertRaisesRegex(ValidationError, "Taille de l'équipe"):
            intervention.with_context(lang="fr_FR").write({"team_size": 2**40})

    def test_invalid_siret_cannot_become_a_farm(self):
        partner = self.env["res.partner"].create({"name": "Futur", "siret": "12345678901234"})
        self.assertRefused(
            "SIRET", self.coordinator, "res.partner", "write", [partner.id], {"is_farm": True}
        )
        self.assertFalse(partner.is_farm)

    def test_portal_nul_byte_is_a_400_with_a_message(self):
        contact = self.env["res.partner"].create({"name": "Jeanne", "parent_id": self.farm.id})
        farmer = self.env["res.users"].create(
            {
                "name": "Jeanne",
                "login": "nul_farmer",
                "password": "nul_farmer",
                "partner_id": contact.id,
                "groups_id": [Command.set(self.env.ref("base.group_portal").ids)],
            }
        )
        self.assertTrue(farmer)
        self.authenticate("nul_farmer", "nul_farmer")
        from odoo import http  # noqa: PLC0415 - the CSRF token of this session

        response = self.url_open(
            "/my/requests/new",
            data={
                "csrf_token": http.Request.csrf_token(self),
                "description": "Désherbage\x00 urgent",
                "task_type_ids": str(self.weeding.id),
                "date_from": "2099-03-02",
                "date_to": "2099-03-06",
            },
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("caractère invalide", response.text)
        self.assertFalse(
            self.env["farm.intervention.request"].search([("description", "like", "urgent")])
        )
