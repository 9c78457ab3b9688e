# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The Factur-X the sending job makes, as on a server (wkhtmltopdf's PDF, the XML
embedded), read back with the `factur-x` package and pypdf."""

import io
from datetime import date
from unittest.mock import patch

import facturx
from freezegun import freeze_time
from lxml import etree
from pypdf import PdfReader

from odoo.tests import Form
from odoo.tools import config

from odoo.addons.seconde_pousse_farm.tests.facturx_check import (
    BILLING_MODE,
    BILLING_PERIOD,
    NS,
    facturx_problems,
)

from .common import CanteenCase

JULY = "2026-07-01 08:00:00"
XMP_NS = {
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "fx": "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#",
}
# facturx's name of a profile → the XMP's fx:ConformanceLevel (Factur-X 1.0, § 7.2)
LEVELS = {"en16931": "EN 16931", "extended": "EXTENDED"}


class TestFacturX(CanteenCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for product, quantity in ((cls.tomato, 40), (cls.potato, 30)):
            cls.harvest(product, quantity)
        cls.deliver(cls.place(cls.cook, {cls.tomato: 10, cls.potato: 8}))

    def issue_as_on_a_server(self):
        """The June run, then Odoo's sending job with tests' shortcuts off: in tests it
        neither renders the PDF nor embeds the XML."""
        wizard = Form(self.env["canteen.invoice.wizard"].with_user(self.accountant))
        wizard.date_from, wizard.date_to = date(2026, 6, 1), date(2026, 6, 30)
        wizard.invoice_date = date(2026, 6, 30)
        with freeze_time(JULY):
            action = wizard.save().action_create_invoices()
            run = self.env["canteen.invoice.run"].browse(action["params"]["next"]["res_id"])
            run._process()
            with patch.dict(config.options, {"test_enable": False}):
                self.env["account.move"]._cron_account_move_send()
        return run.invoice_ids

    def test_the_invoice_pdf_is_a_pdfa3_factur_x_whose_xml_passes_its_xsd(self):
        invoice = self.issue_as_on_a_server()
        self.assertEqual(invoice.partner_id, self.school)
        pdf = invoice.invoice_pdf_report_id.raw
        self.assertTrue(pdf.startswith(b"%PDF-1.7\n%"), pdf[:16])
        reader = PdfReader(io.BytesIO(pdf))
        root = reader.trailer["/Root"]
        intent = root["/OutputIntents"][0].get_object()
        self.assertEqual(intent["/S"], "/GTS_PDFA1")
        self.assertTrue(intent["/DestOutputProfile"].get_object().get_data())
        ids = reader.trailer["/ID"]
        self.assertEqual(len(ids), 2)
        self.assertTrue(ids[0])
        xmp = etree.fromstring(root["/Metadata"].get_object().get_data())
        self.assertEqual(xmp.findtext(".//pdfaid:part", namespaces=XMP_NS), "3")
        self.assertEqual(xmp.findtext(".//pdfaid:conformance", namespaces=XMP_NS), "B")
        filename, xml = facturx.get_facturx_xml_from_pdf(pdf, check_xsd=False)
        self.assertEqual(filename, "factur-x.xml")
        self.assertEqual(xml, invoice.ubl_cii_xml_id.raw)
        level = facturx.get_level(etree.fromstring(xml), "factur-x")
        self.assertIn(level, LEVELS)
        self.assertEqual(xmp.findtext(".//fx:ConformanceLevel", namespaces=XMP_NS), LEVELS[level])
        self.assertEqual(xmp.findtext(".//fx:DocumentFileName", namespaces=XMP_NS), filename)
        self.assertTrue(facturx.xml_check_xsd(xml, flavor="factur-x", level=level))
        self.assertIn(b"21130001700012", xml)  # the buyer's SIRET: the XML is this invoice's
        self.assertEqual(facturx_problems(xml), (level, []))  # profile and BR-FR rules
        tree = etree.fromstring(xml)
        self.assertEqual(tree.findtext(BILLING_MODE, namespaces=NS), "B1")  # goods
        period = [
            tree.findtext(BILLING_PERIOD.format(end), namespaces=NS) for end in ("Start", "End")
        ]
        self.assertEqual(period, ["20260603", "20260603"])  # the delivery's day, not June's
        interest = tree.findtext(
            "rsm:ExchangedDocument/ram:IncludedNote[ram:SubjectCode='PMD']/ram:Content",
            namespaces=NS,
        )
        self.assertIn("Code de la commande publique", interest)  # a public buyer's
