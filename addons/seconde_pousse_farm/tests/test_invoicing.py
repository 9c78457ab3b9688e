# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import tagged

from .common import FarmCase


@tagged("post_install", "-at_install")
class TestInvoicing(FarmCase):
    def wizard(self, user=None, **values):
        values = {"date_from": date(2026, 3, 1), "date_to": date(2026, 3, 31), **values}
        return self.env["farm.invoice.wizard"].with_user(user or self.accountant).create(values)

    def test_french_accounting_installed(self):
        self.assertEqual(self.env.company.country_id.code, "FR")
        self.assertEqual(self.env.company.chart_template, "fr")

    def test_one_invoice_per_farm_with_membership_fee_first(self):
        self.env.company.farm_invoice_layout = "detailed"
        first = self.make_intervention(day=2)
        second = self.make_intervention(day=9, hours=(3.0, 0.0))
        other = self.make_intervention(farm=self.other_farm, day=4)
        for intervention in first | second | other:
            self.make_signed_review(intervention)
        wizard = self.wizard()
        self.assertEqual(wizard.intervention_ids, first | second | other)
        self.assertEqual(wizard.farm_count, 2)
        wizard.action_create_invoices()
        invoice = first.invoice_id
        self.assertEqual(second.invoice_id, invoice)
        self.assertNotEqual(other.invoice_id, invoice)
        self.assertEqual((first | second | other).mapped("state"), ["invoiced"] * 3)
        product_lines = invoice.invoice_line_ids.filtered(
            lambda line: line.display_type == "product"
        )
        membership = self.env.ref("seconde_pousse_farm.product_membership_farm")
        self.assertEqual(len(product_lines.filtered(lambda line: line.product_id == membership)), 1)
        weeding = product_lines.filtered(lambda line: line.product_id == self.weeding.product_id)
        self.assertEqual(sorted(weeding.mapped("quantity")), [3.0, 4.0])
        self.assertEqual(invoice.amount_untaxed, membership.list_price + (4 + 3) * 20 + 2 * 25)
        # no section line doubling the lines: reference and date are in each line's label
        self.assertEqual(set(invoice.invoice_line_ids.mapped("display_type")), {"product"})
        self.assertEqual(
            sorted(weeding.mapped("name")),
            [
                f"{first.name} – 02/03/2026 – {self.weeding.name}",
                f"{second.name} – 09/03/2026 – {self.weeding.name}",
            ],
        )

    def test_membership_fee_only_on_the_first_invoice(self):
        self.make_signed_review(self.make_intervention(day=2))
        self.wizard().action_create_invoices()
        later = self.make_intervention(day=20)
        self.make_signed_review(later)
        self.wizard(date_from=date(2026, 3, 15)).action_create_invoices()
        membership = self.env.ref("seconde_pousse_farm.product_membership_farm")
        self.assertNotIn(membership, later.invoice_id.invoice_line_ids.product_id)

    def test_posted_invoice_with_french_vat_and_member_state(self):
        intervention = self.make_intervention()
        self.make_signed_review(intervention)
        self.wizard().action_create_invoices()
        invoice = intervention.invoice_id
        invoice.action_post()
        self.assertEqual(invoice.state, "posted")
        self.assertTrue(invoice.name.startswith("FAC/") or invoice.name.startswith("INV/"))
        self.assertGreater(invoice.amount_tax, 0)
        self.assertEqual(self.farm.membership_state, "invoiced")

    def test_a_posted_invoice_is_official_and_names_a_person(self):
        """Never "PRO FORMA" on a posted invoice, never OdooBot as its salesperson: the
        fee made when the farmer signed names the coordinator; posting has Odoo's sending
        job make the official PDF the farmer downloads."""
        intervention = self.make_intervention()
        self.make_signed_review(intervention)  # by a farmer's signature (superuser here)
        self.wizard().action_create_invoices()
        invoice = intervention.invoice_id
        self.assertEqual(invoice.invoice_user_id, self.coordinator)
        later = self.make_intervention(day=20)
        self.make_signed_review(later)
        self.wizard(date_from=date(2026, 3, 15)).action_create_invoices()
        self.assertEqual(later.invoice_id.invoice_user_id, self.accountant)  # who made it
        invoice.action_post()
        self.assertTrue(invoice.is_being_sent)
        self.env["account.move"]._cron_account_move_send()
        self.assertFalse(invoice.is_being_sent)
        document = invoice._get_invoice_legal_documents("pdf", allow_fallback=True)
        self.assertNotIn("proforma", document["filename"])
        self.assertNotIn(b"PROFORMA", document["content"])
        # other customers' invoices are left to Odoo's own sending
        other = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.env["res.partner"].create({"name": "Client"}).id,
                "invoice_line_ids": [
                    Command.create({"name": "Conseil", "quantity": 1, "price_unit": 10})
                ],
            }
        )
        other.action_post()
        self.assertFalse(other.is_being_sent)

    def test_an_invoiced_intervention_s_tasks_cannot_be_deleted(self):
        intervention = self.make_intervention()
        self.make_signed_review(intervention)
        self.wizard().action_create_invoices()
        with self.assertRaisesRegex(UserError, "facturée"):
            intervention.line_ids[0].with_user(self.coordinator).with_context(lang="fr_FR").unlink()
        self.assertEqual(len(intervention.line_ids), 2)

    def test_services_are_invoiced_as_services(self):
        intervention = self.make_intervention()
        self.make_signed_review(intervention)
        self.wizard().action_create_invoices()
        invoice = intervention.invoice_id
        self.assertEqual(set(invoice.invoice_line_ids.tax_ids.mapped("tax_scope")), {"service"})
        self.assertEqual(set(invoice.invoice_line_ids.tax_ids.mapped("amount")), {20.0})
        html = (
            self.env["ir.actions.report"]
            .with_context(lang="fr_FR")
            ._render_qweb_html("account.report_invoice", invoice.ids)[0]
            .decode()
        )
        self.assertIn("Prestation de services", html)
        self.assertNotIn("Livraison de biens", html)

    def test_credit_note_makes_interventions_invoiceable_again(self):
        intervention = self.make_intervention()
        self.make_signed_review(intervention)
        self.wizard().action_create_invoices()
        invoice = intervention.invoice_id
        invoice.action_post()
        self.refund(invoice)
        self.assertEqual(intervention.state, "reviewed")
        self.assertFalse(intervention.invoice_id)
        self.assertIn("à refacturer", intervention.message_ids[0].body)
        self.assertEqual(self.wizard().intervention_ids, intervention)

    def test_cancelled_draft_invoice_makes_them_invoiceable(self):
        intervention = self.make_intervention()
        self.make_signed_review(intervention)
        self.wizard().action_create_invoices()
        invoice = intervention.invoice_id
        invoice.button_cancel()
        self.assertEqual(intervention.state, "reviewed")
        # its chatter names the invoice, and its history keeps it, released
        self.assertIn(invoice.display_name, intervention.message_ids[0].body)
        link = intervention.invoice_link_ids.filtered(lambda link: link.move_id == invoice)
        self.assertTrue(link.released)

    def test_deleted_draft_invoice_is_named_in_the_chatter(self):
        intervention = self.make_intervention()
        self.make_signed_review(intervention)
        self.wizard().action_create_invoices()
        invoice = intervention.invoice_id
        name = invoice.display_name
        invoice.unlink()
        self.assertEqual(intervention.state, "reviewed")
        self.assertIn(f"Facture {name} supprimée", intervention.message_ids[0].body)

    def test_unsigned_intervention_refused(self):
        done = self.make_intervention()
        wizard = (
            self.env["farm.invoice.wizard"]
            .with_user(self.accountant)
            .with_context(active_model="farm.intervention", active_ids=done.ids)
            .create({"date_from": date(2026, 3, 1), "date_to": date(2026, 3, 31)})
        )
        with self.assertRaisesRegex(UserError, "dont le bilan est signé"):
            wizard.action_create_invoices()
        self.assertEqual(done.state, "done")
        self.assertFalse(self.env["account.move"].search([("partner_id", "=", self.farm.id)]))

    def test_nothing_to_invoice(self):
        with self.assertRaises(UserError) as caught:
            self.wizard().action_create_invoices()
        self.assertIn("Aucune intervention avec bilan signé à facturer", str(caught.exception))

    def test_supervisor_cannot_invoice(self):
        intervention = self.make_intervention()
        self.make_signed_review(intervention)
        with self.assertRaises(AccessError) as caught:
            self.wizard(user=self.supervisor)
        self.assertIn("(farm.invoice.wizard)", str(caught.exception))
        with self.assertRaises(AccessError) as caught:
            self.env["account.move"].with_user(self.supervisor).create(
                {"move_type": "out_invoice", "partner_id": self.farm.id}
            )
        self.assertIn(
            "créer des enregistrements 'Journal Entry' (account.move)", str(caught.exception)
        )
        self.assertEqual(intervention.state, "reviewed")

    def test_accountant_sees_what_is_ready(self):
        ready = self.make_intervention()
        self.make_signed_review(ready)
        self.make_intervention(day=3)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "seconde_pousse_farm.farm_intervention_action_to_invoice"
        )
        found = (
            self.env["farm.intervention"]
            .with_user(self.accountant)
            .search([("state", "=", "reviewed")])
        )
        self.assertEqual(found, ready)
        self.assertIn("search_default_to_invoice", action["context"])
