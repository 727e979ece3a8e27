// Package scheduling plans when agreed pairs meet: the weekly meetings of a kontaktperson (a volunteer who sees a
// child or adult regularly, typically once, sometimes twice, a week) and the weekend stays of a kontaktfamilj (a
// family that hosts a child, or a sibling group, one or two weekends a month or every other weekend). It reschedules
// a cancelled meeting or stay, and exports plans as iCalendar (RFC 5545) and JSON.
//
// Calendar rules come from package calendar: civil Dates stepped day by day, ISO 8601 weeks (2026 has a week 53,
// which holds 1 January 2027), instants in Europe/Stockholm built from a Date and a wall-clock time, so that an
// 18:00 meeting stays 18:00 across the changes to and from summer time (2026-03-29 and 2026-10-25), and the
// allmänna helgdagar of Lag (1989:253): every Sunday and the named days (nationaldagen since 2005), with
// midsommarafton, julafton and nyårsafton kept apart as eves.
//
// Weekly plans (PlanWeekly) are regular: each pair gets one stable slot a week, the same weekday and time, inside
// both parties' windows and outside the volunteer's other commitments. Pairs that share a volunteer or client are
// placed together by an exact search, so that nobody is booked twice and as many pairs as possible get a slot;
// among equals it prefers the Preferred windows, then the earliest day of the week and time of day, and two
// different weekdays for two meetings a week. On a named public holiday a meeting is skipped, moved to the nearest
// free time of the same ISO week, or kept (Policy); eves count as holidays only with EvesLikeHolidays, and an
// ordinary Sunday is an ordinary day. Absences skip or move a meeting, a Pause (a summer pause, ISO weeks 27–32)
// skips it. A meeting that cannot be held is never dropped: it stays in the plan as Skipped or Conflict, with a Reason.
//
// Weekend plans (PlanWeekends) are even: an agreement's stays are due one per window (a month, half a month, or a
// block of two or three weekends) and each window has an ideal weekend, the same ordinal weekend of every month or
// the same position in every block. A stay never lands on a weekend either side has blocked (the other parent's
// weekends, the family's own plans); a family never hosts more children than its capacity; siblings are one
// agreement and always come together; bookings and explicit extra stays (a lov week) are kept. Each family is
// planned exactly, by matching/assign or a dynamic program: first the most windows met, then the least squared
// distance from the ideal weekends. A window left without a stay is a Shortfall naming the agreement and why.
//
// A Stay carries its days as compensation counts them. SKR prices kontaktfamilj stays per dygn and counts a
// Friday-to-Sunday stay as 2½ dygn ("Om vistelsen är fredag till söndag räknas det som 2 ½ dygn"); Kontakt counts
// in halvdygn (half dygn): the arrival day (or, by option, the departure day) is 1 halvdygn and every other day 2,
// so Friday to Sunday is 5. Each StayDay says whether it is a Saturday, a Sunday, a public holiday (with the names)
// or an eve, since SKR doubles the arvode on Saturdays, Sundays and helgdagar.
//
// Every function is deterministic: the same input gives the same plan and the same files (ties are broken by ID,
// DTSTAMP comes from the options). Errors name records by their opaque IDs only, and exported calendars hold no
// IDs or names unless the caller supplies a label. Nothing panics on any input. The library does not embed the
// time zone database: a program must import _ "time/tzdata" if its system may lack one.
package scheduling
