/** @odoo-module **/
/* Copyright 2026 Aix-Multi-Services Environnement
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
/**
 * A supervisor's whole day on a phone, on data built by test_my_day_tour.py: start the job,
 * roll-call, hours and an observation with the network cut (test_my_day_tour.py switches
 * it off and on through the DevTools protocol when asked on the console), then equipment
 * back with damage, the work done and the farmer's signature.
 */
import { registry } from "@web/core/registry";

const member = (name, selector) => `.o_sp_member[data-name='${name}'] ${selector}`;
function setValue(element, value) {
    element.value = value;
    element.dispatchEvent(new Event("input", { bubbles: true }));
    element.dispatchEvent(new Event("change", { bubbles: true }));
}

const hours = (name) => `.o_sp_member_hours[data-name='${name}'] input.o_sp_hours`;

registry.category("web_tour.tours").add("seconde_pousse_my_day_tour", {
    url: "/odoo/ma-journee",
    steps: () => [
        {
            content: "The screen speaks French",
            trigger: ".o_sp_my_day h1:contains('Ma journée')",
        },
        {
            trigger: ".o_sp_tabs [data-tab='rollcall']:contains('Appel')",
        },
        {
            content: "Today's job is on the screen, opened",
            trigger: ".o_sp_intervention:contains('Ferme du Tour') .o_sp_start",
            run: "click",
        },
        {
            content: "The job has started, and everything is sent",
            trigger: ".o_sp_intervention .o_sp_done",
        },
        {
            trigger: ".o_sp_synced",
        },
        {
            content: "The signal drops",
            trigger: ".o_sp_my_day",
            run() {
                console.log("sp:network:off");
            },
        },
        {
            content: "The phone knows it is offline",
            trigger: ".o_sp_offline",
        },
        {
            content: "Amina is here",
            trigger: member("Amina Salariée", ".o_sp_present"),
            run: "click",
        },
        {
            content: "Bruno comes late",
            trigger: member("Bruno Salarié", ".o_sp_late"),
            run: "click",
        },
        {
            content: "at 08:30",
            trigger: member("Bruno Salarié", "input.o_sp_departure"),
        },
        {
            trigger: member("Bruno Salarié", "input.o_sp_arrival"),
            run() {
                setValue(this.anchor, "08:30");
            },
        },
        {
            content: "Chloé is absent",
            trigger: member("Chloé Salariée", ".o_sp_absent"),
            run: "click",
        },
        {
            content: "Kept on the phone",
            trigger: ".o_sp_pending:contains('4')",
        },
        {
            content: "Hours, task by task",
            trigger: ".o_sp_tabs [data-tab='hours']",
            run: "click",
        },
        {
            trigger: hours("Amina Salariée"),
            run() {
                setValue(this.anchor, "4.5");
            },
        },
        {
            trigger: hours("Bruno Salarié"),
            run() {
                setValue(this.anchor, "3.75");
            },
        },
        {
            content: "Chloé, absent, has no hours to type",
            trigger: ".o_sp_my_day:not(:has(.o_sp_member_hours[data-name='Chloé Salariée']))",
        },
        {
            content: "An observation for Amina",
            trigger: ".o_sp_tabs [data-tab='notes']",
            run: "click",
        },
        {
            trigger: ".o_sp_member_note[data-name='Amina Salariée'] textarea",
            run: "edit Coupes nettes, gestes sûrs",
        },
        {
            trigger: ".o_sp_member_note[data-name='Amina Salariée'] select.o_sp_skill",
            run: "selectByLabel Taille des arbres test",
        },
        {
            trigger: ".o_sp_member_note[data-name='Amina Salariée'] select.o_sp_level:enabled",
            run: "selectByLabel Autonome test",
        },
        {
            trigger: ".o_sp_member_note[data-name='Amina Salariée'] .o_sp_save_note",
            run: "click",
        },
        {
            content: "Seven things wait on the phone",
            trigger: ".o_sp_pending:contains('7')",
        },
        {
            content: "The signal comes back",
            trigger: ".o_sp_offline",
            run() {
                console.log("sp:network:on");
            },
        },
        {
            content: "Everything is sent",
            trigger: ".o_sp_online ~ .o_sp_synced",
        },
        {
            content: "A slip of the thumb: 30 hours for Amina",
            trigger: ".o_sp_tabs [data-tab='hours']",
            run: "click",
        },
        {
            trigger: hours("Amina Salariée"),
            run() {
                setValue(this.anchor, "30");
            },
        },
        {
            content: "Refused, with the reason, and kept on the screen to be corrected",
            trigger: ".o_sp_refused:contains('Amina Salariée'):contains('24 heures au plus')",
        },
        {
            trigger: ".o_sp_refused .o_sp_correct",
            run: "click",
        },
        {
            trigger: hours("Amina Salariée"),
            run() {
                setValue(this.anchor, "4.5");
            },
        },
        {
            content: "Typed again: the refusal goes",
            trigger: ".o_sp_my_day:not(:has(.o_sp_refused))",
        },
        {
            trigger: ".o_sp_synced",
        },
        {
            content: "The trimmer goes back",
            trigger: ".o_sp_tabs [data-tab='equipment']",
            run: "click",
        },
        {
            trigger: ".o_sp_booking:contains('Débroussailleuse test') .o_sp_check_out",
            run: "click",
        },
        {
            trigger: ".o_sp_booking select.o_sp_condition",
            run: "select damaged",
        },
        {
            trigger: ".o_sp_booking textarea.o_sp_condition_note",
            run: "edit Lame fendue",
        },
        {
            trigger: ".o_sp_booking .o_sp_check_in",
            run: "click",
        },
        {
            trigger: ".o_sp_booking .o_sp_returned",
        },
        {
            content: "A photo of the work, from the phone's camera",
            trigger: ".o_sp_tabs [data-tab='photos']",
            run: "click",
        },
        {
            trigger: "input.o_sp_photo_input:not(:visible)",
            async run() {
                const canvas = document.createElement("canvas");
                canvas.width = 2400;
                canvas.height = 1800;
                const context = canvas.getContext("2d");
                context.fillStyle = "#2e7d32";
                context.fillRect(0, 0, 2400, 1800);
                const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/png"));
                const transfer = new DataTransfer();
                transfer.items.add(new File([blob], "haie-taillee.png", { type: "image/png" }));
                this.anchor.files = transfer.files;
                this.anchor.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        {
            trigger: ".o_sp_photo_count:contains('1')",
        },
        {
            trigger: ".o_sp_synced",
        },
        {
            content: "The work is done",
            trigger: ".o_sp_intervention .o_sp_done",
            run: "click",
        },
        {
            trigger: ".o_sp_intervention:not(:has(.o_sp_done))",
        },
        {
            content: "The farmer signs on the same phone",
            trigger: ".o_sp_tabs [data-tab='sign']",
            run: "click",
        },
        {
            trigger: "textarea.o_sp_farmer_comment",
            run: "edit Merci à toute l'équipe",
        },
        {
            trigger: ".o_sp_sign",
            run: "click",
        },
        {
            trigger: ".modal .o_web_sign_name_input",
            run: "edit Jeanne Martin",
        },
        {
            trigger: ".modal .modal-footer .btn-primary:enabled",
            run: "click",
        },
        {
            content: "Signed",
            trigger: ".o_sp_signed:contains('Jeanne Martin')",
        },
        {
            trigger: ".o_sp_synced",
        },
    ],
});
