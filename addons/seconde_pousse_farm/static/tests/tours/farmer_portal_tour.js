/** @odoo-module **/
/* Copyright 2026 Aix-Multi-Services Environnement
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
/**
 * The farmer's main path on the portal, on data built by test_portal_tour.py:
 * new request, see it listed, open the intervention, assess its review and sign it
 * with Odoo's signature form.
 */
import { registry } from "@web/core/registry";

function isoDate(daysFromToday) {
    const day = new Date();
    day.setDate(day.getDate() + daysFromToday);
    const pad = (n) => String(n).padStart(2, "0");
    return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

function setValue(element, value) {
    element.value = value;
    element.dispatchEvent(new Event("input", { bubbles: true }));
    element.dispatchEvent(new Event("change", { bubbles: true }));
}

registry.category("web_tour.tours").add("seconde_pousse_farmer_tour", {
    url: "/my",
    steps: () => [
        {
            content: "Ask for an intervention from the portal home",
            trigger: "a[href='/my/requests/new']",
            run: "click",
        },
        {
            content: "Choose the work wished",
            trigger: ".o_farm_request_form label:contains('Désherbage tour')",
            run: "click",
        },
        {
            content: "Wished from",
            trigger: "input[name='date_from']",
            run() {
                setValue(this.anchor, isoDate(7));
            },
        },
        {
            content: "Wished until",
            trigger: "input[name='date_to']",
            run() {
                setValue(this.anchor, isoDate(14));
            },
        },
        {
            content: "Estimated workload",
            trigger: "input[name='estimated_hours']",
            run: "edit 8",
        },
        {
            content: "Describe the work",
            trigger: "textarea[name='description']",
            run: "edit Désherbage des planches de carottes <b>urgent</b>",
        },
        {
            content: "Equipment provided",
            trigger: "textarea[name='farm_equipment']",
            run: "edit Binettes et brouettes",
        },
        {
            content: "Send the request",
            trigger: ".o_farm_request_submit",
            run: "click",
        },
        {
            content: "The request is created, its text escaped",
            trigger: ".alert-success + .card .o_farm_description:contains('<b>urgent</b>')",
        },
        {
            content: "Back to the list of requests",
            trigger: ".breadcrumb a[href='/my/requests']",
            run: "click",
        },
        {
            content: "The new request is listed",
            trigger: ".o_portal_my_doc_table tbody tr:contains('Désherbage tour')",
        },
        {
            content: "Back to the portal home",
            trigger: ".breadcrumb a[href='/my/home']",
            run: "click",
        },
        {
            content: "Open the interventions",
            trigger: "a[href='/my/interventions']",
            run: "click",
        },
        {
            content: "Open the intervention",
            trigger: ".o_portal_my_doc_table a[href^='/my/interventions/']",
            run: "click",
        },
        {
            content: "The team size is shown",
            trigger: ".o_farm_team_size:contains('3')",
        },
        {
            content: "Open the review to sign",
            trigger: "a.o_farm_review_link",
            run: "click",
        },
        {
            content: "Rate the punctuality",
            trigger: "select[name='rating_punctuality']",
            run: "select 5",
        },
        {
            content: "Add a comment",
            trigger: "textarea[name='farmer_comment']",
            run: "edit Très bon travail, merci à l'équipe.",
        },
        {
            content: "Sign: the assessment is saved, then Odoo's signature form opens",
            trigger: ".o_farm_review_sign",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Give the signer's name in Odoo's signature form",
            trigger: ".modal .o_web_sign_name_input",
            run: "edit Jeanne Exploitante",
        },
        {
            content: "Draw the signature rather than type it",
            trigger: ".modal .o_web_sign_draw_button",
            run: "click",
        },
        {
            content: "Draw the signature",
            trigger: ".modal .o_web_sign_signature",
            run() {
                const canvas = this.anchor;
                const rect = canvas.getBoundingClientRect();
                const fire = (type, x, y) =>
                    canvas.dispatchEvent(
                        new PointerEvent(type, {
                            bubbles: true,
                            cancelable: true,
                            pointerId: 1,
                            isPrimary: true,
                            buttons: 1,
                            clientX: rect.left + x,
                            clientY: rect.top + y,
                        })
                    );
                fire("pointerdown", 20, 40);
                for (let step = 1; step <= 20; step++) {
                    fire("pointermove", 20 + step * 10, 40 + (step % 2 ? 25 : -15));
                }
                fire("pointerup", 220, 40);
            },
        },
        {
            content: "Sign",
            trigger: ".modal .o_portal_sign_submit:enabled",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The review is signed, read-only, its PDF ready",
            trigger: ".o_farm_review_signed:contains('Jeanne Exploitante')",
        },
        {
            trigger: "a.o_farm_review_pdf",
        },
    ],
});
