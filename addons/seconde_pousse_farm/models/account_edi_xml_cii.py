# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from lxml import etree

from odoo import models

NS = {
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
}
RAM = f"{{{NS['ram']}}}"
QDT = "{urn:un:unece:uncefact:data:standard:QualifiedDataType:100}"
SIREN = "0002"  # the legal identifier's scheme: the 9-digit SIREN
SIRET = "0009"  # the global identifier's scheme: the 14-digit SIRET
FR_ADDRESS = "0225"  # the French directory's electronic address, starting with the SIREN


class AccountEdiXmlCii(models.AbstractModel):
    _inherit = "account.edi.xml.cii"

    def _export_invoice(self, invoice):
        """Odoo's Factur-X, completed with what the French rules (BR-FR, Flux 2 of the
        e-invoicing reform) ask of a French seller: the billing mode (BT-23), the SIREN
        as legal identifier and the SIRET as global one, both parties' electronic
        addresses (BT-34, BT-49), the payment notes PMT, PMD and AAB (BT-22) and, on a
        credit note, the invoice it credits (BT-25, BT-26)."""
        xml, errors = super()._export_invoice(invoice)
        if xml and invoice.company_id.country_code == "FR":
            xml = self._fr_complete(invoice, xml)
        return xml, errors

    def _export_invoice_vals(self, invoice):
        """The billing period (BG-14) runs over the days of the work or the deliveries
        billed, not from the invoice date to the due date as Odoo has it."""
        vals = super()._export_invoice_vals(invoice)
        days = self._fr_service_days(invoice)
        if days:
            vals["billing_start"], vals["billing_end"] = min(days), max(days)
        return vals

    def _fr_service_days(self, invoice):
        """The local days of the services or deliveries the invoice bills."""
        return invoice._farm_work_days()

    def _fr_complete(self, invoice, xml):
        tree = etree.fromstring(xml)
        self._fr_billing_mode(invoice, tree)
        self._fr_payment_notes(invoice, tree)
        self._fr_credited_invoice(invoice, tree)
        agreement = tree.find(
            "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement", NS
        )
        seller = invoice.company_id.partner_id
        self._fr_party(agreement.find("ram:SellerTradeParty", NS), seller)
        self._fr_party(agreement.find("ram:BuyerTradeParty", NS), invoice.commercial_partner_id)
        return etree.tostring(tree, xml_declaration=True, encoding="UTF-8")

    def _fr_billing_mode(self, invoice, tree):
        """BT-23: a deposited invoice of goods (B1), of services (S1) or of both (M1)."""
        types = set(
            invoice.invoice_line_ids.filtered(
                lambda line: line.display_type == "product"
            ).product_id.mapped("type")
        )
        mode = "S1" if types <= {"service"} else "B1" if "service" not in types else "M1"
        context = tree.find("rsm:ExchangedDocumentContext", NS)
        guideline = context.find("ram:GuidelineSpecifiedDocumentContextParameter", NS)
        process = etree.Element(RAM + "BusinessProcessSpecifiedDocumentContextParameter")
        etree.SubElement(process, RAM + "ID").text = mode
        guideline.addprevious(process)

    def _fr_payment_notes(self, invoice, tree):
        """BT-22: the recovery indemnity (PMT), the late-payment interest (PMD) and the
        absence of discount (AAB), as the printed invoice states them."""
        _ = invoice.with_context(lang=invoice.partner_id.lang).env._
        notes = {
            "PMT": _(
                "Fixed indemnity of €40 for recovery costs in case of late payment (article D441-5 of the Code de commerce)."  # noqa: E501
            ),
            "PMD": self._fr_late_payment_note(invoice),
            "AAB": _("No discount for early payment."),
        }
        document = tree.find("rsm:ExchangedDocument", NS)
        anchor = (
            document.findall("ram:IncludedNote", NS) or document.findall("ram:IssueDateTime", NS)
        )[-1]
        for code, text in reversed(notes.items()):
            note = etree.Element(RAM + "IncludedNote")
            etree.SubElement(note, RAM + "Content").text = text
            etree.SubElement(note, RAM + "SubjectCode").text = code
            anchor.addnext(note)

    def _fr_credited_invoice(self, invoice, tree):
        """A credit note names the invoice it credits and its date (BT-25, BT-26)."""
        credited = invoice.reversed_entry_id
        if not credited:
            return
        reference = etree.Element(RAM + "InvoiceReferencedDocument")
        etree.SubElement(reference, RAM + "IssuerAssignedID").text = credited.name
        issued = etree.SubElement(reference, RAM + "FormattedIssueDateTime")
        date = etree.SubElement(issued, QDT + "DateTimeString", format="102")
        date.text = credited.invoice_date.strftime("%Y%m%d")
        settlement = tree.find(
            "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement", NS
        )
        settlement.find("ram:SpecifiedTradeSettlementHeaderMonetarySummation", NS).addnext(
            reference
        )

    def _fr_late_payment_note(self, invoice):
        _ = invoice.with_context(lang=invoice.partner_id.lang).env._
        return _(
            "Late-payment penalties at the European Central Bank's rate for its most recent refinancing operation plus 10 percentage points (article L441-10 of the Code de commerce)."  # noqa: E501
        )

    def _fr_party(self, party, partner):
        """The SIREN under scheme 0002 (Odoo puts the SIRET there), the SIRET as global
        identifier, and the electronic address: in the French directory's scheme from
        the SIREN, else the e-mail."""
        siret = (partner.siret or "").replace(" ", "")
        if len(siret) != 14 or not siret.isdigit():
            siret = ""
        if party is None or not (siret or partner.email):
            return
        if siret:
            self._fr_party_identifiers(party, siret)
        address = etree.Element(RAM + "URIUniversalCommunication")
        uri = etree.SubElement(address, RAM + "URIID", schemeID=FR_ADDRESS if siret else "EM")
        uri.text = siret[:9] or partner.email
        anchor = party.find("ram:PostalTradeAddress", NS)
        if anchor is None:
            anchor = (
                party.findall("ram:DefinedTradeContact", NS) or party.findall("ram:Name", NS)
            )[-1]
        anchor.addnext(address)

    def _fr_party_identifiers(self, party, siret):
        name = party.find("ram:Name", NS)
        global_id = etree.Element(RAM + "GlobalID", schemeID=SIRET)
        global_id.text = siret
        name.addprevious(global_id)
        legal = party.find("ram:SpecifiedLegalOrganization", NS)
        if legal is None:
            legal = etree.Element(RAM + "SpecifiedLegalOrganization")
            etree.SubElement(legal, RAM + "ID")
            name.addnext(legal)
        legal_id = legal.find("ram:ID", NS)
        legal_id.set("schemeID", SIREN)
        legal_id.text = siret[:9]
