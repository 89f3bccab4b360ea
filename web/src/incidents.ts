import * as api from "./api";
import { button, ruleName } from "./alerts";
import { t } from "./i18n";
import { SEVERITY_COLOURS } from "./palette";
import { formatDateTime } from "./time";

const TYPES = ["unauthorised_crossing", "crossing_attempt", "smuggling", "drone_incursion", "instrumentalised_migration",
  "infrastructure_damage", "other"] as const;
const IMPACTS = ["low", "medium", "high", "very_high"] as const;
const RELIABILITY = ["A", "B", "C", "D", "E", "F"] as const;
const VALIDATION = ["unvalidated", "validated", "refuted"] as const;
const IMPACT_COLOURS: Record<string, string> = { low: SEVERITY_COLOURS.low, medium: SEVERITY_COLOURS.medium,
  high: SEVERITY_COLOURS.high, very_high: SEVERITY_COLOURS.critical };

/** "23 h 12 min left" or "overdue by 1 h 5 min". */
export function countdown(deadline: string, now = Date.now()): string {
  const ms = Date.parse(deadline) - now;
  const min = Math.floor(Math.abs(ms) / 60_000);
  const span = t("incidents:span", { h: Math.floor(min / 60), min: min % 60 });
  return ms >= 0 ? t("incidents:left", { span }) : t("incidents:overdue", { span });
}

/**
 * Incident reports: the operator opens one from an alert (a form with the EUROSUR fields), sees the open ones
 * with the 24-hour reporting deadline counting down, moves them on (reported, closed) and exports them.
 */
export class IncidentPanel {
  private incidents: api.Incident[] = [];
  private shown: api.Incident | null = null;

  constructor(
    private readonly list: HTMLElement,
    private readonly details: HTMLElement,
    private readonly role: () => api.Role | null,
  ) {
    window.setInterval(() => this.tick(), 1000);
  }

  canWrite(): boolean {
    const r = this.role();
    return r === "operator" || r === "admin";
  }

  async refresh(): Promise<void> {
    const r = this.role();
    if (r !== "operator" && r !== "admin" && r !== "auditor") return;
    try {
      this.incidents = await api.incidents();
    } catch {
      return; // the next refresh tries again
    }
    this.render();
  }

  render(): void {
    const items = this.incidents.filter((i) => i.status !== "closed").map((i) => {
      const li = document.createElement("li");
      li.className = `incident ${i.status}`;
      li.tabIndex = 0;
      li.setAttribute("data-testid", "incident-item");
      li.dataset.incidentId = String(i.id);
      li.dataset.status = i.status;
      const badge = document.createElement("span");
      badge.className = "severity";
      badge.style.background = IMPACT_COLOURS[i.impact];
      badge.textContent = t(`incidents:impact.${i.impact}`);
      const text = document.createElement("span");
      text.className = "text";
      text.textContent = `#${i.id} ${t(`incidents:type.${i.type}`)} · ${i.sector ?? "—"} · ${t(`incidents:status.${i.status}`)}`;
      const due = document.createElement("span");
      due.className = "state";
      due.dataset.deadline = i.report_deadline;
      due.dataset.status = i.status;
      li.append(badge, text, due);
      li.addEventListener("click", () => void this.open(i.id));
      li.addEventListener("keydown", (e) => { if (e.key === "Enter") void this.open(i.id); });
      return li;
    });
    if (items.length === 0) {
      const empty = document.createElement("li");
      empty.className = "empty";
      empty.textContent = t("incidents:none");
      items.push(empty);
    }
    this.list.replaceChildren(...items);
    this.tick();
  }

  relabel(): void {
    this.render();
    if (this.shown && this.details.querySelector("[data-testid=incident-view]")) this.view(this.shown);
  }

  /** The reporting deadlines count down on screen. */
  private tick(): void {
    for (const el of document.querySelectorAll<HTMLElement>("[data-deadline]")) {
      el.textContent = el.dataset.status === "open" ? countdown(el.dataset.deadline!) : t(`incidents:status.${el.dataset.status}`);
      el.classList.toggle("overdue", el.dataset.status === "open" && Date.parse(el.dataset.deadline!) < Date.now());
    }
  }

