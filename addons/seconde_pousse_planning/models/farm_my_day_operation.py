# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import binascii

import psycopg2

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_datetime

KINDS = [
    ("attendance", "Roll-call"),
    ("hours", "Hours"),
    ("observation", "Observation"),
    ("equipment", "Equipment"),
    ("photo", "Photo"),
    ("progress", "Start or end"),
    ("sign", "Signature"),
]
MAX_BATCH = 200
MAX_PHOTO_BYTES = 8 * 1024 * 1024


class Conflict(Exception):
    """The operation no longer applies: someone changed the planning meanwhile."""


class FarmMyDayOperation(models.Model):
    """One thing recorded in "Ma journée", kept under the key the phone gave it: sent again
    (the signal dropped before the answer came back), it is answered, never applied twice."""

    _name = "farm.my.day.operation"
    _description = "Operation recorded in the field"
    _order = "id desc"
    _rec_name = "key"

    key = fields.Char(required=True, readonly=True)
    user_id = fields.Many2one("res.users", required=True, readonly=True, index=True)
    kind = fields.Selection(KINDS, required=True, readonly=True)
    intervention_id = fields.Many2one("farm.intervention", readonly=True, index=True)
    status = fields.Selection(
        [("done", "Recorded"), ("conflict", "Conflict"), ("error", "Refused")],
        required=True,
        readonly=True,
    )
    message = fields.Char(readonly=True)

    _sql_constraints = [
        ("key_unique", "UNIQUE (key)", "This operation was already recorded."),
    ]

    @api.model
    def _sync(self, operations):
        if len(operations) > MAX_BATCH:
            raise UserError(_("At most %(max)s operations at once.", max=MAX_BATCH))
        known = {
            op.key: op
            for op in self.sudo().search([("key", "in", [o.get("key") for o in operations])])
        }
        return [
            self._apply_once(operation, known.get(operation.get("key"))) for operation in operations
        ]

    @api.model
    def _apply_once(self, operation, known):
        key, kind = str(operation.get("key") or ""), operation.get("kind")
        if known:
            if known.user_id != self.env.user:
                raise AccessError(_("This operation belongs to someone else."))
            return {
                "key": key,
                "status": known.status,
                "message": known.message or "",
                "again": True,
            }
        if not 8 <= len(key) <= 64 or kind not in dict(KINDS):
            raise UserError(_("Each operation needs a key (8 to 64 characters) and a known kind."))
        try:
            with self.env.cr.savepoint():
                record = self.sudo().create(
                    {"key": key, "user_id": self.env.uid, "kind": kind, "status": "done"}
                )
                record.intervention_id = getattr(self, f"_apply_{kind}")(operation)
                # everything, inside the savepoint: a key sent twice at once fails here
                self.env.flush_all()
            return {"key": key, "status": "done", "message": ""}
        except psycopg2.IntegrityError:
            # the same key, sent twice at once: the other request recorded it
            return {"key": key, "status": "done", "message": "", "again": True}
        except Conflict as conflict:
            status, message = "conflict", str(conflict)
        except (UserError, ValidationError, AccessError) as error:
            status, message = "error", error.args[0]
        self.sudo().create(
            {
                "key": key,
                "user_id": self.env.uid,
                "kind": kind,
                "status": status,
                "message": message,
            }
        )
        return {"key": key, "status": status, "message": message}

    # --- what each operation does, as the user (their rights apply) ---

    def _record(self, model, operation, key):
        """The record the phone names by `key`, if it still exists (archived or not)."""
        return self.env[model].browse(int(operation.get(key) or 0)).exists()

    def _assignment(self, operation):
        assignment = self.with_context(active_test=False)._record(
            "farm.intervention.assignment", operation, "assignment_id"
        )
        if not assignment:
            raise Conflict(_("This person is no longer in the team: nothing was recorded."))
        if not assignment.active or assignment.intervention_id.id != operation.get(
            "intervention_id"
        ):
            raise Conflict(
                _(
                    "%(name)s was taken off the team of %(intervention)s by %(author)s on %(date)s: nothing was recorded for them.",  # noqa: E501
                    name=assignment.employee_id.name,
                    intervention=assignment.intervention_id.name,
                    author=assignment.write_uid.name,
                    date=format_datetime(self.env, assignment.write_date, dt_format="short"),
                )
            )
        return assignment

    def _apply_attendance(self, operation):
        assignment = self._assignment(operation)
        values = {"attendance": operation.get("attendance") or False}
        for name in ("arrival_time", "departure_time"):
            if name in operation:
                values[name] = float(operation[name] or 0.0)
        if values["attendance"] == "absent":
            assignment.hours_ids.unlink()
        assignment.write(values)
        return assignment.intervention_id.id

    def _apply_hours(self, operation):
        assignment = self._assignment(operation)
        line = assignment.intervention_id.line_ids.filtered(
            lambda task: task.id == operation.get("line_id")
        )
        if not line:
            raise Conflict(_("This task is no longer on the intervention: nothing was recorded."))
        hours = float(operation.get("hours") or 0.0)
        record = assignment.hours_ids.filtered(lambda h: h.line_id == line)
        if record:
            record.hours = hours
        else:
            self.env["farm.intervention.hours"].create(
                {"assignment_id": assignment.id, "line_id": line.id, "hours": hours}
            )
        return assignment.intervention_id.id

    def _apply_observation(self, operation):
        assignment = self._assignment(operation)
        comment = (operation.get("comment") or "").strip()
        assignment.observation = comment
        if operation.get("level_id"):
            if not assignment.is_insertion_employee:
                raise UserError(
                    _(
                        "%(name)s is not in an insertion pathway: no skill evaluation.",
                        name=assignment.employee_id.name,
                    )
                )
            self.env["insertion.skill.evaluation"].create(
                {
                    "employee_id": assignment.employee_id.id,
                    "skill_id": int(operation["skill_id"]),
                    "skill_level_id": int(operation["level_id"]),
                    "date": fields.Date.context_today(self),
                    "source": f"farm.intervention,{assignment.intervention_id.id}",
                    "comment": comment,
                }
            )
        return assignment.intervention_id.id

    def _apply_equipment(self, operation):
        booking = self._record("farm.intervention.booking", operation, "booking_id")
        if not booking or not booking.active:
            raise Conflict(_("This booking was cancelled meanwhile: nothing was recorded."))
        if operation.get("action") == "out":
            booking.action_check_out()
        else:
            booking.write(
                {"condition": operation.get("condition"), "condition_note": operation.get("note")}
            )
            booking.action_return()
        return booking.intervention_id.id

    def _intervention(self, operation):
        intervention = self._record("farm.intervention", operation, "intervention_id")
        if not intervention or intervention.state == "cancelled":
            raise Conflict(_("This intervention was cancelled meanwhile: nothing was recorded."))
        return intervention

    def _apply_photo(self, operation):
        intervention = self._intervention(operation)
        try:
            data = base64.b64decode(operation.get("data") or "", validate=True)
        except binascii.Error:
            data = b""
        if not data or len(data) > MAX_PHOTO_BYTES:
            raise UserError(_("Photo: a picture of 8 MB at most."))
        attachment = self.env["ir.attachment"].create(
            {
                "name": operation.get("name") or _("Photo.jpg"),
                "raw": data,
                "res_model": "farm.intervention",
                "res_id": intervention.id,
            }
        )
        if not attachment.mimetype.startswith("image/"):
            raise UserError(_("Photo: the file is not a picture."))
        intervention.message_post(
            body=_("Photo of the work."),
            attachment_ids=attachment.ids,
            subtype_xmlid="mail.mt_note",
        )
        return intervention.id

    def _apply_progress(self, operation):
        intervention = self._intervention(operation)
        if operation.get("action") == "start":
            intervention.action_start()
        else:
            intervention.action_done()
        return intervention.id

    def _apply_sign(self, operation):
        intervention = self._intervention(operation)
        Review = self.env["farm.intervention.review"]
        review = intervention.review_ids[:1] or Review.create({"intervention_id": intervention.id})
        signature = operation.get("signature") or ""
        review._sign(operation.get("signer_name"), signature, operation.get("comment") or None)
        return intervention.id
