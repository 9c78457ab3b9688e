# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
import logging

from lxml import etree

from odoo import api, fields, models
from odoo.tools.pdf import (
    DictionaryObject,
    NameObject,
    NumberObject,
    OdooPdfFileReader,
    OdooPdfFileWriter,
    PdfReadError,
)

_logger = logging.getLogger(__name__)

FACTURX_FILENAME = "factur-x.xml"
FX_NS = "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#"
CII_NS = {
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
}
# The XMP's fx:ConformanceLevel for the profile the XML declares (BT-24), as the
# Factur-X specification spells them
CONFORMANCE_LEVELS = (
    ("factur-x.eu:1p0:extended", "EXTENDED"),
    ("factur-x.eu:1p0:basicwl", "BASIC WL"),
    ("factur-x.eu:1p0:basic", "BASIC"),
    ("factur-x.eu:1p0:minimum", "MINIMUM"),
    ("urn:cen.eu:en16931:2017", "EN 16931"),
)


class AccountMoveSend(models.AbstractModel):
    _inherit = "account.move.send"

    @api.model
    def _get_default_invoice_edi_format(self, move, **kwargs):
        """A farm is invoiced in Factur-X (see res.partner), except an invoice with a line
        outside the scope of VAT (the membership fee, unless the association taxes it):
        EN 16931 wants a VAT category on every line (BR-CO-04) and forbids a "not subject
        to VAT" line beside taxed ones (BR-O-11), so Odoo would refuse to issue the
        invoice and leave the farmer a pro forma. That invoice keeps its official PDF,
        with the Factur-X XML Odoo embeds in every PDF, undeclared."""
        edi_format = super()._get_default_invoice_edi_format(move, **kwargs)
        if edi_format == "facturx" and not self._facturx_required(move):
            outside_vat = move.invoice_line_ids.filtered(
                lambda line: line.display_type == "product" and not line.tax_ids
            )
            if (outside_vat and move.commercial_partner_id.is_farm) or self._facturx_refused(move):
                return False
        return edi_format

    @api.model
    def _facturx_required(self, move):
        """Whether the customer must receive the Factur-X, even if Odoo refuses to issue
        the invoice without it (a public buyer's, see the canteen addon)."""
        return False

    @api.model
    def _facturx_refused(self, move):
        """Whether Odoo would refuse the Factur-X of this invoice (the association's VAT
        number, address or bank account missing…): its sending job would then leave the
        customer no official PDF at all, where the PDF alone is still an invoice."""
        builder = self.env["account.edi.xml.cii"]
        values = builder._export_invoice_vals(move.with_context(lang=move.partner_id.lang))
        return any(builder._export_invoice_constraints(move, values).values())

    @api.model
    def _hook_invoice_document_after_pdf_report_render(self, invoice, invoice_data):
        """Odoo embeds the Factur-X XML in every invoice's PDF but converts the PDF to
        PDF/A-3 only when it does not take the incoming PDF for a PDF/A already, which it
        guesses from the second line of the file: wkhtmltopdf's binary comment line
        passes the guess, so no PDF was ever converted. A Factur-X is a PDF/A-3: convert
        here, with Odoo's own conversion and XMP template, whatever the guess."""
        result = super()._hook_invoice_document_after_pdf_report_render(invoice, invoice_data)
        pdf_values = (
            not self.env.context.get("custom_template_facturx") and invoice.invoice_pdf_report_id
        ) or (
            invoice_data.get("pdf_attachment_values")
            or invoice_data.get("proforma_pdf_attachment_values")
        )
        if pdf_values and pdf_values["raw"]:
            pdf_values["raw"] = self._facturx_to_pdfa3(invoice, pdf_values["raw"])
        return result

    @api.model
    def _facturx_to_pdfa3(self, invoice, pdf):
        """The PDF as PDF/A-3 with its Factur-X XMP metadata; unchanged when it carries no
        Factur-X XML (or is no PDF, as in tests) or is a PDF/A already."""
        if not pdf.startswith(b"%PDF-"):
            return pdf
        reader = OdooPdfFileReader(io.BytesIO(pdf), strict=False)
        xml = dict(reader.getAttachments()).get(FACTURX_FILENAME)
        if not xml or "/OutputIntents" in reader.trailer["/Root"]:
            return pdf
        writer = OdooPdfFileWriter()
        writer.cloneReaderDocumentRoot(reader)
        outlines = self._facturx_outlines(writer)
        try:
            writer.convert_to_pdfa()
        except (KeyError, AttributeError, TypeError, ValueError, PdfReadError):
            _logger.exception("Factur-X of %s left as it was: no PDF/A-3 conversion", invoice.name)
            return pdf
        if "/First" not in outlines:  # Odoo counts one; an empty outline has none
            outlines[NameObject("/Count")] = NumberObject(0)
        writer.add_file_metadata(self._facturx_xmp(invoice, xml))
        buffer = io.BytesIO()
        writer.write(buffer)
        return buffer.getvalue()

    @api.model
    def _facturx_outlines(self, writer):
        """The document's outline, made empty when wkhtmltopdf made none (an invoice
        without headings): Odoo's conversion stops on a document without one."""
        root = writer._root_object
        if "/Outlines" not in root:
            outlines = DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Outlines"),
                    NameObject("/Count"): NumberObject(0),
                }
            )
            root[NameObject("/Outlines")] = writer._addObject(outlines)
        return root["/Outlines"].getObject()

    @api.model
    def _facturx_xmp(self, invoice, xml):
        """Odoo's Factur-X XMP, with the conformance level of the profile the XML
        declares (Odoo's template says EN 16931, its XML EXTENDED)."""
        content = self.env["ir.qweb"]._render(
            "account_edi_ubl_cii.account_invoice_pdfa_3_facturx_metadata",
            {"title": invoice.name, "date": fields.Date.context_today(self)},
        )
        xmp = etree.fromstring(content.encode())
        level = xmp.find(f".//{{{FX_NS}}}ConformanceLevel")
        level.text = self._facturx_conformance_level(xml)
        return etree.tostring(xmp, encoding="utf-8")

    @api.model
    def _facturx_conformance_level(self, xml):
        guideline = etree.fromstring(xml).findtext(
            "rsm:ExchangedDocumentContext/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID",
            namespaces=CII_NS,
        )
        for suffix, level in CONFORMANCE_LEVELS:
            if suffix in (guideline or ""):
                return level
        return "EN 16931"
