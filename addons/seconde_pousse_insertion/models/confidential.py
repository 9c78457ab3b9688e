# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Files and messages of the records that hold social data.

A pathway, its barriers, actions and skill evaluations, and an insertion employee's own
record, can carry a social review, a doctor's note, a debt plan. Odoo lets whoever reads
a record read its attachments and chatter: supervisors read pathways and evaluations, HR
officers read employees. Here, only insertion counsellors (and coordinators, who are
counsellors too) read the files and messages of these records, through every route that
searches or reads attachments and messages (RPC, /web/content, the chatter, exports).
What a person attached or wrote themselves stays theirs.
"""

from odoo.osv import expression

from odoo.addons.seconde_pousse_base.models.roles import COUNSELLOR

CONFIDENTIAL_MODELS = (
    "insertion.pathway",
    "insertion.barrier",
    "insertion.action",
    "insertion.skill.evaluation",
)


def reads_confidential(env):
    return env.su or env.user.has_group(COUNSELLOR)


def _insertion_employees(env, domain=()):
    """The query of the insertion employees (archived too) matching domain, whoever asks."""
    employees = env["hr.employee"].sudo().with_context(active_test=False)
    return employees._search([("is_insertion_employee", "=", True), *domain])


def not_confidential_domain(env, model_field, id_field):
    """The documents outside the confidential ones: not of a confidential model, and not
    the employee record of an insertion employee."""
    insertion_employees = _insertion_employees(env)
    return [
        (model_field, "not in", CONFIDENTIAL_MODELS),
        "|",
        (model_field, "!=", "hr.employee"),
        (id_field, "not in", insertion_employees),
    ]


def visible_domain(env, model_field, id_field, own_condition):
    """What a user who is not a counsellor may see: their own, or not confidential."""
    return expression.OR([[own_condition], not_confidential_domain(env, model_field, id_field)])


def confidential_targets(env, pairs):
    """Of (model, res_id) pairs, those that are confidential documents."""
    employee_ids = {res_id for model, res_id in pairs if model == "hr.employee" and res_id}
    insertion = set(_insertion_employees(env, [("id", "in", list(employee_ids))]))
    return {
        (model, res_id)
        for model, res_id in pairs
        if model in CONFIDENTIAL_MODELS or (model == "hr.employee" and res_id in insertion)
    }
