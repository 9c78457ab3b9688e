# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The right of access: only an insertion employee's, and never a field, record or
message the counsellor who answers it cannot read herself."""

import io
import zipfile
from base64 import b64decode

from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged

from ..wizards.insertion_personal_data import SECTIONS
from .common import InsertionCommon


@tagged("post_install", "-at_install")
class TestPersonalData(InsertionCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="fr_FR", tracking_disable=False))
        cls.staff = cls.env["hr.employee"].create(
            {"name": "Julien Roche (test)", "user_id": cls.supervisor.id}
        )

    def download(self, employee, user):
        action = employee.with_user(user).action_personal_data()
        wizard_id = int(action["url"].split("id=")[1].split("&")[0])
        wizard = self.env["insertion.personal.data"].browse(wizard_id)
        return zipfile.ZipFile(io.BytesIO(b64decode(wizard.file)))

    def test_a_staff_members_file_is_refused(self):
        """A supervisor is no insertion employee: the counsellor gets no file of him,
        through the wizard or the employee's button, and is told why in French."""
        Export = self.env["insertion.personal.data"].with_user(self.counsellor)
        with self.assertRaises(ValidationError) as caught:
            Export.create({"employee_id": self.staff.id})
        self.assertIn("n'est pas un salarié en insertion", str(caught.exception))
        with self.assertRaises(ValidationError) as caught:
            self.staff.with_user(self.counsellor).action_personal_data()
        self.assertIn("Julien Roche (test)", str(caught.exception))
        export = Export.create({"employee_id": self.employee.id})
        with self.assertRaises(ValidationError) as caught:
            export.write({"employee_id": self.staff.id})
        self.assertIn("n'est pas un salarié en insertion", str(caught.exception))

    def test_generation_checks_the_employee_again(self):
        export = (
            self.env["insertion.personal.data"]
            .with_user(self.counsellor)
            .create({"employee_id": self.employee.id})
        )
        self.employee.is_insertion_employee = False
        with self.assertRaises(ValidationError) as caught:
            export.action_download()
        self.assertIn("Karim Benali", str(caught.exception))
        self.assertFalse(export.file)

    def unreadable_char_fields(self, model, user):
        """The stored text fields of `model` that `user` may not read, writable ones."""
        env = self.env(user=user)
        return [
            name
            for name, field in self.env[model]._fields.items()
            if field.type == "char"
            and field.store
            and not field.compute
            and not field.related
            and not field.is_accessible(env)
        ]

    def test_the_file_holds_nothing_the_counsellor_cannot_read(self):
        """Every text field of the employee and of their records that the counsellor may
        not read gets a marked value (the fields read from the models); none is in the
        file, nor in its history. What she reads is."""
        models = {"hr.employee": self.employee, "hr.contract": self.contract}
        markers = {}
        for model, record in models.items():
            names = self.unreadable_char_fields(model, self.counsellor)
            # digits: a PIN takes only those; unique in the file
            values = {
                name: f"7{len(markers) + index:03d}314159" for index, name in enumerate(names)
            }
            record.write(values)
            markers.update({value: f"{model}.{name}" for name, value in values.items()})
        self.assertGreater(len(markers), 5)
        self.assertTrue(
            {"hr.employee.private_street", "hr.employee.ssnid"} <= set(markers.values())
        )
        self.env.flush_all()
        self.env.cr.precommit.run()  # the tracked changes reach the history
        archive = self.download(self.employee, self.counsellor)
        content = "\n".join(
            archive.read(name).decode("utf-8-sig", errors="replace") for name in archive.namelist()
        )
        self.assertEqual([field for value, field in markers.items() if value in content], [])
        self.assertIn("999992512345", content)  # the PASS IAE number is hers to read
        self.assertIn("Karim Benali", archive.read("salarie.csv").decode("utf-8-sig"))

    def test_the_headers_name_only_readable_fields(self):
        """Each CSV's columns are fields the counsellor may read, on every model."""
        archive = self.download(self.employee, self.counsellor)
        files = {"salarie.csv": "hr.employee", **{f"{n}.csv": m for n, m, _f in SECTIONS}}
        env = self.env(user=self.counsellor)
        checked = 0
        for name in archive.namelist():
            if name not in files:
                continue
            header = archive.read(name).decode("utf-8-sig").splitlines()[0].split(";")
            fields_ = self.env[files[name]]._fields.values()
            readable = {f._description_string(self.env) for f in fields_ if f.is_accessible(env)}
            hidden = {f._description_string(self.env) for f in fields_ if not f.is_accessible(env)}
            self.assertEqual(set(header) & (hidden - readable), set(), name)
            checked += 1
        self.assertGreaterEqual(checked, 3)
