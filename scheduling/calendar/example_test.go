package calendar_test

import (
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

func ExampleHolidays() {
	for _, h := range calendar.Holidays(2026) {
		if h.Date.Month() == time.June {
			fmt.Println(h.Date, h.Name, h.Kind)
		}
	}
	// Output:
	// 2026-06-06 Nationaldagen Public
	// 2026-06-19 Midsommarafton Eve
	// 2026-06-20 Midsommardagen Public
}

func ExampleHolidays_before2005() {
	// Until 2004 annandag pingst was a helgdag and nationaldagen was not (SFS 2004:1320).
	for _, h := range calendar.Holidays(2004) {
		if h.Date.Month() == time.May || h.Date.Month() == time.June {
			fmt.Println(h.Date, h.Name, h.Kind)
		}
	}
	// Output:
	// 2004-05-01 Första maj Public
	// 2004-05-20 Kristi himmelsfärdsdag Public
	// 2004-05-30 Pingstdagen Public
	// 2004-05-31 Annandag pingst Public
	// 2004-06-25 Midsommarafton Eve
	// 2004-06-26 Midsommardagen Public
}

func ExampleHolidayOn() {
	for _, h := range calendar.HolidayOn(calendar.NewDate(2008, time.May, 1)) {
		fmt.Println(h.Name)
	}
	sunday := calendar.NewDate(2026, time.June, 21)
	fmt.Println(len(calendar.HolidayOn(sunday)), calendar.IsPublicHoliday(sunday))
	// Output:
	// Första maj
	// Kristi himmelsfärdsdag
	// 0 true
}

func ExampleIsPublicHoliday() {
	for d := calendar.NewDate(2026, time.December, 23); d.Day() <= 27; d = d.AddDays(1) {
		fmt.Println(d, d.Weekday(), calendar.IsPublicHoliday(d), calendar.IsEve(d))
	}
	// Output:
	// 2026-12-23 Wednesday false false
	// 2026-12-24 Thursday false true
	// 2026-12-25 Friday true false
	// 2026-12-26 Saturday true false
	// 2026-12-27 Sunday true false
}

func ExampleDate_ISOWeek() {
	for _, d := range []calendar.Date{
		calendar.NewDate(2025, time.December, 29),
		calendar.NewDate(2026, time.December, 31),
		calendar.NewDate(2027, time.January, 3),
		calendar.NewDate(2027, time.January, 4),
	} {
		fmt.Println(d, d.Weekday(), d.ISOWeek())
	}
	// Output:
	// 2025-12-29 Monday 2026-W01
	// 2026-12-31 Thursday 2026-W53
	// 2027-01-03 Sunday 2026-W53
	// 2027-01-04 Monday 2027-W01
}

func ExampleWeek() {
	w, err := calendar.ParseWeek("2026-W53")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(calendar.WeeksIn(2026), w.Monday(), w.Day(time.Sunday), w.AddWeeks(1))
	b, _ := json.Marshal(map[string]calendar.Week{"week": w})
	fmt.Println(string(b))
	// Output:
	// 53 2026-12-28 2027-01-03 2027-W01
	// {"week":"2026-W53"}
}

func ExampleDate_At() {
	loc, err := calendar.Stockholm()
	if err != nil {
		fmt.Println(err)
		return
	}
	// A weekly Sunday meeting at 18:00, across the change to summer time on 2026-03-29.
	for d := calendar.NewDate(2026, time.March, 22); d.Month() == time.March; d = d.AddDays(7) {
		t := d.At(18, 0, loc)
		fmt.Println(t.Format("2006-01-02 15:04 MST"), t.UTC().Format("15:04Z"))
	}
	// Output:
	// 2026-03-22 18:00 CET 17:00Z
	// 2026-03-29 18:00 CEST 16:00Z
}

func ExampleDate_AddDays() {
	d := calendar.NewDate(2026, time.October, 24)
	fmt.Println(d.AddDays(1), d.AddDays(7).Sub(d), d.AddDate(0, 2, 8))
	// Output:
	// 2026-10-25 7 2027-01-01
}

func ExampleParseDate() {
	d, err := calendar.ParseDate("2026-06-19")
	fmt.Println(d, d.Weekday(), err)
	_, err = calendar.ParseDate("2026-02-30")
	fmt.Println(err)
	// Output:
	// 2026-06-19 Friday <nil>
	// calendar: invalid date: day: 30 is not in 01..28 for 2026-02
}

func ExampleMaskOf() {
	volunteer := calendar.MaskOf(
		calendar.Window{Day: time.Tuesday, Start: calendar.NewClock(16, 0), End: calendar.NewClock(20, 0)},
		calendar.Window{Day: time.Saturday, Start: calendar.NewClock(10, 0), End: calendar.NewClock(16, 0)},
	)
	family := calendar.MaskOf(
		calendar.Window{Day: time.Tuesday, Start: calendar.NewClock(17, 30), End: calendar.NewClock(21, 0)},
		calendar.Window{Day: time.Saturday, Start: calendar.NewClock(13, 10), End: calendar.NewClock(24, 0)},
	)
	both := volunteer.And(family)
	fmt.Println(both.Minutes(), "minutes a week")
	for _, w := range both.Windows() {
		fmt.Println(w)
	}
	start, minutes := both.LongestRun(time.Saturday)
	fmt.Println("longest on Saturday:", start, minutes >= 120)
	// Output:
	// 315 minutes a week
	// tuesday 17:30-20:00
	// saturday 13:15-16:00
	// longest on Saturday: 13:15 true
}

func ExampleWindow_UnmarshalJSON() {
	var ws []calendar.Window
	err := json.Unmarshal([]byte(`[
		{"day": "tisdag", "start": "17:00", "end": "20:00"},
		{"day": "Sön", "start": "18.30", "end": "24:00"}
	]`), &ws)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, w := range ws {
		fmt.Println(w, w.Validate())
	}
	_ = json.NewEncoder(os.Stdout).Encode(ws)
	// Output:
	// tuesday 17:00-20:00 <nil>
	// sunday 18:30-24:00 <nil>
	// [{"day":"tuesday","start":"17:00","end":"20:00"},{"day":"sunday","start":"18:30","end":"24:00"}]
}
