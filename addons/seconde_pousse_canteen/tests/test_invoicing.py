# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date
from html import unescape

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests.common import warmup
from odoo.tools import format_datetime

from .common import CanteenCase

JULY = "2026-07-01 08:00:00"
JUNE = (date(2026, 6, 1), date(2026, 6, 30))
CLICK_QUERIES = 15  # measured: the orders, the run and its creation note, the job's trigger


class TestInvoicing(CanteenCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for product, quantity in ((cls.tomato, 40), (cls.apple, 60), (cls.potato, 30)):
            cls.harvest(product, quantity)
        cls.school_order = cls.place(cls.cook, {cls.tomato: 10, cls.potato: 8})
        cls.care_home_order = cls.env["sale.order"].create(
            {
                "partner_id": cls.care_home.id,
                "canteen_week_id": cls.week.id,
                "order_line": [Command.create({"product_id": cls.apple.id, "product_uom_qty": 15})],
            }
        )
        cls.care_home_order.action_confirm()
        for order in (cls.school_order, cls.care_home_order):
            cls.deliver(order)

    def test_one_invoice_per_canteen_with_egalim_data_on_each_line(self):
        with freeze_time(JULY):
            invoices = self.invoice()
        self.assertEqual(invoices.partner_id, self.school | self.care_home)
        school_invoice = invoices.filtered(lambda m: m.partner_id == self.school)
        self.assertEqual(school_invoice.state, "posted")
        self.assertEqual(school_invoice.invoice_date, date(2026, 6, 30))
        self.assertEqual(school_invoice.amount_untaxed, 10 * 3.20 + 8 * 1.50)
        lines = {line.product_id: line for line in school_invoice.invoice_line_ids}
        self.assertEqual(
            (lines[self.tomato].egalim_family, lines[self.tomato].egalim_category),
            ("FRUITS_ET_LEGUMES", "bio"),
        )
        self.assertEqual(lines[self.potato].egalim_label_codes, "LABEL_ROUGE,HVE")
        self.assertEqual(lines[self.potato].egalim_category, "siqo")
        self.assertEqual(
            (lines[self.tomato].egalim_local, lines[self.tomato].egalim_local_definition),
            (True, "DEPARTEMENT"),
        )
        self.assertEqual(self.school_order.invoice_status, "invoiced")

    def test_the_invoice_prints_the_egalim_data_and_chorus_pro_references(self):
        with freeze_time(JULY):
            invoice = self.invoice().filtered(lambda m: m.partner_id == self.school)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("account.account_invoices", invoice.ids)[0]
            .decode()
        )
        html = unescape(html)
        self.assertIn("o_egalim_line", html)
        self.assertIn("Agriculture biologique", html)
        self.assertIn("Label Rouge", html)
        for reference in ("RESTO-SCO", "EJ-2026-0042", "MAPA-2026-07", "21130001700012"):
            self.assertIn(reference, html)

    def test_public_buyers_get_factur_x_with_their_chorus_pro_references(self):
        self.assertEqual(self.school.invoice_edi_format, "facturx")
        with freeze_time(JULY):
            invoice = self.invoice().filtered(lambda m: m.partner_id == self.school)
        self.assertEqual(
            (invoice.buyer_reference, invoice.purchase_order_reference, invoice.contract_reference),
            ("RESTO-SCO", "EJ-2026-0042", "MAPA-2026-07"),
        )
        xml = invoice.ubl_cii_xml_id.raw
        self.assertTrue(xml, "the Factur-X XML is issued with the invoice")
        self.assertIn(b"<ram:BuyerReference>RESTO-SCO</ram:BuyerReference>", xml)
        self.assertIn(b"EJ-2026-0042", xml)
        self.assertIn(b"MAPA-2026-07", xml)
        self.assertIn(b"21130001700012", xml)

    def test_a_public_buyer_without_siret_or_service_code_is_refused(self):
        """The run stops with the reason in its report, and nothing of it is invoiced
        (the other canteen's invoice included); a later run of the period proceeds."""
        self.school.write({"siret": False, "canteen_service_code": False})
        with freeze_time(JULY):
            self.assertFalse(self.invoice())
        run = self.runs()[:1]
        self.assertEqual(run.state, "failed")
        self.assertTrue(run.report.startswith("Arrêtée : "), run.report)
        self.assertIn(
            "acheteur public facturé par Chorus Pro : la facture ne peut pas être émise "
            "sans son SIRET et son code service Chorus Pro",
            run.report,
        )
        self.assertIn(self.accountant.partner_id, run.message_ids[0].partner_ids)
        self.assertFalse((self.school_order | self.care_home_order).invoice_ids)
        self.school.siret = "21130001700012"
        with freeze_time(JULY):
            self.assertFalse(self.invoice())
        self.assertIn(
            "sans son code service Chorus Pro",
            self.runs()[:1].report,
        )
        self.school.canteen_service_code = "RESTO-SCO"
        with freeze_time(JULY):
            self.assertEqual(self.invoice().partner_id, self.school | self.care_home)

    def test_a_private_canteen_needs_no_chorus_pro_data(self):
        with freeze_time(JULY):
            invoice = self.invoice().filtered(lambda m: m.partner_id == self.care_home)
        self.assertEqual(invoice.state, "posted")
        self.assertFalse(invoice.buyer_reference)

    def test_a_later_label_change_leaves_the_invoiced_line_as_declared(self):
        with freeze_time(JULY):
            invoice = self.invoice().filtered(lambda m: m.partner_id == self.school)
        self.tomato.egalim_label_ids = [Command.clear()]
        line = invoice.invoice_line_ids.filtered(lambda line: line.product_id == self.tomato)
        self.assertEqual((line.egalim_category, line.egalim_label_codes), ("bio", "BIO"))

    def test_only_the_accountant_invoices(self):
        with freeze_time(JULY), self.assertRaisesRegex(AccessError, "Facturation"):
            self.env["canteen.invoice.wizard"].with_user(self.coordinator).create({})
        wizard = self.env["canteen.invoice.wizard"].with_user(self.accountant).create({})
        self.accountant.groups_id -= self.env.ref("account.group_account_invoice")
        with (
            freeze_time(JULY),
            self.assertRaisesRegex(UserError, "Seul le comptable facture les cantines"),
        ):
            wizard.action_create_invoices()

    def runs(self):
        """This test's runs, latest first (whatever a live server left in the database)."""
        return self.env["canteen.invoice.run"].search([("date_from", "=", JUNE[0])])

    def wizard(self, user=None, **values):
        """The accountant's wizard on June's deliveries."""
        june = {"date_from": JUNE[0], "date_to": JUNE[1], "invoice_date": JUNE[1]}
        return (
            self.env["canteen.invoice.wizard"]
            .with_user(user or self.accountant)
            .create({**june, **values})
        )

    def test_the_click_queues_a_run_and_the_job_issues_the_invoices(self):
        """The click answers at once, in French, with nothing invoiced; the job invoices
        and posts, then Odoo's sending job makes the PDF (no PDF rendered in a request)."""
        wizard = self.wizard()
        cron = self.env.ref("seconde_pousse_canteen.ir_cron_canteen_invoice_run")
        with freeze_time(JULY):
            action = wizard.action_create_invoices()
        self.assertEqual(action["tag"], "display_notification")
        self.assertIn("en arrière-plan", action["params"]["message"])
        self.assertIn("01/06/2026", action["params"]["message"])
        run = self.env["canteen.invoice.run"].browse(action["params"]["next"]["res_id"])
        self.assertEqual(
            (run.state, run.user_id, run.canteen_count), ("queued", self.accountant, 2)
        )
        self.assertFalse((self.school_order | self.care_home_order).invoice_ids)
        self.assertTrue(self.env["ir.cron.trigger"].search([("cron_id", "=", cron.id)]))
        self.env["canteen.invoice.run"]._cron_process()
        self.assertEqual(run.state, "done", run.report)
        self.assertEqual(run.invoice_ids.partner_id, self.school | self.care_home)
        self.assertEqual(set(run.invoice_ids.mapped("state")), {"posted"})
        orders = self.school_order | self.care_home_order
        self.assertEqual(run.invoice_ids.invoice_user_id, orders.user_id)  # as before
        self.assertTrue(run.report.startswith("2 factures émises pour 2 cantines"), run.report)
        self.assertIn(self.accountant.partner_id, run.message_ids[0].partner_ids)
        self.assertFalse(run.invoice_ids.invoice_pdf_report_id)  # the sending job's work
        self.assertTrue(all(run.invoice_ids.mapped("sending_data")))
        self.env["account.move"]._cron_account_move_send()
        self.assertTrue(all(run.invoice_ids.mapped("invoice_pdf_report_id")))

    def test_a_second_run_of_the_period_is_refused_naming_who_started_it_and_when(self):
        other = self.accountant.copy({"login": "t_acc2", "name": "Paul Compta"})
        with freeze_time(JULY):
            self.wizard().action_create_invoices()
        run = self.runs()
        when = format_datetime(self.env, run.create_date, tz=other.tz, dt_format="short")
        for canteens in (self.env["res.partner"], self.school):  # overlapping canteens too
            wizard = self.wizard(other, partner_ids=canteens.ids)
            with self.assertRaises(UserError) as caught, self.env.cr.savepoint():
                wizard.action_create_invoices()
            self.assertIn(
                f"La facturation de cette période est déjà en cours (lancée par "
                f"{self.accountant.name} le {when}) : attendez son compte rendu",
                str(caught.exception),
            )
        self.assertEqual(len(self.runs()), 1)

    def test_a_starter_who_lost_the_right_meanwhile_stops_the_run(self):
        wizard = self.wizard()
        with freeze_time(JULY):
            wizard.action_create_invoices()
        self.accountant.groups_id -= self.env.ref("account.group_account_invoice")
        self.runs()._process()
        run = self.runs()
        self.assertEqual(run.state, "failed")
        self.assertIn("Seul le comptable facture les cantines", run.report)
        self.assertFalse(self.school_order.invoice_ids)

    def test_a_run_whose_deliveries_were_invoiced_meanwhile_says_so(self):
        with freeze_time(JULY):
            self.wizard().action_create_invoices()
        orders = self.school_order | self.care_home_order
        invoices = orders.sudo()._canteen_invoice(JUNE[1], background=True)
        self.runs()._process()
        run = self.runs()
        self.assertEqual((run.state, run.invoice_ids), ("done", self.env["account.move"]))
        self.assertEqual(
            run.report,
            "Plus rien à facturer : les livraisons de la période ont été facturées entre-temps.",
        )
        self.assertEqual(orders.invoice_ids, invoices)  # nothing invoiced twice

    @warmup
    def test_the_click_takes_a_bounded_number_of_queries(self):
        wizard = self.wizard()
        self.assertEqual(len(wizard.order_ids), 2)  # the form has shown them
        self.env.flush_all()
        with freeze_time(JULY), self.assertQueryCount(CLICK_QUERIES):
            wizard.action_create_invoices()