  /** The form for a new incident, filled from the alert. */
  form(a: api.Alert): void {
    const session = api.session();
    const track = /^track:(\d+)$/.exec(a.subject)?.[1];
    const type = a.rule === "drone_incursion" ? "drone_incursion" : a.rule === "border_crossing" ? "unauthorised_crossing"
      : a.rule === "approach" || a.rule === "loitering" ? "crossing_attempt" : "other";
    const initial: api.IncidentRequest = {
      type, description: `${ruleName(a.rule)} · ${a.sector ?? "—"} · ${formatDateTime(a.raised_at)}: ${a.message}`,
      originator: session?.username ?? "", owner: "",
      confidence: { credibility: 3, reliability: "C", validation: "unvalidated" },
      impact: a.severity === "critical" ? "high" : a.severity === "high" ? "medium" : "low",
      alerts: [a.id], tracks: track ? [Number(track)] : [], actions_taken: "",
    };
    this.details.replaceChildren(this.fields(t("incidents:new", { id: a.id }), initial, t("incidents:open"),
      (body) => api.createIncident(body)));
  }

  /** The same form over an open or reported incident: what was learnt since, the actions taken. */
  editForm(i: api.Incident): void {
    const note = Object.assign(document.createElement("input"), { name: "note", value: "" });
    const f = this.fields(t("incidents:editTitle", { id: i.id }), i, t("incidents:save"),
      (body) => api.editIncident(i.id, i.version, body, note.value.trim()));
    f.setAttribute("data-testid", "incident-edit-form");
    f.querySelector("button[type=submit]")!.before(label(t("incidents:field.editNote"), note));
    this.details.replaceChildren(f);
  }

  private fields(title: string, v: api.IncidentRequest, submitText: string,
                 send: (body: api.IncidentRequest) => Promise<api.Incident>): HTMLFormElement {
    const f = document.createElement("form");
    f.className = "incident-form";
    f.setAttribute("data-testid", "incident-form");
    const h = document.createElement("h3");
    h.textContent = title;
    f.append(h,
      select("type", t("incidents:field.type"), TYPES.map((x) => [x, t(`incidents:type.${x}`)]), v.type),
      area("description", t("incidents:field.description"), v.description),
      input("originator", t("incidents:field.originator"), v.originator),
      input("owner", t("incidents:field.owner"), v.owner),
      select("credibility", t("incidents:field.credibility"),
        [1, 2, 3, 4, 5, 6].map((n) => [String(n), `${n} – ${t(`incidents:credibility.${n}`)}`]),
        String(v.confidence.credibility)),
      select("reliability", t("incidents:field.reliability"),
        RELIABILITY.map((x) => [x, `${x} – ${t(`incidents:reliability.${x}`)}`]), v.confidence.reliability),
      select("validation", t("incidents:field.validation"), VALIDATION.map((x) => [x, t(`incidents:validation.${x}`)]),
        v.confidence.validation),
      select("impact", t("incidents:field.impact"), IMPACTS.map((x) => [x, t(`incidents:impact.${x}`)]), v.impact),
      input("tracks", t("incidents:field.tracks"), v.tracks.join(", ")),
      area("actions_taken", t("incidents:field.actions"), v.actions_taken));
    const submit = document.createElement("button");
    submit.type = "submit";
    submit.textContent = submitText;
    submit.setAttribute("data-testid", "incident-submit");
    const error = document.createElement("p");
    error.className = "error";
    error.setAttribute("role", "alert");
    f.append(submit, error);
    f.addEventListener("submit", (e) => {
      e.preventDefault();
      const d = new FormData(f);
      const s = (k: string) => String(d.get(k) ?? "").trim();
      const body: api.IncidentRequest = {
        type: s("type") as api.Incident["type"], description: s("description"), originator: s("originator"),
        owner: s("owner"),
        confidence: { credibility: Number(s("credibility")),
          reliability: s("reliability") as api.Incident["confidence"]["reliability"],
          validation: s("validation") as api.Incident["confidence"]["validation"] },
        impact: s("impact") as api.Incident["impact"], alerts: v.alerts,
        tracks: s("tracks").split(/[\s,]+/).filter(Boolean).map(Number).filter(Number.isInteger),
        actions_taken: s("actions_taken"),
      };
      void send(body).then((i) => {
        void this.refresh();
        this.view(i);
      }).catch((err) => { error.textContent = err instanceof api.ApiError ? err.message : t("common:noAnswer"); });
    });
    return f;
  }

