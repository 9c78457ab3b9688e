/** @odoo-module **/
/* Copyright 2026 Aix-Multi-Services Environnement
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
/**
 * What the supervisor records in "Ma journée" waits on the phone (localStorage) until the
 * server has answered it: a dropped signal loses nothing. Each operation carries a key the
 * server records with it, so sending it again never applies it twice.
 */
import { browser } from "@web/core/browser/browser";

const PREFIX = "seconde_pousse.my_day";

export function newKey() {
    const random = Math.random().toString(36).slice(2, 12);
    return `${Date.now().toString(36)}-${random}-${Math.random().toString(36).slice(2, 8)}`;
}

export class OperationQueue {
    constructor(userId) {
        this.storageKey = `${PREFIX}.queue.${userId}`;
        this.dataKey = `${PREFIX}.day.${userId}`;
        this.refusedKey = `${PREFIX}.refused.${userId}`;
    }

    get pending() {
        try {
            return JSON.parse(browser.localStorage.getItem(this.storageKey) || "[]");
        } catch {
            return [];
        }
    }

    set pending(operations) {
        browser.localStorage.setItem(this.storageKey, JSON.stringify(operations));
    }

    push(operation) {
        const queued = { key: newKey(), ...operation };
        this.pending = [...this.pending, queued];
        return queued;
    }

    /** Drop the operations the server answered (whatever the answer). */
    acknowledge(keys) {
        const answered = new Set(keys);
        this.pending = this.pending.filter((operation) => !answered.has(operation.key));
    }

    /**
     * What the server refused or found in conflict stays on the phone, with the reason,
     * until the supervisor has seen it and corrected it: it is never dropped silently.
     */
    get refused() {
        try {
            return JSON.parse(browser.localStorage.getItem(this.refusedKey) || "[]");
        } catch {
            return [];
        }
    }

    set refused(entries) {
        browser.localStorage.setItem(this.refusedKey, JSON.stringify(entries));
    }

    /** Keep these operations as refused, each with its answer ({key: {status, message}}). */
    refuse(operations, answers) {
        const known = new Set(this.refused.map((entry) => entry.operation.key));
        const entries = operations
            .filter((operation) => answers[operation.key] && !known.has(operation.key))
            .map((operation) => ({
                operation,
                status: answers[operation.key].status,
                message: answers[operation.key].message,
            }));
        try {
            this.refused = [...this.refused, ...entries];
        } catch {
            // the storage is full: without the photo's data, the refusal itself is kept
            this.refused = [
                ...this.refused,
                ...entries.map((entry) => ({
                    ...entry,
                    operation: { ...entry.operation, data: undefined, signature: undefined },
                })),
            ];
        }
    }

    /** The supervisor has seen it (and corrected it, or let it go). */
    forget(key) {
        this.refused = this.refused.filter((entry) => entry.operation.key !== key);
    }

    saveDay(day) {
        browser.localStorage.setItem(this.dataKey, JSON.stringify(day));
    }

    lastDay() {
        try {
            return JSON.parse(browser.localStorage.getItem(this.dataKey) || "null");
        } catch {
            return null;
        }
    }
}
