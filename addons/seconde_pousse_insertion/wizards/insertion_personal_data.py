# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A person's right of access (GDPR, article 15): one ZIP of everything the suite holds
about an insertion employee, a CSV per kind of record in French, their history and
their documents. Made for a counsellor or a coordinator, and logged; only for an
insertion employee, and read with the rights of whoever asks: no field, record, message
or document they cannot read goes into the file."""

import base64
import csv
import io
import zipfile

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import format_date, format_datetime, html2plaintext

from odoo.addons.seconde_pousse_base.models.roles import COUNSELLOR

TECHNICAL = {"id", "create_uid", "write_uid", "write_date", "company_id", "active"}
# (file, model, the field naming the employee): what is about the person
SECTIONS = (
    ("contrats", "hr.contract", "employee_id"),
    ("parcours", "insertion.pathway", "employee_id"),
    ("freins", "insertion.barrier", "employee_id"),
    ("actions", "insertion.action", "employee_id"),
    ("evaluations", "insertion.skill.evaluation", "employee_id"),
    ("competences", "hr.employee.skill", "employee_id"),
    ("heures", "insertion.work.hours", "employee_id"),
    ("pass_suspensions", "insertion.pass.suspension", "employee_id"),
    ("pass_prolongations", "insertion.pass.prolongation", "employee_id"),
    ("releves_asp", "insertion.asp.statement.line", "employee_id"),
)
EMPLOYEE_FIELDS = (
    "name",
    "job_title",
    "work_email",
    "mobile_phone",
    "private_street",
    "private_zip",
    "private_city",
    "private_email",
    "private_phone",
    "birthday",
    "place_of_birth",
    "gender",
    "identification_id",
    "ssnid",
    "passport_id",
    "permit_no",
    "pass_iae_number",
    "pass_iae_start",
    "pass_iae_initial_end",
    "pass_iae_end",
    "social_benefit",
    "unemployment_months",
    "social_situation",
    "referent_counsellor_id",
)


class InsertionPersonalData(models.TransientModel):
    _name = "insertion.personal.data"
    _description = "Right of access: everything held about an employee"

    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        ondelete="cascade",
        domain=[("is_insertion_employee", "=", True)],
    )
    file = fields.Binary(readonly=True, attachment=False)
    filename = fields.Char(readonly=True)

    @api.constrains("employee_id")
    def _check_insertion_employee(self):
        """The right of access answered here is an insertion employee's: the staff's
        HR files are the HR officers' to answer."""
        for export in self:
            if not export.employee_id.sudo().is_insertion_employee:
                raise ValidationError(
                    self.env._(
                        "Employee: %(name)s is not an insertion employee; the right of access of the staff is answered by the HR officers.",  # noqa: E501
                        name=export.employee_id.sudo().name,
                    )
                )

    def _build(self):
        """The ZIP's bytes, read with the rights of whoever asks."""
        self._check_insertion_employee()
        employee = self.employee_id
        employee.check_access("read")
        output = io.BytesIO()
        with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(
                "salarie.csv", self._csv(employee, self._readable(employee, EMPLOYEE_FIELDS))
            )
            records = {"hr.employee": employee}
            for name, model, field in SECTIONS:
                if not self.env[model].has_access("read"):
                    continue
                found = (
                    self.env[model]
                    .with_context(active_test=False)
                    .search([(field, "=", employee.id)])
                )
                records[model] = found
                if found:
                    archive.writestr(f"{name}.csv", self._csv(found, self._exported_fields(found)))
            archive.writestr("historique.csv", self._history(records))
            for attachment in self._attachments(records):
                archive.writestr(
                    f"documents/{attachment.id}-{attachment.name}", attachment.raw or b""
                )
            archive.writestr("LISEZMOI.txt", self._readme(employee))
        return output.getvalue()

    def _readable(self, records, names):
        """The names among `names` of the fields the user may read on `records`."""
        return [
            name
            for name in names
            if name in records._fields and records._fields[name].is_accessible(self.env)
        ]

    def _exported_fields(self, records):
        return [
            name
            for name, field in records._fields.items()
            if field.store
            and field.is_accessible(self.env)
            and name not in TECHNICAL
            and field.type not in ("one2many", "many2many", "binary", "html")
            and not name.startswith(("message_", "activity_"))
        ]

    def _csv(self, records, names):
        output = io.StringIO()
        writer = csv.writer(output, delimiter=";", lineterminator="\r\n")
        fields_ = [records._fields[name] for name in names if name in records._fields]
        writer.writerow([field._description_string(self.env) for field in fields_])
        for record in records:
            writer.writerow([self._cell(record, field) for field in fields_])
        return "\ufeff" + output.getvalue()

    def _cell(self, record, field):
        value = record[field.name]
        if field.type == "boolean":
            return self.env._("Yes") if value else self.env._("No")
        if not value and field.type not in ("integer", "float", "monetary"):
            return ""
        if field.type == "many2one":
            return value.sudo().display_name  # as the web client names a link
        if field.type == "selection":
            return dict(field._description_selection(self.env)).get(value, value)
        if field.type == "date":
            return format_date(self.env, value)
        if field.type == "datetime":
            return format_datetime(self.env, value)
        if field.type in ("float", "monetary"):
            return f"{value:.2f}".replace(".", ",")
        return value

    def _history(self, records):
        domain = ["|"] * (len(records) - 1)
        for model, found in records.items():
            domain += ["&", ("model", "=", model), ("res_id", "in", found.ids)]
        messages = self.env["mail.message"].search(domain, order="date, id")
        output = io.StringIO()
        writer = csv.writer(output, delimiter=";", lineterminator="\r\n")
        _ = self.env._
        writer.writerow([_("Date"), _("Record"), _("Author"), _("Message"), _("Changes")])
        for message in messages:
            changes = ", ".join(
                f"{change['changedField']}: {change['oldValue']['value'] or ''} → "
                f"{change['newValue']['value'] or ''}"
                for change in message.sudo()
                .tracking_value_ids._filter_has_field_access(self.env)
                ._tracking_value_format()
            )
            writer.writerow(
                [
                    format_datetime(self.env, message.date),
                    message.record_name
                    or self.env[message.model].browse(message.res_id).display_name,
                    message.author_id.sudo().display_name or "",
                    html2plaintext(message.body or ""),
                    changes,
                ]
            )
        return "\ufeff" + output.getvalue()

    def _attachments(self, records):
        domain = ["|"] * (len(records) - 1)
        for model, found in records.items():
            domain += ["&", ("res_model", "=", model), ("res_id", "in", found.ids)]
        return self.env["ir.attachment"].search(domain, order="id")

    def _readme(self, employee):
        return self.env._(
            "Everything %(company)s holds about %(name)s in its insertion programme, on "
            "%(date)s (GDPR, article 15): one CSV file per kind of record (semicolons, for a "
            "spreadsheet), historique.csv for the history of the records, documents/ for the "
            "files attached to them.\n",
            company=employee.company_id.name,
            name=employee.name,
            date=format_date(self.env, fields.Date.context_today(self)),
        )

    def action_download(self):
        self.ensure_one()
        if not self.env.user.has_group(COUNSELLOR):
            raise AccessError(
                self.env._("Only counsellors and coordinators answer a right of access.")
            )
        self.write(
            {
                "file": base64.b64encode(self._build()),
                "filename": self.env._(
                    "personal_data_%(name)s.zip",
                    name=self.employee_id.sudo().name.replace(" ", "_"),
                ),
            }
        )
        self.env["insertion.access.log"]._log(
            "export",
            "hr.employee",
            1,
            self.env._("Right of access: %(name)s", name=self.employee_id.sudo().name),
        )
        return {
            "type": "ir.actions.act_url",
            "url": (
                f"/web/content?model={self._name}&id={self.id}&field=file"
                "&filename_field=filename&download=true"
            ),
            "target": "download",
        }
