import { acknowledge, resolve, type Alert, type Role } from "./api";
import { SEVERITY_COLOURS } from "./palette";
import { formatDateTime, formatTime } from "./time";

const ORDER = { critical: 0, high: 1, medium: 2, low: 3 } as const;

/** The alert panel: sorted by severity then time, keyboard-operable, role-aware. */
export class AlertPanel {
  private alerts: Alert[] = [];
  private selected: number | null = null;

  constructor(
    private readonly list: HTMLOListElement,
    private readonly count: HTMLElement,
    private readonly details: HTMLElement,
    private readonly role: () => Role | null,
    private readonly changed: () => void,
    private readonly onSelect: (a: Alert) => void,
  ) {
    list.addEventListener("keydown", (e) => this.key(e));
  }

  show(alerts: Alert[]): void {
    this.alerts = alerts
      .filter((a) => a.status !== "resolved")
      .sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || b.raised_at.localeCompare(a.raised_at));
    this.render();
  }

  private canAct(): boolean {
    const r = this.role();
    return r === "operator" || r === "admin";
  }

  /** Draws the list again (e.g. when the time zone changes). */
  render(): void {
    const focusedId = (document.activeElement as HTMLElement | null)?.dataset?.alertId;
    this.count.textContent = `(${this.alerts.length} open)`;
    if (this.alerts.length === 0) {
      const empty = document.createElement("li");
      empty.className = "empty";
      empty.textContent = "No open alerts.";
      this.list.replaceChildren(empty);
    } else {
      this.list.replaceChildren(...this.alerts.map((a) => this.item(a)));
    }
    if (focusedId) {
      (this.list.querySelector(`[data-alert-id="${focusedId}"]`) as HTMLElement | null)?.focus();
    }
  }

  private item(a: Alert): HTMLLIElement {
    const li = document.createElement("li");
    li.className = `alert ${a.status}`;
    li.tabIndex = 0;
    li.dataset.testid = "alert-item";
    li.setAttribute("data-testid", "alert-item");
    li.dataset.alertId = String(a.id);
    li.dataset.status = a.status;
    li.setAttribute("aria-selected", String(this.selected === a.id));
    const badge = document.createElement("span");
    badge.className = "severity";
    badge.style.background = SEVERITY_COLOURS[a.severity];
    badge.textContent = a.severity.toUpperCase();
    const text = document.createElement("span");
    text.className = "text";
    const time = formatTime(a.raised_at);
    // An alert from a coverage gap says so: the sensors there may miss what comes next.
    const where = a.coverage === "gap" ? " · in a coverage gap" : "";
    text.textContent = `${a.rule.replace(/_/g, " ")} · ${a.sector ?? "—"}${where} · ${time}: ${a.message}`;
    if (a.coverage) {
      li.dataset.coverage = a.coverage;
    }
    const state = document.createElement("span");
    state.className = "state";
    state.textContent = a.status === "acknowledged" ? `acknowledged by ${a.acknowledged_by}` : a.escalated ? "escalated" : "new";
    li.append(badge, text, state);
    if (this.canAct()) {
      if (a.status === "new") {
        const ack = button("Acknowledge", "ack-button", () => this.ack(a));
        li.append(ack);
      }
      const res = button("Resolve…", "resolve-button", () => this.resolveDialog(a));
      li.append(res);
    }
    li.addEventListener("click", () => this.select(a));
    return li;
  }

  private select(a: Alert): void {
    this.selected = a.id;
    this.details.replaceChildren();
    const rows: [string, string][] = [
      ["Alert", `#${a.id} ${a.rule.replace(/_/g, " ")}`],
      ["Severity", a.severity],
      ["Subject", a.subject],
      ["Sector", a.sector ?? "—"],
      ["Coverage", a.coverage === "gap" ? "in a coverage gap" : a.coverage === "covered" ? "covered by sensors" : "not computed"],
      ["Raised", formatDateTime(a.raised_at)],
      ["Status", a.status + (a.acknowledge_note ? ` (“${a.acknowledge_note}”)` : "")],
      ["Seen", `${a.occurrences}×`],
    ];
    const dl = document.createElement("dl");
    for (const [k, v] of rows) {
      const dt = document.createElement("dt");
      dt.textContent = k;
      const dd = document.createElement("dd");
      dd.textContent = v;
      dl.append(dt, dd);
    }
    this.details.append(dl);
    this.onSelect(a);
  }

  private async ack(a: Alert): Promise<void> {
    const note = window.prompt(`Acknowledge alert #${a.id}: note (optional)`, "") ?? "";
    await acknowledge(a.id, note);
    this.changed();
  }

  private async resolveDialog(a: Alert): Promise<void> {
    const reason = window.prompt(`Resolve alert #${a.id}: confirmed, false_alarm or duplicate`, "confirmed");
    if (!reason) return;
    await resolve(a.id, reason.trim(), "");
    this.changed();
  }

  private async key(e: KeyboardEvent): Promise<void> {
    const items = [...this.list.querySelectorAll<HTMLElement>("li.alert")];
    const i = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const next = items[Math.max(0, Math.min(items.length - 1, i + (e.key === "ArrowDown" ? 1 : -1)))];
      next?.focus();
      return;
    }
    if (i < 0 || !this.canAct()) return;
    const a = this.alerts.find((x) => String(x.id) === items[i].dataset.alertId);
    if (!a) return;
    if (e.key === "Enter" && a.status === "new") {
      e.preventDefault();
      await acknowledge(a.id, "");
      this.changed();
    } else if (e.key === "r" || e.key === "R" || e.key === "f" || e.key === "F") {
      e.preventDefault();
      await resolve(a.id, e.key.toLowerCase() === "r" ? "confirmed" : "false_alarm", "");
      this.changed();
    }
  }
}

function button(label: string, testid: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = label;
  b.setAttribute("data-testid", testid);
  b.addEventListener("click", (e) => {
    e.stopPropagation();
    onClick();
  });
  return b;
}
