# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from xmlrpc.client import Fault

from odoo.tests import HttpCase, new_test_user, tagged

from .common import InsertionCommon

SOCIAL_REVIEW = base64.b64encode(b"Bilan social : dettes, logement precaire.")


@tagged("post_install", "-at_install")
class TestConfidentialDocuments(InsertionCommon, HttpCase):
    """Files and chatter of pathways, barriers, actions, evaluations and insertion
    employees: counsellors and coordinators only, through RPC, HTTP and the chatter."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer = new_test_user(
            cls.env, login="ins_doc_officer", groups="base.group_user,hr.group_hr_user"
        )
        barrier = cls.env["insertion.barrier"].create(
            {"pathway_id": cls.pathway.id, "barrier_type": "housing", "name": "Logement"}
        )
        evaluation = cls.env["insertion.skill.evaluation"].create(
            {
                "employee_id": cls.employee.id,
                "skill_id": cls.skill_weeding.id,
                "skill_level_id": cls.level_beginner.id,
                "evaluator_id": cls.supervisor.id,
            }
        )
        cls.documents = cls.env["ir.attachment"]
        cls.notes = cls.env["mail.message"]
        for record in (cls.pathway, barrier, evaluation, cls.employee):
            as_counsellor = record.with_user(cls.counsellor)
            cls.documents |= (
                cls.env["ir.attachment"]
                .with_user(cls.counsellor)
                .create(
                    {
                        "name": f"bilan-{record._name}.txt",
                        "datas": SOCIAL_REVIEW,
                        "res_model": record._name,
                        "res_id": record.id,
                    }
                )
            )
            if hasattr(record, "message_post"):  # the records with a chatter
                cls.notes |= as_counsellor.message_post(
                    body="Entretien : situation de logement", message_type="comment"
                )
        cls.pathway_document = cls.documents[0]
        cls.other_employee = cls.env["hr.employee"].create({"name": "Paul Comptable"})
        cls.staff_document = cls.env["ir.attachment"].create(
            {
                "name": "fiche-poste.txt",
                "datas": base64.b64encode(b"fiche"),
                "res_model": "hr.employee",
                "res_id": cls.other_employee.id,
            }
        )

    def call(self, user, model, method, *args, **kwargs):
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname, user.id, user.login, model, method, list(args), kwargs
        )

    def test_supervisor_and_hr_officer_cannot_list_or_read_the_files(self):
        for user in (self.supervisor, self.officer):
            with self.subTest(user=user.login):
                found = self.call(user, "ir.attachment", "search_read", [], fields=["name"])
                self.assertFalse({row["id"] for row in found} & set(self.documents.ids))
                for document in self.documents:
                    with self.assertRaises(Fault) as error:
                        self.call(user, "ir.attachment", "read", [document.id], ["datas"])
                    self.assertNotIn(SOCIAL_REVIEW.decode(), error.exception.faultString)
                    self.assertIn("ir.attachment", error.exception.faultString)

    def test_counsellor_and_coordinator_read_the_files(self):
        for user in (self.counsellor, self.coordinator):
            with self.subTest(user=user.login):
                found = self.call(
                    user,
                    "ir.attachment",
                    "search_read",
                    [("id", "in", self.documents.ids)],
                    fields=["name", "datas"],
                )
                self.assertEqual({row["id"] for row in found}, set(self.documents.ids))
                self.assertEqual(found[0]["datas"], SOCIAL_REVIEW.decode())

    def test_hr_officer_keeps_the_files_of_other_employees(self):
        found = self.call(
            self.officer,
            "ir.attachment",
            "search_read",
            [("res_model", "=", "hr.employee")],
            fields=["name"],
        )
        self.assertIn(self.staff_document.id, {row["id"] for row in found})

    def test_supervisor_cannot_download_the_file(self):
        self.authenticate("ins_supervisor", "ins_supervisor")
        response = self.url_open(f"/web/content/{self.pathway_document.id}?download=true")
        self.assertNotEqual(response.status_code, 200)
        self.assertNotIn(b"dettes", response.content)
        self.authenticate("ins_counsellor", "ins_counsellor")
        response = self.url_open(f"/web/content/{self.pathway_document.id}?download=true")
        self.assertEqual(response.status_code, 200)
        self.assertIn(b"dettes", response.content)

    def test_supervisor_exports_no_note_and_gets_no_image(self):
        exported = self.call(
            self.supervisor,
            "insertion.pathway",
            "export_data",
            [self.pathway.id],
            ["name", "message_ids/body"],
        )
        self.assertTrue(exported["datas"])
        self.assertNotIn("situation de logement", str(exported))
        self.authenticate("ins_supervisor", "ins_supervisor")
        response = self.url_open(f"/web/image/{self.pathway_document.id}")
        self.assertNotIn(b"dettes", response.content)

    def test_supervisor_sees_no_note_or_file_in_the_pathway_chatter(self):
        self.authenticate("ins_supervisor", "ins_supervisor")
        data = self.make_jsonrpc_request(
            "/mail/thread/data",
            {
                "thread_model": "insertion.pathway",
                "thread_id": self.pathway.id,
                "request_list": ["attachments"],
            },
        )
        self.assertNotIn("dettes", str(data))
        self.assertNotIn(self.pathway_document.name, str(data))
        messages = self.make_jsonrpc_request(
            "/mail/thread/messages",
            {"thread_model": "insertion.pathway", "thread_id": self.pathway.id},
        )
        self.assertNotIn("situation de logement", str(messages))

    def test_supervisor_and_hr_officer_cannot_read_the_notes(self):
        for user in (self.supervisor, self.officer):
            with self.subTest(user=user.login):
                found = self.call(user, "mail.message", "search_read", [], fields=["body"])
                self.assertFalse({row["id"] for row in found} & set(self.notes.ids))
                with self.assertRaises(Fault) as caught:
                    self.call(user, "mail.message", "read", self.notes[:1].ids, ["body"])
                self.assertIn("(Type de document : Message", str(caught.exception))
        found = self.call(
            self.counsellor,
            "mail.message",
            "search_read",
            [("id", "in", self.notes.ids)],
            fields=["body"],
        )
        self.assertEqual(len(found), len(self.notes))

    def test_supervisor_keeps_what_they_attach_to_their_evaluation(self):
        evaluation = self.env["insertion.skill.evaluation"].search(
            [("evaluator_id", "=", self.supervisor.id)], limit=1
        )
        mine = (
            self.env["ir.attachment"]
            .with_user(self.supervisor)
            .create(
                {
                    "name": "photo-haie.txt",
                    "datas": base64.b64encode(b"photo"),
                    "res_model": evaluation._name,
                    "res_id": evaluation.id,
                }
            )
        )
        found = self.call(
            self.supervisor,
            "ir.attachment",
            "search_read",
            [("res_id", "=", evaluation.id), ("res_model", "=", evaluation._name)],
            fields=["name"],
        )
        self.assertEqual([row["id"] for row in found], mine.ids)
