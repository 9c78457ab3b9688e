# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Files for ma-cantine by period, each purchase in one of them only.

ma-cantine refuses a file it has already imported only when it is byte-identical
(api/views/purchase_import_base.py, the file's digest): a year file that grows every
month imports every earlier purchase again. A canteen therefore sends files by period: a
month, a quarter, or whatever is new since its last file. Each file remembers the invoice
lines it covered, and no later period file holds them again. The year file stays for the
yearly declaration, computed as before.
"""

import base64
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, format_date

from . import macantine

KINDS = [("month", "Month"), ("quarter", "Quarter"), ("since_last", "Since the last file")]


class CanteenMacantineExport(models.Model):
    """One file of a canteen's purchases for ma-cantine: its period, the invoice lines it
    covered, the file itself, who downloaded it and when."""

    _name = "canteen.macantine.export"
    _description = "File of a canteen's purchases for ma-cantine"
    _order = "id desc"

    name = fields.Char("File name", required=True, readonly=True)
    partner_id = fields.Many2one(
        "res.partner", "Canteen", required=True, readonly=True, index=True, ondelete="restrict"
    )
    company_id = fields.Many2one("res.company", required=True, readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    kind = fields.Selection(KINDS, "Period", required=True, readonly=True)
    date_from = fields.Date("From", readonly=True)
    date_to = fields.Date("To", readonly=True)
    period_label = fields.Char("Purchases of", compute="_compute_period_label")
    line_ids = fields.Many2many(
        "account.move.line",
        "canteen_macantine_export_line_rel",
        "export_id",
        "line_id",
        "Invoice lines in the file",
        readonly=True,
    )
    correction_line_ids = fields.Many2many(
        "account.move.line",
        "canteen_macantine_export_correction_rel",
        "export_id",
        "line_id",
        "Credit note lines to enter by hand",
        readonly=True,
        help="Credit notes on invoices already sent in an earlier file: ma-cantine refuses a "
        "negative price, so the purchase is corrected in ma-cantine by hand.",
    )
    invoice_names = fields.Char(
        "Invoices covered", compute="_compute_invoice_names", compute_sudo=True
    )
    correction_names = fields.Char(
        "Credit notes to enter by hand", compute="_compute_invoice_names", compute_sudo=True
    )
    row_count = fields.Integer("Rows", readonly=True)
    amount_total = fields.Monetary("Total excl. tax", readonly=True)
    file = fields.Binary(attachment=True, readonly=True)
    user_id = fields.Many2one("res.users", "Downloaded by", required=True, readonly=True)
    user_name = fields.Char(related="user_id.name", string="Downloaded by (name)")

    @api.depends("kind", "date_from", "date_to")
    def _compute_period_label(self):
        for export in self:
            export.period_label = export._label(export.kind, export.date_from)

    @api.depends("line_ids", "correction_line_ids")
    def _compute_invoice_names(self):
        for export in self:
            export.invoice_names = ", ".join(sorted(set(export.line_ids.move_id.mapped("name"))))
            export.correction_names = ", ".join(
                sorted(set(export.correction_line_ids.move_id.mapped("name")))
            )

    def _label(self, kind, day):
        if kind == "month":
            return format_date(self.env, day, date_format="MMMM y")
        if kind == "quarter":
            return self.env._("Quarter %(quarter)s %(year)s", quarter=_quarter(day), year=day.year)
        return self.env._("New since the last file")

    # ------------------------------------------------------------
    # Making a file
    # ------------------------------------------------------------
    @api.model
    def _export(self, canteen, kind, day=None):
        """The file of the canteen's purchases of the period that no earlier period file
        held: the month or quarter of day, or every one not yet sent (since_last). A credit
        note is netted with the invoice it corrects when both are new; on an invoice sent
        earlier it is listed, to be entered by hand (ma-cantine refuses negative prices)."""
        date_from, date_to = _period(kind, day or fields.Date.context_today(self))
        if kind not in dict(KINDS):
            raise UserError(
                self.env._(
                    "A file for ma-cantine covers a month, a quarter or what is new since "
                    "the last file."
                )
            )
        Statement = self.env["canteen.egalim.statement"]
        Statement._check_canteen_sirets(canteen)
        self._lock(canteen)
        lines = Statement._macantine_lines(self._new_lines_domain(canteen, date_from, date_to))
        if not lines:
            raise UserError(
                self.env._(
                    "Nothing new for ma-cantine (%(period)s): every posted invoice of that "
                    "period is in an earlier file of %(canteen)s, listed on the page.",
                    period=self._label(kind, date_from),
                    canteen=canteen.name,
                )
            )
        rows, in_file, corrections, total = [], [], [], 0.0
        for entry in Statement._macantine_entries(lines):
            if entry["amount"] < 0:
                corrections += entry["line_ids"]
                continue
            in_file += entry["line_ids"]
            if entry["amount"]:
                rows.append(Statement._macantine_row(entry))
                total += entry["amount"]
        return self.sudo().create(
            {
                "name": self._filename(canteen, kind, date_from),
                "partner_id": canteen.id,
                "company_id": self.env.company.id,
                "kind": kind,
                "date_from": date_from,
                "date_to": date_to,
                "line_ids": [fields.Command.set(in_file)],
                "correction_line_ids": [fields.Command.set(corrections)],
                "row_count": len(rows),
                "amount_total": total,
                "file": base64.b64encode(macantine.to_csv(rows)),
                "user_id": self.env.user.id,
            }
        )

    def _lock(self, canteen):
        """Two files of one canteen made at once would hold the same purchases: the second
        waits for the first."""
        self.env.cr.execute(
            SQL("SELECT id FROM res_partner WHERE id = %s FOR NO KEY UPDATE", canteen.id)
        )

    @api.model
    def _new_lines_domain(self, canteen, date_from, date_to):
        """The canteen's purchases of the period (by the date of the invoice a credit note
        corrects, the date of its row) that no earlier file of the canteen covered."""
        earlier = self.sudo().search([("partner_id", "=", canteen.id)])
        covered = earlier.line_ids.ids + earlier.correction_line_ids.ids
        domain = [
            ("parent_state", "=", "posted"),
            ("move_id.move_type", "in", ("out_invoice", "out_refund")),
            ("display_type", "=", "product"),
            ("partner_id", "=", canteen.id),
            ("company_id", "=", self.env.company.id),
            ("id", "not in", covered),
        ]
        if date_from:
            own = ["&", ("invoice_date", ">=", date_from), ("invoice_date", "<=", date_to)]
            corrected = [
                "&",
                ("move_id.reversed_entry_id.invoice_date", ">=", date_from),
                ("move_id.reversed_entry_id.invoice_date", "<=", date_to),
            ]
            domain += ["|", "&", ("move_id.reversed_entry_id", "=", False), *own, *corrected]
        return domain

    @api.model
    def _filename(self, canteen, kind, date_from):
        number = self.sudo().search_count([("partner_id", "=", canteen.id)]) + 1
        if kind == "month":
            period = date_from.strftime("%Y-%m")
        elif kind == "quarter":
            period = f"{date_from.year}-T{_quarter(date_from)}"
        else:
            period = "nouveaux"
        return f"achats-egalim-{canteen.siret}-{period}-envoi-{number}.csv"

    # ------------------------------------------------------------
    # Downloads
    # ------------------------------------------------------------
    def _file_content(self):
        """The file's bytes, as downloaded the first time."""
        self.ensure_one()
        return base64.b64decode(self.sudo().with_context(bin_size=False).file or b"")

    def action_download(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self._name}/{self.id}/file/{self.name}?download=true",
            "target": "download",
        }


def _quarter(day):
    return (day.month - 1) // 3 + 1


def _period(kind, day):
    """(first day, last day) of the month or quarter of day; (None, None) for the purchases
    new since the last file, whatever their date."""
    if kind == "month":
        start = date(day.year, day.month, 1)
        return start, start + relativedelta(months=1, days=-1)
    if kind == "quarter":
        start = date(day.year, 3 * _quarter(day) - 2, 1)
        return start, start + relativedelta(months=3, days=-1)
    return None, None
