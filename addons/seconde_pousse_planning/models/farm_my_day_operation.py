# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import binascii
import io
import math
import re

import psycopg2
from PIL import Image

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.service.model import _as_validation_error
from odoo.tools import format_datetime
from odoo.tools.image import IMAGE_MAX_RESOLUTION, image_fix_orientation

from odoo.addons.seconde_pousse_farm.models.farm_intervention_request import MAX_TEXT

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
MAX_PHOTO_SIDE = 4096  # pixels: a larger picture is scaled down on the server
MAX_NAME = 100  # characters of a signer's or a photo's name
MAX_ID = 2**31 - 1  # PostgreSQL's integer: a larger id is no record's
KEY_PATTERN = re.compile(r"[\w.:-]{8,64}", re.ASCII)
# what a picture may be, whatever its name says: its format, its extension, its mimetype;
# the formats Odoo lets Pillow read (odoo.tools.image), what a phone's camera and canvas make
PHOTO_FORMATS = {
    "JPEG": ("jpg", "image/jpeg"),
    "PNG": ("png", "image/png"),
}
# what Pillow raises on a file that is not an image it can read
IMAGE_ERRORS = (OSError, ValueError, SyntaxError, EOFError, Image.DecompressionBombError)
KEY_CONSTRAINT = "farm_my_day_operation_key_unique"


class Conflict(Exception):
    """The operation no longer applies: someone changed the planning meanwhile."""


