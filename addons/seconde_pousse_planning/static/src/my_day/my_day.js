/** @odoo-module **/
/* Copyright 2026 Aix-Multi-Services Environnement
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
/**
 * "Ma journée": the supervisor's day on a phone. Roll-call, hours per person and task,
 * observations, equipment out and back, photos and the farmer's signature, recorded on
 * the phone first and sent when the network allows (see OperationQueue).
 */
import { Component, onMounted, onWillStart, onWillUnmount, useState } from "@odoo/owl";
import { browser } from "@web/core/browser/browser";
import { _t } from "@web/core/l10n/translation";
import { ConnectionLostError } from "@web/core/network/rpc";
import { registry } from "@web/core/registry";
import { SignatureDialog } from "@web/core/signature/signature_dialog";
import { user } from "@web/core/user";
import { useService } from "@web/core/utils/hooks";
import { OperationQueue } from "./my_day_queue";

const RETRY_MS = 20000;

export function toClock(hours) {
    if (!hours) {
        return "";
    }
    const minutes = Math.round(hours * 60);
    return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

export function fromClock(value) {
    if (!value) {
        return 0;
    }
    const [hours, minutes] = value.split(":").map(Number);
    return hours + minutes / 60;
}

/**
 * A phone's photo is several megabytes: what waits offline must fit in the browser's
 * storage, so it is kept as a JPEG of 1600 px at most (a few hundred kB).
 */
export async function shrinkPhoto(file, maxSide = 1600) {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL("image/jpeg", 0.8).split(",")[1];
}

/** Whether two operations record the same thing (the later one replaces the earlier). */
export function sameTarget(first, second) {
    return ["kind", "intervention_id", "assignment_id", "line_id", "booking_id"].every(
        (name) => first[name] === second[name]
    );
}

export class MyDay extends Component {
    static template = "seconde_pousse_planning.MyDay";
    static props = ["*"];

    setup() {
        this.orm = useService("orm");
        this.dialog = useService("dialog");
        this.queue = new OperationQueue(user.userId);
        this.state = useState({
            day: null,
            date: null, // today
            online: browser.navigator.onLine,
            pending: this.queue.pending.length,
            refused: this.queue.refused,
            syncing: false,
            messages: [],
            open: {},
            tab: {},
            notes: {},
        });
        this.onOnline = () => {
            this.state.online = true;
            this.flush();
        };
        this.onOffline = () => {
            this.state.online = false;
        };
        onWillStart(() => this.load());
        onMounted(() => {
            browser.addEventListener("online", this.onOnline);
            browser.addEventListener("offline", this.onOffline);
            this.timer = browser.setInterval(() => this.flush(), RETRY_MS);
            this.flush();
        });
        onWillUnmount(() => {
            browser.removeEventListener("online", this.onOnline);
            browser.removeEventListener("offline", this.onOffline);
            browser.clearInterval(this.timer);
        });
    }

    async load() {
        try {
            this.state.day = await this.orm.silent.call("farm.my.day", "load", [this.state.date]);
            this.queue.saveDay(this.state.day);
        } catch (error) {
            if (!(error instanceof ConnectionLostError)) {
                throw error;
            }
            this.state.online = false;
            this.state.day = this.queue.lastDay() || { interventions: [], day_label: "" };
        }
        // what is still waiting on the phone shows over the server's figures
        for (const operation of this.queue.pending) {
            this.applyLocally(operation);
        }
        const first = this.state.day.interventions[0];
        if (first && !Object.keys(this.state.open).length) {
            this.state.open[first.id] = true;
        }
    }

    async moveDay(days) {
        const day = luxon.DateTime.fromISO(this.state.day.day).plus({ days });
        this.state.date = day.toISODate();
        this.state.open = {};
        await this.load();
    }

    // --- the queue ---

    record(operation) {
        let queued;
        try {
            queued = this.queue.push(operation);
        } catch {
            // the browser's storage is full: nothing is lost that was kept before
            this.state.messages.push({
                status: "error",
                message: _t("The phone has no room left for this: send what is waiting first."),
            });
            return;
        }
        this.applyLocally(queued);
        // typed again: what was refused for the same person, task or booking is corrected
        for (const entry of this.queue.refused) {
            if (sameTarget(entry.operation, queued)) {
                this.queue.forget(entry.operation.key);
            }
        }
        this.state.refused = this.queue.refused;
        this.state.pending = this.queue.pending.length;
        this.queue.saveDay(this.state.day);
        this.flush();
    }

    async flush() {
        const batch = this.queue.pending.slice(0, 50);
        if (this.state.syncing || !batch.length || !browser.navigator.onLine) {
            return;
        }
        this.state.syncing = true;
        try {
            const results = await this.orm.silent.call("farm.my.day", "sync", [batch]);
            const answers = Object.fromEntries(
                results
                    .filter((result) => result.status !== "done")
                    .map((result) => [result.key, result])
            );
            this.queue.refuse(batch, answers);
            this.queue.acknowledge(results.map((result) => result.key));
            this.state.online = true;
        } catch (error) {
            if (error instanceof ConnectionLostError) {
                this.state.online = false;
            } else {
                // the whole batch was refused: each operation stays visible, with the reason
                const message = error.data?.message || error.message;
                this.queue.refuse(
                    batch,
                    Object.fromEntries(
                        batch.map((operation) => [operation.key, { status: "error", message }])
                    )
                );
                this.queue.acknowledge(batch.map((operation) => operation.key));
            }
        } finally {
            this.state.refused = this.queue.refused;
            this.state.syncing = false;
            this.state.pending = this.queue.pending.length;
        }
        if (this.state.online) {
            await this.load();
            if (this.queue.pending.length) {
                this.flush();
            }
        }
    }

    applyLocally(operation) {
        const intervention = this.state.day?.interventions.find(
            (item) => item.id === operation.intervention_id
        );
        if (!intervention) {
            return;
        }
        const member = intervention.team.find((item) => item.id === operation.assignment_id);
        const kinds = {
            attendance: () => {
                Object.assign(member, {
                    attendance: operation.attendance,
                    arrival: operation.arrival_time ?? member.arrival,
                    departure: operation.departure_time ?? member.departure,
                });
                if (operation.attendance === "absent") {
                    member.hours = {};
                }
            },
            hours: () => (member.hours[operation.line_id] = operation.hours),
            observation: () => (member.observation = operation.comment),
            equipment: () => {
                const booking = intervention.bookings.find((b) => b.id === operation.booking_id);
                booking.state = operation.action === "out" ? "checked_out" : "returned";
                booking.condition = operation.condition || booking.condition;
            },
            photo: () => intervention.photos++,
            progress: () => (intervention.state = operation.action === "start" ? "in_progress" : "done"),
            sign: () => (intervention.review = { state: "signed", signer: operation.signer_name }),
        };
        if (member || !operation.assignment_id) {
            kinds[operation.kind]?.();
        }
    }

    // --- what the screen offers ---

    toggle(intervention) {
        this.state.open[intervention.id] = !this.state.open[intervention.id];
    }

    tabOf(intervention) {
        return this.state.tab[intervention.id] || "rollcall";
    }

    get tabs() {
        return [
            ["rollcall", _t("Roll-call")],
            ["hours", _t("Hours")],
            ["notes", _t("Observations")],
            ["equipment", _t("Equipment")],
            ["photos", _t("Photos")],
            ["sign", _t("Signature")],
        ];
    }

    setAttendance(intervention, member, attendance) {
        const arrival = member.arrival || (attendance === "absent" ? 0 : this.startOf(intervention));
        this.record({
            kind: "attendance",
            intervention_id: intervention.id,
            assignment_id: member.id,
            attendance,
            arrival_time: attendance === "absent" ? 0 : arrival,
            departure_time: attendance === "absent" ? 0 : member.departure,
        });
    }

    setTime(intervention, member, field, value) {
        this.record({
            kind: "attendance",
            intervention_id: intervention.id,
            assignment_id: member.id,
            attendance: member.attendance || "present",
            [field]: fromClock(value),
        });
    }

    startOf(intervention) {
        return fromClock(intervention.time.split(" ")[0]);
    }

    setHours(intervention, member, line, value) {
        this.record({
            kind: "hours",
            intervention_id: intervention.id,
            assignment_id: member.id,
            line_id: line.id,
            hours: Math.max(0, parseFloat(String(value).replace(",", ".")) || 0),
        });
    }

    fillPlanned(intervention) {
        for (const member of intervention.team) {
            if (member.attendance === "absent") {
                continue;
            }
            for (const line of intervention.lines) {
                if (member.hours[line.id] === undefined) {
                    this.setHours(intervention, member, line, member.planned[line.id]);
                }
            }
        }
    }

    noteOf(member) {
        if (!this.state.notes[member.id]) {
            this.state.notes[member.id] = { comment: member.observation, skill: "", level: "" };
        }
        return this.state.notes[member.id];
    }

    levelsOf(intervention, member) {
        const skill = intervention.skills.find((s) => String(s.id) === this.noteOf(member).skill);
        return skill ? skill.levels : [];
    }

    saveNote(intervention, member) {
        const note = this.noteOf(member);
        this.record({
            kind: "observation",
            intervention_id: intervention.id,
            assignment_id: member.id,
            comment: note.comment,
            skill_id: note.level ? parseInt(note.skill) : false,
            level_id: note.level ? parseInt(note.level) : false,
        });
        Object.assign(note, { skill: "", level: "", saved: true });
    }

    moveEquipment(intervention, booking, action) {
        const form = this.state.notes[`booking-${booking.id}`] || {};
        this.record({
            kind: "equipment",
            intervention_id: intervention.id,
            booking_id: booking.id,
            action,
            condition: action === "in" ? form.condition || "good" : false,
            note: form.note || "",
        });
    }

    bookingForm(booking) {
        const key = `booking-${booking.id}`;
        this.state.notes[key] ||= { condition: "good", note: "" };
        return this.state.notes[key];
    }

    async addPhoto(intervention, event) {
        for (const file of event.target.files) {
            let data;
            try {
                data = await shrinkPhoto(file);
            } catch {
                this.state.messages.push({
                    status: "error",
                    message: _t("%s is not a picture the phone can read.", file.name),
                });
                continue;
            }
            const name = file.name.replace(/\.[^.]*$/, "") + ".jpg";
            this.record({ kind: "photo", intervention_id: intervention.id, name, data });
        }
        event.target.value = "";
    }

    progress(intervention, action) {
        this.record({ kind: "progress", intervention_id: intervention.id, action });
    }

    openSignature(intervention) {
        this.dialog.add(SignatureDialog, {
            defaultName: intervention.signer,
            nameAndSignatureProps: { displaySignatureRatio: 3, signatureType: "signature" },
            uploadSignature: ({ name, signatureImage }) =>
                this.record({
                    kind: "sign",
                    intervention_id: intervention.id,
                    signer_name: name,
                    signature: signatureImage.split(",")[1],
                    comment: this.state.notes[`sign-${intervention.id}`] || "",
                }),
        });
    }

    dismiss(index) {
        this.state.messages.splice(index, 1);
    }

    /** What a refused operation was, in the supervisor's words: the job, the person, the value. */
    describe(operation) {
        const intervention = this.state.day?.interventions.find(
            (item) => item.id === operation.intervention_id
        );
        const member = intervention?.team.find((item) => item.id === operation.assignment_id);
        const line = intervention?.lines.find((item) => item.id === operation.line_id);
        const kinds = {
            attendance: _t("Roll-call"),
            hours: _t("Hours"),
            observation: _t("Observation"),
            equipment: _t("Equipment"),
            photo: _t("Photo"),
            progress: _t("Start or end"),
            sign: _t("Signature"),
        };
        const attendances = { present: _t("Present"), late: _t("Late"), absent: _t("Absent") };
        const values = {
            attendance: () =>
                [
                    attendances[operation.attendance],
                    toClock(operation.arrival_time),
                    toClock(operation.departure_time),
                ]
                    .filter(Boolean)
                    .join(" "),
            hours: () => `${line ? line.task + " · " : ""}${operation.hours} h`,
        };
        return [
            kinds[operation.kind] || operation.kind,
            intervention?.farm,
            member?.employee,
            values[operation.kind]?.(),
        ]
            .filter(Boolean)
            .join(" · ");
    }

    /** Open the job and the tab where the refused value is typed again. */
    correct(entry) {
        const { operation } = entry;
        const tabs = {
            attendance: "rollcall",
            hours: "hours",
            observation: "notes",
            equipment: "equipment",
            photo: "photos",
            sign: "sign",
        };
        if (operation.intervention_id) {
            this.state.open[operation.intervention_id] = true;
            if (tabs[operation.kind]) {
                this.state.tab[operation.intervention_id] = tabs[operation.kind];
            }
        }
    }

    forget(entry) {
        this.queue.forget(entry.operation.key);
        this.state.refused = this.queue.refused;
    }

    clock(hours) {
        return toClock(hours);
    }
}

registry.category("actions").add("seconde_pousse_planning.my_day", MyDay);
