# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""PDF reports of several records on any wkhtmltopdf.

Odoo prints several records in one wkhtmltopdf run, one input document each. The
wkhtmltopdf of Debian and Ubuntu is built on an unpatched Qt and refuses more than one
input document ("does not support more than one input document"), so printing two
reviews, or sending a batch of invoices, fails there. On such a binary the records are
printed one run each; on the patched binary (Odoo's Docker image) nothing changes.
"""

import functools
import subprocess

from odoo import models

from odoo.addons.base.models.ir_actions_report import _get_wkhtmltopdf_bin


@functools.cache
def wkhtmltopdf_prints_one_document():
    try:
        out = subprocess.run(
            [_get_wkhtmltopdf_bin(), "--version"], capture_output=True, check=False, timeout=30
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return False  # no binary: Odoo says so itself
    return b"patched qt" not in out.lower()


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _render_qweb_pdf_prepare_streams(self, report_ref, data, res_ids=None):
        ids = res_ids or []
        several = len(ids) > 1 and len(ids) == len(set(ids))  # duplicates: one document
        if not several or not wkhtmltopdf_prints_one_document():
            return super()._render_qweb_pdf_prepare_streams(report_ref, data, res_ids)
        streams = {}
        for res_id in ids:
            streams.update(
                super()._render_qweb_pdf_prepare_streams(report_ref, dict(data or {}), [res_id])
            )
        return streams

    def _get_rendering_context(self, report, docids, data):
        """sp_identity_in_body: the binary draws no header, so a document that relies on
        Odoo's header prints the association's identity in its body instead."""
        values = super()._get_rendering_context(report, docids, data)
        values["sp_identity_in_body"] = wkhtmltopdf_prints_one_document()
        return values