  async open(id: number): Promise<void> {
    this.view(await api.incident(id));
  }

  private view(i: api.Incident): void {
    this.shown = i;
    const box = document.createElement("div");
    box.setAttribute("data-testid", "incident-view");
    box.dataset.incidentId = String(i.id);
    box.dataset.status = i.status;
    const f = (k: string) => t(`incidents:field.${k}`);
    const rows: [string, string][] = [
      [f("incident"), `#${i.id} ${t(`incidents:type.${i.type}`)}`],
      [f("status"), t(`incidents:status.${i.status}`)],
      [f("deadline"), formatDateTime(i.report_deadline)],
      [f("impact"), t(`incidents:impact.${i.impact}`)],
      [f("confidence"), `${i.confidence.credibility}${i.confidence.reliability} · ${t(`incidents:validation.${i.confidence.validation}`)}`],
      [f("originator"), i.originator],
      [f("owner"), i.owner],
      [f("sector"), i.sector ?? "—"],
      [f("alerts"), i.alerts.map((x) => `#${x}`).join(", ") || "—"],
      [f("tracks"), i.tracks.map((x) => `#${x}`).join(", ") || "—"],
      [f("description"), i.description],
      [f("actions"), i.actions_taken || "—"],
    ];
    const dl = document.createElement("dl");
    for (const [k, v] of rows) {
      const dt = document.createElement("dt");
      dt.textContent = k;
      const dd = document.createElement("dd");
      dd.textContent = v;
      dl.append(dt, dd);
    }
    const due = document.createElement("p");
    due.className = "deadline";
    due.setAttribute("data-testid", "incident-deadline");
    due.dataset.deadline = i.report_deadline;
    due.dataset.status = i.status;
    box.append(dl, due);
    const next = i.status === "open" ? "reported" : i.status === "reported" ? "closed" : null;
    if (next && this.canWrite()) {
      box.append(button(t("incidents:edit"), "incident-edit", () => this.editForm(i)));
      box.append(button(t(`incidents:to.${next}`), `incident-${next}`, async () => {
        const note = window.prompt(t("incidents:notePrompt"), "") ?? "";
        this.view(await api.transitionIncident(i.id, next, i.version, note));
        void this.refresh();
      }));
    }
    box.append(
      button(t("incidents:export.geojson"), "incident-export-geojson",
        () => void api.download(`/api/incidents/${i.id}/export?format=geojson`, `incident-${i.id}.geojson`)),
      button(t("incidents:export.pdf"), "incident-export-pdf",
        () => void api.download(`/api/incidents/${i.id}/export?format=pdf`, `incident-${i.id}.pdf`)));
    this.details.replaceChildren(box);
    this.tick();
  }
}

function label(text: string, control: HTMLElement): HTMLLabelElement {
  const l = document.createElement("label");
  l.append(text, control);
  return l;
}

function input(name: string, text: string, value: string): HTMLLabelElement {
  return label(text, Object.assign(document.createElement("input"), { name, value }));
}

function area(name: string, text: string, value: string): HTMLLabelElement {
  return label(text, Object.assign(document.createElement("textarea"), { name, value, rows: 3 }));
}

function select(name: string, text: string, options: [string, string][], value: string): HTMLLabelElement {
  const s = document.createElement("select");
  s.name = name;
  s.append(...options.map(([v, l]) => new Option(l, v, false, v === value)));
  return label(text, s);
}
