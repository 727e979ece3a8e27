package calendar_test

import (
	"testing"
	"time"

	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// Package-level sinks keep the compiler from removing the measured work.
var (
	sinkBool bool
	sinkInt  int
	sinkWeek calendar.Week
	sinkMask calendar.WeekMask
)

// benchDates is a year of consecutive days, so that branches are realistic.
func benchDates() []calendar.Date {
	ds := make([]calendar.Date, 0, 365)
	for d := calendar.NewDate(2026, time.January, 1); d.Year() == 2026; d = d.AddDays(1) {
		ds = append(ds, d)
	}
	return ds
}

func BenchmarkIsPublicHoliday(b *testing.B) {
	ds := benchDates()
	calendar.IsPublicHoliday(ds[0]) // build the table outside the loop
	i := 0
	for b.Loop() {
		sinkBool = calendar.IsPublicHoliday(ds[i%len(ds)])
		i++
	}
}

func BenchmarkIsPublicHolidayBeyondTable(b *testing.B) {
	d := calendar.NewDate(2300, time.June, 19)
	for b.Loop() {
		sinkBool = calendar.IsPublicHoliday(d)
	}
}

func BenchmarkISOWeek(b *testing.B) {
	ds := benchDates()
	i := 0
	for b.Loop() {
		sinkWeek = ds[i%len(ds)].ISOWeek()
		i++
	}
}

func BenchmarkNewDateYMD(b *testing.B) {
	i := 0
	for b.Loop() {
		y, m, d := calendar.NewDate(2026, time.June, 1+i%30).YMD()
		sinkInt = y + int(m) + d
		i++
	}
}

func BenchmarkMaskOf(b *testing.B) {
	ws := []calendar.Window{
		{Day: time.Tuesday, Start: calendar.NewClock(17, 0), End: calendar.NewClock(20, 0)},
		{Day: time.Thursday, Start: calendar.NewClock(16, 30), End: calendar.NewClock(19, 45)},
		{Day: time.Saturday, Start: calendar.NewClock(9, 0), End: calendar.NewClock(18, 0)},
		{Day: time.Sunday, Start: calendar.NewClock(10, 0), End: calendar.NewClock(24, 0)},
	}
	for b.Loop() {
		sinkMask = calendar.MaskOf(ws...)
	}
}

func BenchmarkWeekMaskAndCount(b *testing.B) {
	vol := calendar.MaskOf(calendar.Window{Day: time.Tuesday, Start: calendar.NewClock(16, 0), End: calendar.NewClock(20, 0)},
		calendar.Window{Day: time.Saturday, Start: 0, End: calendar.MinutesPerDay})
	fam := calendar.MaskOf(calendar.Window{Day: time.Tuesday, Start: calendar.NewClock(17, 30), End: calendar.NewClock(21, 0)},
		calendar.Window{Day: time.Saturday, Start: calendar.NewClock(10, 0), End: calendar.NewClock(14, 0)})
	for b.Loop() {
		sinkInt = vol.And(fam).Count()
	}
}
