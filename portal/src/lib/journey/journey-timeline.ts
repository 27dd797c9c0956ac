/**
 * Lays out the child's journey as a timeline: where each event and each statutory
 * timescale sits on a date axis, computed here so the SVG component only draws and the
 * geometry can be tested without a browser.
 */
import { JOURNEY_EVENT_LABELS, type JourneyEvent } from '@waypoint/shared/journey/journey-events';
import type { TimescaleCheck, TimescaleStatus } from '@waypoint/shared/journey/timescales';

export const TIMELINE_WIDTH = 900;
const LEFT = 24;
const RIGHT = 120;
const AXIS_Y = 78;
const TIMESCALE_TOP = 132;
const TIMESCALE_ROW = 30;
const BOTTOM = 24;
/** Event numbers closer than this share no row of labels: the next one moves up a lane. */
const MIN_LABEL_GAP = 22;
const LANE_HEIGHT = 18;
const MAX_LANES = 3;

const DAY = 86_400_000;
const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY);
const dateOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

export interface PlacedEvent {
  number: number;
  id: string;
  label: string;
  date: string;
  x: number;
  /** The number's baseline above the axis; crowded events stack in lanes. */
  labelY: number;
}

export interface PlacedTimescale {
  code: string;
  rule: string;
  status: TimescaleStatus;
  y: number;
  /** The window the timescale allows: from the event that starts the clock to the due date. */
  startX: number;
  dueX: number;
  /** Where the status marker sits: the answering event, or today for one still waiting. */
  markerX: number;
  /** For a late answer or one overdue, the stretch past the due date. */
  lateToX: number | null;
  labelX: number;
  labelAnchor: 'start' | 'end';
}

export interface Tick {
  x: number;
  label: string;
}

export interface TimelineLayout {
  width: number;
  height: number;
  axisY: number;
  axisFrom: number;
  axisTo: number;
  ticks: Tick[];
  events: PlacedEvent[];
  timescales: PlacedTimescale[];
  today: { x: number; date: string };
  from: string;
  to: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Month starts inside the range, thinned so at most about ten are labelled. */
function monthTicks(fromDay: number, toDay: number, x: (day: number) => number): Tick[] {
  const from = dateOf(fromDay);
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7)); // the month after `from`'s own, 1-based: the first start inside the range
  const starts: { day: number; year: number; month: number }[] = [];
  for (;;) {
    if (month === 12) {
      year += 1;
      month = 0;
    }
    const day = dayNumber(`${year}-${String(month + 1).padStart(2, '0')}-01`);
    if (day > toDay) break;
    starts.push({ day, year, month });
    month += 1;
  }
  const step = [1, 2, 3, 6, 12].find((s) => starts.length / s <= 10) ?? 12;
  return (
    starts
      .filter((s) => s.month % step === 0)
      // The first label and each January carry the year, so the axis reads without guessing.
      .map((s, i) => ({ x: x(s.day), label: i === 0 || s.month === 0 ? `${MONTHS[s.month]} ${s.year}` : MONTHS[s.month]! }))
  );
}

/** Timescales are coded T1, T2... in the drawing and in the table beside it. */
export const timescaleCode = (index: number) => `T${index + 1}`;

export function layoutJourney(options: { events: readonly JourneyEvent[]; timescales: readonly TimescaleCheck[]; today: string }): TimelineLayout {
  const { events, timescales, today } = options;
  const dates = [...events.map((e) => e.date), ...timescales.flatMap((t) => [t.startDate, t.dueDate, t.answeredOn ?? t.startDate]), today];
  const first = dates.reduce((a, b) => (a < b ? a : b));
  const last = dates.reduce((a, b) => (a > b ? a : b));
  // A little room either side, and at least a month shown, so a lone event is not pinned to an edge.
  const span = Math.max(30, dayNumber(last) - dayNumber(first));
  const fromDay = dayNumber(first) - Math.ceil(span * 0.03);
  const toDay = dayNumber(first) + span + Math.ceil(span * 0.03);
  const plotWidth = TIMELINE_WIDTH - LEFT - RIGHT;
  const x = (day: number) => Math.round((LEFT + ((day - fromDay) / (toDay - fromDay)) * plotWidth) * 10) / 10;
  const xOf = (date: string) => x(dayNumber(date));

  const lastInLane: number[] = [];
  const placedEvents = events.map((event, index) => {
    const ex = xOf(event.date);
    let lane = lastInLane.findIndex((lx) => ex - lx >= MIN_LABEL_GAP);
    if (lane === -1) lane = lastInLane.length < MAX_LANES ? lastInLane.length : index % MAX_LANES;
    lastInLane[lane] = ex;
    return { number: index + 1, id: event.id, label: JOURNEY_EVENT_LABELS[event.type], date: event.date, x: ex, labelY: AXIS_Y - 14 - lane * LANE_HEIGHT };
  });

  const todayX = xOf(today);
  const placedTimescales = timescales.map((t, index): PlacedTimescale => {
    const startX = xOf(t.startDate);
    const dueX = xOf(t.dueDate);
    const markerX = t.answeredOn ? xOf(t.answeredOn) : t.status === 'overdue' ? todayX : dueX;
    const lateToX = t.status === 'missed' || t.status === 'overdue' ? markerX : null;
    const rightmost = Math.max(dueX, markerX);
    const roomRight = rightmost + 12 <= TIMELINE_WIDTH - RIGHT + 40;
    return {
      code: timescaleCode(index),
      rule: t.rule,
      status: t.status,
      y: TIMESCALE_TOP + index * TIMESCALE_ROW,
      startX,
      dueX,
      markerX,
      lateToX,
      labelX: roomRight ? rightmost + 12 : Math.min(startX, markerX) - 12,
      labelAnchor: roomRight ? 'start' : 'end',
    };
  });

  return {
    width: TIMELINE_WIDTH,
    height: (timescales.length ? TIMESCALE_TOP + (timescales.length - 1) * TIMESCALE_ROW + 12 : AXIS_Y + 28) + BOTTOM,
    axisY: AXIS_Y,
    axisFrom: LEFT,
    axisTo: TIMELINE_WIDTH - RIGHT,
    ticks: monthTicks(fromDay, toDay, x),
    events: placedEvents,
    timescales: placedTimescales,
    today: { x: todayX, date: today },
    from: dateOf(fromDay),
    to: dateOf(toDay),
  };
}
