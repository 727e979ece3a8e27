// Package calendar is Kontakt's Swedish calendar: civil dates, ISO weeks, holidays by law, Europe/Stockholm,
// and the weekly windows in which volunteers and clients are available. It imports nothing else of Kontakt's.
//
// A Date is a day on the wall calendar, with no time zone; a time.Time is an instant. Keep days as Date and step
// them with Date.AddDays, never by adding 24*time.Hour: a Stockholm day lasts 23 hours on 2026-03-29 and 25 hours
// on 2026-10-25, when the clocks change. Turn a Date into an instant only at the edge, with
// Date.At(18, 0, loc): a weekly 18:00 meeting stays 18:00 local on both sides of a change.
//
// Swedes plan by week number. A Week is an ISO 8601 week: it starts on Monday, week 1 is the week that holds
// 4 January, and a year has 52 or 53 weeks (2026 has 53, so 2026-W53 runs from 28 December to 3 January and
// 2027-W01 starts on 4 January). Near New Year a week's year differs from its days' years: 2025-12-29 is in
// 2026-W01.
//
// Holidays follow Lag (1989:253) om allmänna helgdagar, in force from 1990 (FirstYear). Every Sunday is an allmän
// helgdag, and so are nyårsdagen, trettondedag jul, långfredagen, påskdagen, annandag påsk, första maj, Kristi
// himmelsfärdsdag, pingstdagen, midsommardagen, alla helgons dag, juldagen and annandag jul. SFS 2004:1320 made
// nationaldagen (6 June) a helgdag from 2005 and removed annandag pingst, which was one until 2004. Easter is the
// Gregorian computus. Midsommarafton, julafton and nyårsafton are not helgdagar by law, but are kept like
// Sundays; they are their own Kind, Eve, and IsPublicHoliday says false for them, so that each caller decides
// (for example whether an eve doubles an arvode). Two named days can share a date (2008-05-01, 2049-06-06),
// so HolidayOn returns a slice. IsPublicHoliday and IsEve read a table built once, in a few nanoseconds.
//
// Instants belong in Europe/Stockholm, which Stockholm loads once. The library does not embed the time zone
// database: a program that may run without one (a scratch container, Windows) must import _ "time/tzdata" in
// its main package; otherwise Stockholm returns an error wrapping ErrNoTimeZoneData.
//
// Weekly availability is a list of Window values ("tuesday 17:00–20:00", with a Clock for each end, whose
// JSON names the day in English and also reads Swedish names). MaskOf turns windows into a WeekMask, one bit
// per quarter-hour of the week (SlotMinutes), so that the overlap of a volunteer's and a family's weeks is
// a.And(b), and a.And(b).Minutes() says how much of it there is. WeekMask.Windows turns a mask back into
// windows, and LongestRun finds room for a meeting of a given length.
//
// Every function is deterministic and safe for concurrent use. Nothing panics on any input: parsers return a
// *ParseError or *WindowError wrapping one of the ErrInvalid sentinels, and date arithmetic saturates at the
// ends of the range instead of overflowing.
package calendar
