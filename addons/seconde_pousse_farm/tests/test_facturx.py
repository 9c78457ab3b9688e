# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Farms are businesses: their invoices are Factur-X, read back with the `factur-x`
package and pypdf."""

import io
from datetime import date
from unittest.mock import patch

import facturx
from lxml import etree
from pypdf import PdfReader

from odoo.tools import config

from .common import FarmCase
from .facturx_check import BILLING_MODE, BILLING_PERIOD, NS, facturx_problems

FARM_SIRET = "36907093330292"
XMP_NS = {
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "fx": "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#",
}


class TestFarmFacturX(FarmCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # what Factur-X asks of the seller: VAT, SIRET, phone, e-mail, a bank account
        cls.env.company.write(
            {
                "vat": "FR91791123458",
                "siret": "79112345800022",
                "phone": "04 42 00 00 00",
                "email": "seconde-pousse@example.com",
            }
        )
        cls.env["res.partner.bank"].create(
            {
                "partner_id": cls.env.company.partner_id.id,
                "acc_number": "FR7630006000011234567890189",
                "allow_out_payment": True,
            }
        )

    def invoice(self, day, date_from):
        """The invoice of a signed intervention of that day in March, posted."""
        intervention = self.make_intervention(day=day)
        self.make_signed_review(intervention)
        self.env["farm.invoice.wizard"].with_user(self.accountant).create(
            {"date_from": date_from, "date_to": date(2026, 3, 31)}
        ).action_create_invoices()
        invoice = intervention.invoice_id
        invoice.action_post()
        return invoice

    def work_invoice(self):
        """A month-end invoice of work only: the membership fee went on the first one."""
        self.invoice(2, date(2026, 3, 1))
        return self.invoice(20, date(2026, 3, 15))

    def test_a_farm_is_invoiced_in_factur_x(self):
        self.assertEqual(self.farm.invoice_edi_format, "facturx")
        other = self.env["res.partner"].create({"name": "Client", "is_company": True})
        self.assertFalse(other.invoice_edi_format)  # Odoo's own suggestion for the others
        self.farm.invoice_edi_format = "ubl_bis3"  # a chosen format stays
        self.assertEqual(self.farm.invoice_edi_format, "ubl_bis3")

    def test_a_month_end_invoice_carries_a_factur_x_xml_that_passes_its_xsd(self):
        invoice = self.work_invoice()
        self.assertTrue(invoice.invoice_line_ids.tax_ids)
        self.env["account.move"]._cron_account_move_send()
        self.assertTrue(invoice.invoice_pdf_report_id)
        xml = invoice.ubl_cii_xml_id.raw
        self.assertTrue(xml, "the Factur-X XML is issued with the invoice")
        level = facturx.get_level(etree.fromstring(xml), "factur-x")
        self.assertTrue(facturx.xml_check_xsd(xml, flavor="factur-x", level=level))
        self.assertIn(self.farm.name.encode(), xml)

    def test_the_month_end_pdf_is_a_pdfa3_factur_x(self):
        """As on a server: in tests Odoo's sending job neither renders the PDF nor
        embeds the XML."""
        invoice = self.work_invoice()
        with patch.dict(config.options, {"test_enable": False}):
            self.env["account.move"]._cron_account_move_send()
        pdf = invoice.invoice_pdf_report_id.raw
        self.assertTrue(pdf.startswith(b"%PDF-1.7\n%"), pdf[:16])
        root = PdfReader(io.BytesIO(pdf)).trailer["/Root"]
        self.assertEqual(root["/OutputIntents"][0].get_object()["/S"], "/GTS_PDFA1")
        xmp = etree.fromstring(root["/Metadata"].get_object().get_data())
        self.assertEqual(xmp.findtext(".//pdfaid:part", namespaces=XMP_NS), "3")
        self.assertEqual(xmp.findtext(".//fx:ConformanceLevel", namespaces=XMP_NS), "EXTENDED")
        __, xml = facturx.get_facturx_xml_from_pdf(pdf, check_xsd=True)
        self.assertEqual(xml, invoice.ubl_cii_xml_id.raw)

    def test_an_invoice_with_the_fee_outside_vat_stays_official_without_declared_factur_x(
        self,
    ):
        """EN 16931 has no place for a line without VAT category (BR-CO-04) nor for a
        "not subject to VAT" line beside taxed ones (BR-O-11): Odoo would refuse the
        Factur-X and leave the farmer a pro forma."""
        invoice = self.invoice(2, date(2026, 3, 1))
        fee = invoice.invoice_line_ids.filtered(lambda line: not line.tax_ids)
        self.assertEqual(len(fee), 1)
        __, errors = self.env["account.edi.xml.cii"]._export_invoice(invoice)
        self.assertTrue(any("BR-CO-04" in error for error in errors), errors)
        self.env["account.move"]._cron_account_move_send()
        self.assertTrue(invoice.invoice_pdf_report_id)
        self.assertNotIn("proforma", invoice.invoice_pdf_report_id.name)
        self.assertFalse(invoice.ubl_cii_xml_id)

    def xml_of(self, invoice):
        xml, errors = self.env["account.edi.xml.cii"]._export_invoice(invoice)
        self.assertFalse(errors)
        return xml

    def test_the_month_end_xml_passes_its_profile_and_the_french_rules(self):
        """BR-FR: the SIREN under scheme 0002 and the SIRET as global identifier, the
        electronic addresses (BT-34, BT-49), the billing mode (BT-23) and the payment
        notes PMT, PMD, AAB (BT-22)."""
        self.farm.siret = FARM_SIRET
        xml = self.xml_of(self.work_invoice())
        self.assertEqual(facturx_problems(xml), ("extended", []))
        tree = etree.fromstring(xml)
        agreement = "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/"
        for party, siret in (
            ("ram:SellerTradeParty", "79112345800022"),
            ("ram:BuyerTradeParty", FARM_SIRET),
        ):
            found = tree.find(agreement + party, NS)
            self.assertEqual(found.findtext("ram:GlobalID[@schemeID='0009']", namespaces=NS), siret)
            self.assertEqual(
                found.findtext(
                    "ram:SpecifiedLegalOrganization/ram:ID[@schemeID='0002']", namespaces=NS
                ),
                siret[:9],
            )
            self.assertEqual(
                found.findtext(
                    "ram:URIUniversalCommunication/ram:URIID[@schemeID='0225']", namespaces=NS
                ),
                siret[:9],
            )
        self.assertEqual(tree.findtext(BILLING_MODE, namespaces=NS), "S1")  # services
        period = [
            tree.findtext(BILLING_PERIOD.format(end), namespaces=NS) for end in ("Start", "End")
        ]
        self.assertEqual(period, ["20260320", "20260320"])  # the day of the work billed
        notes = tree.findall("rsm:ExchangedDocument/ram:IncludedNote", NS)
        codes = [note.findtext("ram:SubjectCode", namespaces=NS) for note in notes]
        self.assertEqual(sorted(filter(None, codes)), ["AAB", "PMD", "PMT"])
        penalties = notes[codes.index("PMD")].findtext("ram:Content", namespaces=NS)
        self.assertIn("majoré de 10 points de pourcentage", penalties)  # in French

    def test_a_farm_without_siret_is_reached_at_its_email(self):
        self.assertFalse(self.farm.siret)
        xml = self.xml_of(self.work_invoice())
        self.assertEqual(facturx_problems(xml), ("extended", []))
        buyer = etree.fromstring(xml).find(
            "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:BuyerTradeParty",
            NS,
        )
        self.assertEqual(
            buyer.findtext(
                "ram:URIUniversalCommunication/ram:URIID[@schemeID='EM']", namespaces=NS
            ),
            self.farm.email,
        )
        self.assertIsNone(buyer.find("ram:SpecifiedLegalOrganization", NS))

    def test_a_credit_note_names_the_invoice_it_credits(self):
        self.farm.siret = FARM_SIRET
        invoice = self.work_invoice()
        refund = self.env["account.move"].browse(self.refund(invoice)["res_id"])
        refund.action_post()
        xml = self.xml_of(refund)
        self.assertEqual(facturx_problems(xml), ("extended", []))  # BR-FR-CO-05 among them
        settlement = etree.fromstring(xml).find(
            "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement", NS
        )
        credited = settlement.find("ram:InvoiceReferencedDocument", NS)
        self.assertEqual(credited.findtext("ram:IssuerAssignedID", namespaces=NS), invoice.name)
        self.assertEqual(
            credited.findtext("ram:FormattedIssueDateTime/*", namespaces=NS),
            invoice.invoice_date.strftime("%Y%m%d"),
        )
