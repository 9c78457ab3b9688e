# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What each role reads over RPC is what its screens show: a farmer reads the reviews
the portal shows (sent and signed, never a draft), and every request and intervention
of the farm; a supervisor, or a coordinator who reads only her own sales documents,
opens a member farm's form and signs a review on site although the membership invoice
is another's."""

from datetime import date

from lxml import etree

from odoo import fields
from odoo.tests import tagged

from odoo.addons.seconde_pousse_base.tests.common import make_role_user

from ..controllers.portal import INTERVENTION_FILTERS, REVIEW_VISIBLE_STATES
from .common import SIGNATURE, FarmCase
from .portal_common import FarmPortalCase


@tagged("post_install", "-at_install")
class TestFarmerRulesMatchThePortal(FarmPortalCase):
    def one_per_state(self, model, make):
        """A record of farm A in every state of the model (set as the workflow would)."""
        records = self.env[model]
        for state in self.env[model]._fields["state"].get_values(self.env):
            record = make()
            record.sudo().write({"state": state})
            records |= record
        return records

    def test_a_farmer_reads_over_rpc_what_the_portal_shows(self):
        reviews = self.one_per_state(
            "farm.intervention.review",
            lambda: self.env["farm.intervention.review"].create(
                {
                    "intervention_id": self.make_intervention().id,
                    "supervisor_notes": "Notes du chantier, non envoyées",
                }
            ),
        )
        # the portal lists requests and interventions in every state ("all" and one
        # filter per state), reviews only once sent
        shown = {
            "farm.intervention.review": reviews.filtered(
                lambda r: r.state in REVIEW_VISIBLE_STATES
            ),
            "farm.intervention.request": self.one_per_state(
                "farm.intervention.request", self.make_request
            ),
            "farm.intervention": self.one_per_state(
                "farm.intervention", lambda: self.make_intervention(state="draft")
            ),
        }
        all_intervention_states = set().union(*INTERVENTION_FILTERS.values())
        self.assertEqual(set(shown["farm.intervention"].mapped("state")), all_intervention_states)
        self.assertIn("draft", reviews.mapped("state"))
        for model, records in shown.items():
            every = self.env[model].search([("partner_id", "=", self.farm.id)])
            Model = self.env[model].with_user(self.farmer_a)
            for state in set(every.mapped("state")):
                with self.subTest(model=model, state=state):
                    found = Model.search_read([("state", "=", state)], ["id"])
                    expected = (records | every).filtered(
                        lambda r, s=state, m=model: (
                            r.state == s
                            and (m != "farm.intervention.review" or s in REVIEW_VISIBLE_STATES)
                        )
                    )
                    self.assertEqual({row["id"] for row in found}, set(expected.ids))
        draft = reviews.filtered(lambda r: r.state == "draft")
        Review = self.env["farm.intervention.review"].with_user(self.farmer_a)
        self.assertEqual(Review.search_read([("state", "=", "draft")], ["supervisor_notes"]), [])
        self.assertFalse(Review.browse(draft.ids).has_access("read"))
        # nor does the intervention's list of reviews, read as the farmer
        self.env.invalidate_all()
        rows = draft.intervention_id.with_user(self.farmer_a).read(["review_ids"])
        self.assertEqual(rows[0]["review_ids"], [])


@tagged("post_install", "-at_install")
class TestMembershipReadByRoles(FarmCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="fr_FR"))
        # the membership invoice of the farm is the accountant's, posted
        cls.member = cls.make_farm("Ferme Adhérente")
        invoice = cls.member.with_user(cls.accountant)._farm_start_membership(
            fields.Date.context_today(cls.member)
        )
        invoice.sudo().action_post()
        cls.invoice = invoice.sudo()

    def own_documents_coordinator(self):
        """A coordinator whose sales rights read only her own documents (as where the
        canteen's 'all documents' right is not given to the role)."""
        coordinator = self.env.ref("seconde_pousse_base.group_coordinator")
        all_leads = self.env.ref("sales_team.group_sale_salesman_all_leads")
        coordinator.implied_ids -= all_leads
        user = make_role_user(self.env, "coordinator", login="own_docs_coordinator")
        user.groups_id -= all_leads
        user.groups_id |= self.env.ref("sales_team.group_sale_salesman")
        self.assertFalse(self.invoice.with_user(user).has_access("read"))
        return user

    def read_the_form(self, farm, user):
        """Read, as `user`, every field the farm's form shows them, and the fields its
        lists of lines show: the fields of the view as the web client gets it."""
        Partner = self.env["res.partner"].with_user(user)
        view = Partner.get_views([(False, "form")])["views"]["form"]
        arch = etree.fromstring(view["arch"])
        names = arch.xpath("//field[count(ancestor::field) = 0]/@name")
        record = farm.with_user(user)
        self.env.invalidate_all()
        values = record.read(names)[0]
        for node in arch.xpath("//field[count(ancestor::field) = 0]"):
            field = record._fields[node.get("name")]
            subnames = node.xpath(".//field[count(ancestor::field) = 1]/@name")
            if field.type in ("one2many", "many2many") and subnames:
                record[field.name].read(subnames)
        return values, names

    def test_a_supervisor_opens_a_member_farm_and_signs_on_site(self):
        values, names = self.read_the_form(self.member, self.supervisor)
        self.assertEqual(values["farm_membership_status"], "member")
        self.assertIn("farm_membership_end", names)
        # the invoice stays the coordinators' and accountants' field
        self.assertNotIn("farm_membership_invoice_id", names)
        self.assertNotIn("farm_membership_invoice_id", values)
        # a review signed on site makes a new farm a member, and invoices it
        newcomer = self.make_farm("Ferme Nouvelle")
        review = self.env["farm.intervention.review"].create(
            {"intervention_id": self.make_intervention(farm=newcomer).id, "rating_quality": "4"}
        )
        review.action_send()
        wizard = (
            self.env["farm.review.sign.wizard"]
            .with_user(self.supervisor)
            .create(
                {"review_id": review.id, "signer_name": "Jeanne Martin", "signature": SIGNATURE}
            )
        )
        wizard.action_sign()
        self.assertEqual(review.state, "signed")
        self.assertEqual(newcomer.farm_membership_status, "member")
        self.assertEqual(
            newcomer.sudo().member_lines.account_invoice_id.invoice_user_id, self.supervisor
        )
        self.read_the_form(newcomer, self.supervisor)

    def test_a_coordinator_opens_a_farm_whose_invoice_is_another_salespersons(self):
        user = self.own_documents_coordinator()
        values, names = self.read_the_form(self.member, user)
        self.assertIn("farm_membership_invoice_id", names)
        self.assertEqual(values["farm_membership_status"], "member")
        self.assertEqual(values["farm_membership_start"], fields.Date.context_today(user))
        self.assertEqual(values["farm_membership_invoice_id"][0], self.invoice.id)
        # and she signs a review on site at that farm, whose running year is the
        # accountant's invoice
        review = self.env["farm.intervention.review"].create(
            {"intervention_id": self.make_intervention(farm=self.member).id}
        )
        review.action_send()
        review.with_user(user)._sign("Paul Martin", SIGNATURE)
        self.assertEqual(review.state, "signed")
        self.assertEqual(len(self.member.sudo().member_lines), 1)  # a member already
        self.assertEqual(self.member.farm_membership_end.year, date.today().year + 1)
