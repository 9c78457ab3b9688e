# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The statement as a file laid out for entry in the Extranet IAE: one row per employee,
in the order of the extranet's monthly screen, as CSV (semicolons, decimal commas,
French dates, for a spreadsheet in French) and XLSX. Each file is kept on the statement
and its download is logged, as it carries PASS numbers."""

import base64
import csv
import io

import xlsxwriter

from odoo import models


class InsertionAspStatement(models.Model):
    _inherit = "insertion.asp.statement"

    def _asp_export_headers(self):
        _ = self.env._
        return [
            _("Annexe financière"),
            _("Month"),
            _("Employee"),
            _("PASS IAE number"),
            _("Entry date"),
            _("Exit date"),
            _("Exit reason"),
            _("Hours worked"),
            _("Training hours"),
            _("PMSMP hours"),
        ]

    def _asp_export_rows(self):
        """The rows as Python values (dates and floats), in the extranet's order."""
        labels = dict(
            self.env["insertion.asp.statement.line"]
            ._fields["exit_category"]
            ._description_selection(self.env)
        )
        return [
            [
                self.annex_id.number,
                self.month,
                line.employee_name,
                line.pass_iae_number or "",
                line.entry_date,
                line.exit_date or None,
                labels.get(line.exit_category, ""),
                line.hours_worked,
                line.training_hours,
                line.pmsmp_hours,
            ]
            for line in self.line_ids
        ]

    def _asp_export_csv(self):
        def cell(value, column):
            if value is None:
                return ""
            if column == 1:
                return value.strftime("%m/%Y")
            if hasattr(value, "strftime"):
                return value.strftime("%d/%m/%Y")
            if isinstance(value, float):
                return f"{value:.2f}".replace(".", ",")
            return value

        output = io.StringIO()
        writer = csv.writer(output, delimiter=";", lineterminator="\r\n")
        writer.writerow(self._asp_export_headers())
        for row in self._asp_export_rows():
            writer.writerow([cell(value, column) for column, value in enumerate(row)])
        return ("\ufeff" + output.getvalue()).encode("utf-8")

    def _asp_export_xlsx(self):
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = workbook.add_worksheet(self.month.strftime("%Y-%m"))
        bold = workbook.add_format({"bold": True})
        formats = {
            1: workbook.add_format({"num_format": "mm/yyyy"}),
            4: workbook.add_format({"num_format": "dd/mm/yyyy"}),
            5: workbook.add_format({"num_format": "dd/mm/yyyy"}),
        }
        number = workbook.add_format({"num_format": "0.00"})
        headers = self._asp_export_headers()
        sheet.set_column(0, len(headers) - 1, 18)
        sheet.set_column(2, 2, 30)
        sheet.write_row(0, 0, headers, bold)
        rows = self._asp_export_rows()
        for row_index, row in enumerate(rows, start=1):
            for column, value in enumerate(row):
                if hasattr(value, "strftime"):
                    sheet.write_datetime(row_index, column, value, formats[column])
                elif isinstance(value, float):
                    sheet.write_number(row_index, column, value, number)
                elif value is not None:
                    sheet.write(row_index, column, value)
        total = len(rows) + 1
        sheet.write(total, 0, self.env._("Total"), bold)
        for column, value in (
            (7, self.hours_total),
            (8, self.training_hours_total),
            (9, self.pmsmp_hours_total),
        ):
            sheet.write_number(total, column, value, number)
        workbook.close()
        return output.getvalue()

    def _asp_export(self, extension, content, mimetype):
        self.ensure_one()
        name = "releve_asp_{}_{}_v{}.{}".format(
            self.annex_id.number, self.month.strftime("%Y-%m"), self.version, extension
        )
        attachment = self.env["ir.attachment"].create(
            {
                "name": name,
                "res_model": self._name,
                "res_id": self.id,
                "datas": base64.b64encode(content),
                "mimetype": mimetype,
            }
        )
        self.env["insertion.access.log"]._log(
            "export",
            self._name,
            len(self.line_ids),
            self.env._("Monthly statement (%(file)s)", file=name),
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "download",
        }

    def action_export_csv(self):
        return self._asp_export("csv", self._asp_export_csv(), "text/csv")

    def action_export_xlsx(self):
        return self._asp_export(
            "xlsx",
            self._asp_export_xlsx(),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