class FarmMyDayOperation(models.Model):
    """One thing recorded in "Ma journée", kept under the key the phone gave it: sent again
    (the signal dropped before the answer came back), it is answered, never applied twice.
    Each operation is checked on its own before anything is written: a wrong value is
    refused with its reason, and its neighbours in the batch are still applied."""

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

    # --- the batch ---

    @api.model
    def _sync(self, operations):
        self._check_batch(operations)
        keys = [op["key"] for op in operations if isinstance(op.get("key"), str)]
        known = {op.key: op for op in self.sudo().search([("key", "in", keys)])}
        return [self._apply_once(op, known.get(self._known_key(op))) for op in operations]

    @api.model
    def _check_batch(self, operations):
        """The batch itself: a list of at most MAX_BATCH operations, each a dictionary."""
        if not isinstance(operations, list):
            raise UserError(_("Ma journée: the operations are sent as a list."))
        if len(operations) > MAX_BATCH:
            raise UserError(_("At most %(max)s operations at once.", max=MAX_BATCH))
        for position, operation in enumerate(operations, 1):
            if not isinstance(operation, dict):
                raise UserError(
                    _(
                        "Ma journée: operation no. %(position)s is not an operation (a dictionary of values).",  # noqa: E501
                        position=position,
                    )
                )

    @staticmethod
    def _known_key(operation):
        key = operation.get("key")
        return key if isinstance(key, str) else None

    @api.model
    def _apply_once(self, operation, known):
        key, kind = operation.get("key"), operation.get("kind")
        answer_key = key if isinstance(key, str) else ""
        if not isinstance(key, str) or not KEY_PATTERN.fullmatch(key):
            return self._refused(
                answer_key,
                _(
                    "Key of the operation: 8 to 64 letters, digits or the signs - _ . : are expected."  # noqa: E501
                ),
            )
        if known:
            return self._answer_known(known)
        if not isinstance(kind, str) or kind not in dict(KINDS):
            return self._refused(
                key,
                _(
                    "Kind of the operation: one of %(kinds)s is expected.",
                    kinds=", ".join(dict(KINDS)),
                ),
            )
        try:
            with self.env.cr.savepoint():
                record = self.sudo().create(
                    {"key": key, "user_id": self.env.uid, "kind": kind, "status": "done"}
                )
                self._check_values(kind, operation)
                record.intervention_id = getattr(self, f"_apply_{kind}")(operation)
                # everything, inside the savepoint: a key sent twice at once fails here
                self.env.flush_all()
            return {"key": key, "status": "done", "message": ""}
        except psycopg2.IntegrityError as error:
            if error.diag.constraint_name == KEY_CONSTRAINT:
                # the same key, sent twice at once: the other request recorded it
                return self._answer_twice(key)
            status, message = "error", _as_validation_error(self.env, error).args[0]
        except psycopg2.DataError as error:
            status, message = "error", self._data_error_message(error)
        except Conflict as conflict:
            status, message = "conflict", str(conflict)
        except UserError as error:  # ValidationError and AccessError among them
            status, message = "error", error.args[0]
        return self._record_refusal(key, kind, status, message)

    @api.model
    def _answer_known(self, known):
        if known.user_id != self.env.user:
            return self._refused(known.key, _("This operation belongs to someone else."))
        return {
            "key": known.key,
            "status": known.status,
            "message": known.message or "",
            "again": True,
        }

    @api.model
    def _answer_twice(self, key):
        """The key is recorded already: earlier in this batch (answered as it was), or by
        another request at the same moment (it answers for it)."""
        known = self.sudo().search([("key", "=", key)], limit=1)
        if known:
            return self._answer_known(known)
        return {"key": key, "status": "done", "message": "", "again": True}

    @api.model
    def _record_refusal(self, key, kind, status, message):
        """Kept under its key, so that sending it again gives the same answer."""
        try:
            with self.env.cr.savepoint():
                self.sudo().create(
                    {
                        "key": key,
                        "user_id": self.env.uid,
                        "kind": kind,
                        "status": status,
                        "message": message,
                    }
                )
        except psycopg2.IntegrityError:
            return self._answer_twice(key)
        return {"key": key, "status": status, "message": message}

    @staticmethod
    def _refused(key, message):
        """An answer for an operation that cannot be kept under its key."""
        return {"key": key, "status": "error", "message": message}

    @api.model
    def _data_error_message(self, error):
        return _(
            "A value of the operation cannot be stored (%(reason)s): nothing was recorded.",
            reason=(error.diag.message_primary or "").strip(),
        )

    # --- the values of each kind, checked before anything is written ---

    @api.model
    def _check_values(self, kind, operation):
        """Types and forms of the values the kind uses; the models check their meaning."""
        labels = self._value_labels()
        ids = {
            "attendance": ("intervention_id", "assignment_id"),
            "hours": ("intervention_id", "assignment_id", "line_id"),
            "observation": ("intervention_id", "assignment_id"),
            "equipment": ("intervention_id", "booking_id"),
        }.get(kind, ("intervention_id",))
        for name in ids:
            self._check_id(operation, name, labels[name])
        getattr(self, f"_check_{kind}")(operation, labels)

    @api.model
    def _value_labels(self):
        """The names the refusals give the values, translated once."""
        return {
            "intervention_id": _("Intervention"),
            "assignment_id": _("Team member"),
            "line_id": _("Task"),
            "booking_id": _("Booking"),
            "skill_id": _("Skill"),
            "level_id": _("Skill level"),
            "attendance": _("Roll-call"),
            "arrival_time": _("Arrival"),
            "departure_time": _("Departure"),
            "hours": _("Hours"),
            "comment": _("Comment"),
            "action": _("Action"),
            "condition": _("Condition on return"),
            "note": _("Return notes"),
            "name": _("Photo's name"),
            "data": _("Photo"),
            "signer_name": _("Signed by"),
            "signature": _("Signature"),
        }

    @api.model
    def _check_id(self, operation, name, label, required=True):
        value = operation.get(name)
        if not required and value in (None, False):
            return
        if type(value) is not int or not 0 < value <= MAX_ID:
            raise UserError(
                _(
                    "%(field)s: the number of a record (a whole number above 0) is expected, not %(value)s.",  # noqa: E501
                    field=label,
                    value=self._shown(value),
                )
            )

    @api.model
    def _check_number(self, operation, name, label, required=True):
        value = operation.get(name)
        if not required and value in (None, False):
            return
        if type(value) not in (int, float) or not self._finite(value):
            raise UserError(
                _(
                    "%(field)s: a number is expected, not %(value)s.",
                    field=label,
                    value=self._shown(value),
                )
            )

    @api.model
    def _check_text(self, operation, name, label, size, required=False):
        value = operation.get(name)
        if not required and value in (None, False, ""):
            return
        if not isinstance(value, str) or (required and not value.strip()):
            raise UserError(
                _(
                    "%(field)s: a text is expected, not %(value)s.",
                    field=label,
                    value=self._shown(value),
                )
            )
        if "\x00" in value:
            raise UserError(
                _("%(field)s: the text contains an invalid character (NUL).", field=label)
            )
        if len(value) > size:
            raise UserError(_("%(field)s: %(max)s characters at most.", field=label, max=size))

    @api.model
    def _check_choice(self, operation, name, label, choices, required=True):
        value = operation.get(name)
        if not required and value in (None, False, ""):
            return
        if not isinstance(value, str) or value not in choices:
            raise UserError(
                _(
                    "%(field)s: one of %(choices)s is expected, not %(value)s.",
                    field=label,
                    choices=", ".join(choices),
                    value=self._shown(value),
                )
            )

    @staticmethod
    def _finite(number):
        try:
            return math.isfinite(float(number))
        except OverflowError:  # an integer too large for a float
            return False

    @staticmethod
    def _shown(value):
        """The value as the refusal quotes it: short, and printable."""
        text = repr(value).replace("\x00", "\\x00")
        return text if len(text) <= 40 else f"{text[:37]}..."

    @api.model
    def _check_attendance(self, operation, labels):
        choices = (
            self.env["farm.intervention.assignment"]._fields["attendance"].get_values(self.env)
        )
        self._check_choice(operation, "attendance", labels["attendance"], choices, required=False)
        for name in ("arrival_time", "departure_time"):
            self._check_number(operation, name, labels[name], required=False)

    @api.model
    def _check_hours(self, operation, labels):
        self._check_number(operation, "hours", labels["hours"])

    @api.model
    def _check_observation(self, operation, labels):
        self._check_text(operation, "comment", labels["comment"], MAX_TEXT)
        for name in ("skill_id", "level_id"):
            self._check_id(operation, name, labels[name], required=False)
        if bool(operation.get("skill_id")) != bool(operation.get("level_id")):
            raise UserError(
                _(
                    "Skill evaluation: give both the skill and its level, or neither.",
                )
            )

    @api.model
    def _check_equipment(self, operation, labels):
        self._check_choice(operation, "action", labels["action"], ("out", "in"))
        choices = self.env["farm.intervention.booking"]._fields["condition"].get_values(self.env)
        self._check_choice(
            operation,
            "condition",
            labels["condition"],
            choices,
            required=operation["action"] == "in",
        )
        self._check_text(operation, "note", labels["note"], MAX_TEXT)

    @api.model
    def _check_photo(self, operation, labels):
        # a long name is shortened, not refused (_photo_name)
        self._check_text(operation, "name", labels["name"], MAX_TEXT)
        self._check_text(operation, "data", labels["data"], 2 * MAX_PHOTO_BYTES, required=True)

    @api.model
    def _check_progress(self, operation, labels):
        self._check_choice(operation, "action", labels["action"], ("start", "done"))

    @api.model
    def _check_sign(self, operation, labels):
        self._check_text(operation, "signer_name", labels["signer_name"], MAX_NAME, required=True)
        self._check_text(operation, "signature", labels["signature"], 2 * MAX_PHOTO_BYTES, True)
        self._check_text(operation, "comment", labels["comment"], MAX_TEXT)

    # --- what each operation does, as the user (their rights apply) ---

    def _record(self, model, operation, key):
        """The record the phone names by `key`, if it still exists (archived or not)."""
        return self.env[model].browse(operation.get(key) or 0).exists()

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
            lambda task: task.id == operation["line_id"]
        )
        if not line:
            raise Conflict(_("This task is no longer on the intervention: nothing was recorded."))
        hours = float(operation["hours"])
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
            self._evaluate(assignment, operation, comment)
        return assignment.intervention_id.id

    def _evaluate(self, assignment, operation, comment):
        """A skill evaluation, on a skill the intervention's tasks practise."""
        if not assignment.is_insertion_employee:
            raise UserError(
                _(
                    "%(name)s is not in an insertion pathway: no skill evaluation.",
                    name=assignment.employee_id.name,
                )
            )
        practised = (
            self.env["farm.task.type.skill"]
            .sudo()
            .search([("task_type_id", "in", assignment.intervention_id.line_ids.task_type_id.ids)])
            .skill_id
        )
        if operation["skill_id"] not in practised.ids:
            raise UserError(
                _(
                    "Skill: only a skill that the tasks of %(intervention)s practise is evaluated here.",  # noqa: E501
                    intervention=assignment.intervention_id.name,
                )
            )
        level = self.env["hr.skill.level"].browse(operation["level_id"]).exists()
        if not level:
            raise UserError(_("Skill level: this level no longer exists."))
        self.env["insertion.skill.evaluation"].create(
            {
                "employee_id": assignment.employee_id.id,
                "skill_id": operation["skill_id"],
                "skill_level_id": level.id,
                "date": fields.Date.context_today(self),
                "source": f"farm.intervention,{assignment.intervention_id.id}",
                "comment": comment,
            }
        )

    def _apply_equipment(self, operation):
        booking = self.with_context(active_test=False)._record(
            "farm.intervention.booking", operation, "booking_id"
        )
        if not booking or not booking.active:
            raise Conflict(_("This booking was cancelled meanwhile: nothing was recorded."))
        if booking.intervention_id.id != operation["intervention_id"]:
            raise Conflict(
                _(
                    "%(name)s is booked for %(intervention)s, not for this intervention: nothing was recorded.",  # noqa: E501
                    name=booking.name,
                    intervention=booking.intervention_id.name,
                )
            )
        if operation["action"] == "out":
            booking.action_check_out()
        else:
            booking.write(
                {
                    "condition": operation["condition"],
                    "condition_note": operation.get("note") or False,
                }
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
        content, extension, mimetype = self._photo_content(operation["data"])
        attachment = self.env["ir.attachment"].create(
            {
                "name": f"{self._photo_name(operation.get('name'))}.{extension}",
                "raw": content,
                "mimetype": mimetype,
                "res_model": "farm.intervention",
                "res_id": intervention.id,
            }
        )
        intervention.message_post(
            body=_("Photo of the work."),
            attachment_ids=attachment.ids,
            subtype_xmlid="mail.mt_note",
        )
        return intervention.id

    @api.model
    def _photo_name(self, name):
        """The name the phone gave, without its extension (the content gives it), path
        signs, leading dots or control characters, and MAX_NAME characters at most."""
        base = re.sub(r"[\x00-\x1f/\\]", "", (name or "").rsplit(".", 1)[0]).strip(" .")
        return base[:MAX_NAME].strip(" .") or _("Photo")

    @api.model
    def _photo_content(self, data):
        """(bytes, extension, mimetype) of the picture as the server encodes it again: its
        content decides, not its name. Only a JPEG or PNG picture is accepted; what
        else a file may hold (a script, metadata such as the place it was taken) is left out."""
        try:
            raw = base64.b64decode(data, validate=True)
        except (binascii.Error, ValueError):
            raw = b""
        if not raw or len(raw) > MAX_PHOTO_BYTES:
            raise UserError(_("Photo: a picture of 8 MB at most."))
        try:
            with Image.open(io.BytesIO(raw)) as image:
                if image.format not in PHOTO_FORMATS:
                    raise UserError(self._not_a_picture())
                if image.width * image.height > IMAGE_MAX_RESOLUTION:
                    raise UserError(
                        _(
                            "Photo: %(max)s million pixels at most.",
                            max=int(IMAGE_MAX_RESOLUTION / 1e6),
                        )
                    )
                image.load()
                return self._encode_photo(image_fix_orientation(image), image.format)
        except IMAGE_ERRORS as error:
            raise UserError(self._not_a_picture()) from error

    @api.model
    def _not_a_picture(self):
        return _("Photo: the file is not a picture (JPEG or PNG).")

    @staticmethod
    def _encode_photo(image, source_format):
        image.thumbnail((MAX_PHOTO_SIDE, MAX_PHOTO_SIDE))
        extension, mimetype = PHOTO_FORMATS[source_format]
        output = io.BytesIO()
        if source_format == "JPEG":
            image.convert("RGB").save(output, "JPEG", quality=85)
        else:
            mode = "RGBA" if "A" in image.mode or "transparency" in image.info else "RGB"
            image.convert(mode).save(output, source_format)
        return output.getvalue(), extension, mimetype

    def _apply_progress(self, operation):
        intervention = self._intervention(operation)
        if operation["action"] == "start":
            intervention.action_start()
        else:
            intervention.action_done()
        return intervention.id

    def _apply_sign(self, operation):
        intervention = self._intervention(operation)
        Review = self.env["farm.intervention.review"]
        review = intervention.review_ids[:1] or Review.create({"intervention_id": intervention.id})
        review._sign(
            operation["signer_name"], operation["signature"], operation.get("comment") or None
        )
        return intervention.id
