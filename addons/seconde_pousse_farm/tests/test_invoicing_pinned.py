# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Invoicing pinned from every side: only signed work, each line as it should be, never
twice, and back to invoiceable after a credit note."""

from datetime import date, datetime

from lxml import etree

from odoo.fields import Command
from odoo.tests import tagged
from odoo.tools.misc import file_path

from .common import FarmCase

MARCH = (date(2026, 3, 1), date(2026, 3, 31))


@tagged("post_install", "-at_install")
class TestInvoicingPinned(FarmCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.third_farm = cls.make_farm("Mas des Trois")
        cls.membership = cls.env.ref("seconde_pousse_farm.product_membership_farm")
        # Signed in March: to invoice.
        cls.signed = (
            cls.make_intervention(day=2)
            | cls.make_intervention(day=9, hours=(3.0, 0.0))
            | cls.make_intervention(farm=cls.other_farm, day=4, hours=(1.5, 2.5))
            | cls.make_intervention(farm=cls.third_farm, day=30, hours=(0.0, 6.0))
        )
        # A rate agreed with this farm, below the task type's 20 €/h.
        cls.signed[2].line_ids.filtered(lambda line: line.task_type_id == cls.weeding).write(
            {"price_unit": 18.0}
        )
        for intervention in cls.signed:
            cls.make_signed_review(intervention)
        # Never to invoice: done but not signed, review sent but not signed, planned,
        # draft, cancelled, and signed but outside the period.
        cls.done = cls.make_intervention(day=10)
        cls.sent = cls.make_intervention(farm=cls.other_farm, day=11)
        cls.env["farm.intervention.review"].create(
            {"intervention_id": cls.sent.id, "rating_quality": "4"}
        ).action_send()
        cls.planned = cls.make_intervention(day=12, state="planned")
        cls.draft = cls.make_intervention(farm=cls.third_farm, day=13, state="draft")
        cls.cancelled = cls.make_intervention(day=16, state="cancelled")
        cls.april = cls.make_intervention(day=2)
        cls.april.write(
            {"date_start": datetime(2026, 4, 1, 7, 0), "date_end": datetime(2026, 4, 1, 12, 0)}
        )
        cls.make_signed_review(cls.april)
        cls.unsigned = cls.done | cls.sent | cls.planned | cls.draft | cls.cancelled

    def wizard(self, **values):
        values = {"date_from": MARCH[0], "date_to": MARCH[1], **values}
        return self.env["farm.invoice.wizard"].with_user(self.accountant).create(values)

    def lines(self, invoice):
        """(product or section, quantity, unit price) of every line, in order."""
        return [
            (
                line.product_id.default_code or line.product_id.name or line.display_type,
                line.quantity if line.display_type == "product" else None,
                line.price_unit if line.display_type == "product" else None,
            )
            for line in invoice.invoice_line_ids.sorted("sequence")
        ]

    def test_the_period_holds_only_the_signed_work_of_the_period(self):
        self.assertEqual(self.wizard().intervention_ids, self.signed)
        farms = self.wizard(partner_ids=[Command.set(self.other_farm.ids)])
        self.assertEqual(
            farms.intervention_ids, self.signed.filtered(lambda i: i.partner_id == self.other_farm)
        )
        self.assertEqual(
            self.wizard(date_to=date(2026, 4, 30)).intervention_ids, self.signed | self.april
        )

    def test_the_period_method_invoices_only_signed_work(self):
        invoices = (
            self.env["farm.invoice.wizard"].with_user(self.accountant)._invoice_period(*MARCH)
        )
        self.assertEqual(invoices.partner_id, self.farm | self.other_farm | self.third_farm)
        self.assertEqual(invoices.farm_intervention_ids, self.signed)
        self.assertEqual(set(self.signed.mapped("state")), {"invoiced"})
        self.assertFalse(self.unsigned.invoice_id | self.april.invoice_id)
        self.assertEqual(
            self.unsigned.mapped("state"), ["done", "done", "planned", "draft", "cancelled"]
        )

    def invoices(self):
        return {
            farm: self.signed.filtered(lambda i, f=farm: i.partner_id == f).invoice_id
            for farm in (self.farm, self.other_farm, self.third_farm)
        }

    def test_each_line_on_each_farm_detailed(self):
        self.env.company.farm_invoice_layout = "detailed"
        weeding, pruning = self.weeding.product_id.name, self.pruning.product_id.name
        member = self.membership.default_code or self.membership.name
        self.wizard().action_create_invoices()
        first, second = self.signed[:2]
        expected = {
            self.farm: [
                (member, 1.0, self.membership.list_price),
                (weeding, 4.0, 20.0),
                (pruning, 2.0, 25.0),
                (weeding, 3.0, 20.0),  # no pruning line: no hours done
            ],
            self.other_farm: [
                (member, 1.0, self.membership.list_price),
                (weeding, 1.5, 18.0),
                (pruning, 2.5, 25.0),
            ],
            self.third_farm: [(member, 1.0, self.membership.list_price), (pruning, 6.0, 25.0)],
        }
        invoices = self.invoices()
        for farm, lines in expected.items():
            with self.subTest(farm=farm.name):
                self.assertEqual(len(invoices[farm]), 1)
                self.assertEqual(self.lines(invoices[farm]), lines)
        labels = first.invoice_id.invoice_line_ids.sorted("sequence").mapped("name")[1:]
        self.assertEqual(
            labels,
            [
                f"{first.name} – 02/03/2026 – {self.weeding.name}",
                f"{first.name} – 02/03/2026 – {self.pruning.name}",
                f"{second.name} – 09/03/2026 – {self.weeding.name}",
            ],
        )
        self.check_amounts(invoices)

    def test_each_line_on_each_farm_grouped(self):
        default = self.env["res.company"].default_get(["farm_invoice_layout"])
        self.assertEqual(default["farm_invoice_layout"], "grouped")
        self.env.company.farm_invoice_layout = "grouped"
        weeding, pruning = self.weeding.product_id.name, self.pruning.product_id.name
        member = self.membership.default_code or self.membership.name
        self.wizard().action_create_invoices()
        first, second = self.signed[:2]
        invoices = self.invoices()
        self.assertEqual(
            self.lines(invoices[self.farm]),
            [(member, 1.0, self.membership.list_price), (weeding, 7.0, 20.0), (pruning, 2.0, 25.0)],
        )
        # the agreed rate of the other farm stays a line of its own rate
        self.assertEqual(
            self.lines(invoices[self.other_farm]),
            [(member, 1.0, self.membership.list_price), (weeding, 1.5, 18.0), (pruning, 2.5, 25.0)],
        )
        self.assertIn(
            f"{first.name} (02/03/2026), {second.name} (09/03/2026)",
            str(invoices[self.farm].narration),
        )
        self.check_amounts(invoices)

    def check_amounts(self, invoices):
        fee = self.membership.list_price
        self.assertEqual(invoices[self.farm].amount_untaxed, fee + 7 * 20 + 2 * 25)
        self.assertEqual(invoices[self.other_farm].amount_untaxed, fee + 1.5 * 18 + 2.5 * 25)
        self.assertEqual(invoices[self.third_farm].amount_untaxed, fee + 6 * 25)

    def test_one_summary_note_and_no_tracking_noise(self):
        self.wizard().action_create_invoices()
        invoice = self.invoices()[self.farm]
        first, second = self.signed[:2]
        notes = invoice.message_ids.mapped("body")
        summary = f"Facture de 2 interventions : {first.name}, {second.name}."
        self.assertEqual([summary for body in notes if summary in str(body)], [summary])
        self.assertFalse(invoice.message_ids.tracking_value_ids)
        # as Odoo's sales: the note is the invoice's; the intervention keeps the link
        self.assertNotIn(invoice.display_name, " ".join(map(str, first.message_ids.mapped("body"))))
        self.assertEqual(first.invoice_link_ids.move_id, invoice)

    def test_a_second_run_invoices_nothing_twice(self):
        wizard = self.wizard()
        wizard.action_create_invoices()
        moves = self.env["account.move"].search_count([("move_type", "=", "out_invoice")])
        again = self.env["farm.invoice.wizard"].with_user(self.accountant)._invoice_period(*MARCH)
        self.assertFalse(again)
        self.assertFalse(self.wizard().intervention_ids)
        # The same wizard, opened before the first run and confirmed after it.
        self.assertFalse(wizard._invoice(self.signed))
        self.assertEqual(
            self.env["account.move"].search_count([("move_type", "=", "out_invoice")]), moves
        )
        self.assertEqual(len(self.signed.invoice_id), 3)

    def test_a_credit_note_sends_the_work_back_once(self):
        self.wizard().action_create_invoices()
        invoice = self.signed[0].invoice_id
        invoice.action_post()
        self.refund(invoice)
        back = self.signed.filtered(lambda i: i.partner_id == self.farm)
        self.assertEqual(back.mapped("state"), ["reviewed", "reviewed"])
        self.assertEqual(self.wizard().intervention_ids, back)
        self.wizard().action_create_invoices()
        self.assertEqual(len(back.invoice_id), 1)
        self.assertNotEqual(back.invoice_id, invoice)
        self.assertNotIn(self.membership, back.invoice_id.invoice_line_ids.product_id)
        self.assertEqual(back.invoice_id.amount_untaxed, 7 * 20 + 2 * 25)

    def test_the_demo_invoices_only_through_the_period_method(self):
        """The demo data has no way of its own to invoice: it calls the method pinned above,
        and never writes an intervention as invoiced."""
        demo = etree.parse(file_path("seconde_pousse_farm/demo/farm_demo.xml"))
        calls = demo.xpath("//function[@model='farm.invoice.wizard']/@name")
        # two month-ends by the accountant: before and after a membership invoice is posted
        self.assertTrue(calls)
        self.assertEqual(set(calls), {"_invoice_period"})
        written = demo.xpath(
            "//record[@model='farm.intervention']/field[@name='state' or @name='invoice_id']"
        )
        self.assertEqual([field.text for field in written if field.text == "invoiced"], [])
        self.assertFalse([field for field in written if field.get("name") == "invoice_id"])
