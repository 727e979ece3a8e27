package calendar_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"pgregory.net/rapid"

	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

func TestMaskOf(t *testing.T) {
	tests := []struct {
		name    string
		ws      []calendar.Window
		minutes int
		want    []calendar.Window // m.Windows()
	}{
		{"nothing", nil, 0, nil},
		{"an evening", []calendar.Window{window(time.Tuesday, "17:00", "20:00")}, 180,
			[]calendar.Window{window(time.Tuesday, "17:00", "20:00")}},
		{"ragged ends shrink to whole quarters", []calendar.Window{window(time.Tuesday, "17:10", "18:20")}, 60,
			[]calendar.Window{window(time.Tuesday, "17:15", "18:15")}},
		{"shorter than a quarter gives nothing", []calendar.Window{window(time.Tuesday, "17:05", "17:25")}, 0, nil},
		{"overlaps merge", []calendar.Window{window(time.Friday, "16:00", "19:00"), window(time.Friday, "18:00", "21:00")}, 300,
			[]calendar.Window{window(time.Friday, "16:00", "21:00")}},
		{"adjacent windows merge", []calendar.Window{window(time.Friday, "16:00", "18:00"), window(time.Friday, "18:00", "19:00")}, 180,
			[]calendar.Window{window(time.Friday, "16:00", "19:00")}},
		{"midnight splits days; Monday first, Sunday last", []calendar.Window{
			window(time.Sunday, "20:00", "24:00"), window(time.Monday, "0:00", "1:00"), window(time.Saturday, "22:00", "24:00")}, 420,
			[]calendar.Window{window(time.Monday, "00:00", "01:00"), window(time.Saturday, "22:00", "24:00"), window(time.Sunday, "20:00", "24:00")}},
		{"the whole week", allWeek(), 7 * 24 * 60, allWeek()},
		{"invalid windows contribute nothing", []calendar.Window{
			window(time.Monday, "20:00", "17:00"), {Day: 8, Start: 0, End: 60}, {Day: time.Monday, Start: -60, End: 60}}, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := calendar.MaskOf(tt.ws...)
			assert.Equal(t, tt.minutes, m.Minutes())
			assert.Equal(t, tt.minutes/calendar.SlotMinutes, m.Count())
			assert.Equal(t, tt.minutes == 0, m.IsZero())
			assert.Equal(t, tt.want, m.Windows())
		})
	}
}

func allWeek() []calendar.Window {
	var ws []calendar.Window
	for _, d := range []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday} {
		ws = append(ws, window(d, "00:00", "24:00"))
	}
	return ws
}

func TestWeekMaskHas(t *testing.T) {
	m := calendar.MaskOf(window(time.Tuesday, "17:00", "20:00"), window(time.Sunday, "23:45", "24:00"))
	tests := []struct {
		day  time.Weekday
		at   string
		want bool
	}{
		{time.Tuesday, "17:00", true},
		{time.Tuesday, "17:40", true},
		{time.Tuesday, "19:59", true},
		{time.Tuesday, "20:00", false},
		{time.Tuesday, "16:59", false},
		{time.Wednesday, "17:00", false},
		{time.Sunday, "23:45", true},
		{time.Sunday, "24:00", false},
		{time.Monday, "0:00", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, m.Has(tt.day, clock(tt.at)), "%s %s", tt.day, tt.at)
	}
	assert.False(t, m.Has(7, clock("17:00")))
	assert.False(t, m.Has(time.Tuesday, -1))
}

func TestWeekMaskSetOperations(t *testing.T) {
	vol := calendar.MaskOf(window(time.Tuesday, "16:00", "20:00"), window(time.Saturday, "10:00", "16:00"))
	fam := calendar.MaskOf(window(time.Tuesday, "17:30", "21:00"), window(time.Sunday, "10:00", "12:00"))
	assert.Equal(t, []calendar.Window{window(time.Tuesday, "17:30", "20:00")}, vol.And(fam).Windows())
	assert.Equal(t, 150, vol.And(fam).Minutes())
	assert.Equal(t, []calendar.Window{
		window(time.Tuesday, "16:00", "21:00"), window(time.Saturday, "10:00", "16:00"), window(time.Sunday, "10:00", "12:00"),
	}, vol.Or(fam).Windows())
	assert.Equal(t, []calendar.Window{window(time.Tuesday, "16:00", "17:30"), window(time.Saturday, "10:00", "16:00")},
		vol.AndNot(fam).Windows())

	var junk calendar.WeekMask
	junk[10] = ^uint64(0) // 32 used bits (Sunday evening) and 32 unused
	assert.Equal(t, 32, junk.Count(), "unused bits are not counted")
	assert.Equal(t, junk.Windows(), junk.Or(junk).Windows())
	assert.Equal(t, calendar.MaskOf(junk.Windows()...), junk.Or(calendar.WeekMask{}), "set operations clear unused bits")
	junk = calendar.WeekMask{}
	junk[10] = 1 << 40
	assert.True(t, junk.IsZero())
}

func TestLongestRun(t *testing.T) {
	m := calendar.MaskOf(
		window(time.Tuesday, "8:00", "9:00"), window(time.Tuesday, "17:00", "19:00"), window(time.Tuesday, "20:00", "22:00"),
		window(time.Sunday, "22:00", "24:00"),
	)
	tests := []struct {
		day     time.Weekday
		start   string
		minutes int
	}{
		{time.Tuesday, "17:00", 120}, // the earliest of two equally long runs
		{time.Sunday, "22:00", 120},
		{time.Monday, "00:00", 0},
		{9, "00:00", 0},
	}
	for _, tt := range tests {
		start, minutes := m.LongestRun(tt.day)
		assert.Equal(t, clock(tt.start), start, "%s", tt.day)
		assert.Equal(t, tt.minutes, minutes, "%s", tt.day)
	}
}

// genMask draws a mask of random runs, so that shrinking gives short, readable counterexamples.
var genMask = rapid.Custom(func(t *rapid.T) calendar.WeekMask {
	var m calendar.WeekMask
	n := rapid.IntRange(0, 30).Draw(t, "runs")
	for range n {
		i := rapid.IntRange(0, 7*calendar.SlotsPerDay-1).Draw(t, "from")
		l := rapid.IntRange(1, 200).Draw(t, "len")
		for j := i; j < min(i+l, 7*calendar.SlotsPerDay); j++ {
			m[j/64] |= 1 << (j % 64)
		}
	}
	return m
})

func TestWeekMaskProperties(t *testing.T) {
	t.Run("MaskOf(m.Windows()...) == m", rapid.MakeCheck(func(t *rapid.T) {
		m := genMask.Draw(t, "m")
		ws := m.Windows()
		if got := calendar.MaskOf(ws...); got != m {
			t.Fatalf("round trip lost quarters: %v", ws)
		}
		sum := 0
		for i, w := range ws {
			if w.Validate() != nil || w.Start%calendar.SlotMinutes != 0 || w.End%calendar.SlotMinutes != 0 {
				t.Fatalf("window %v", w)
			}
			if i > 0 && ws[i-1].Day == w.Day && ws[i-1].End >= w.Start {
				t.Fatalf("runs %v and %v are not maximal", ws[i-1], w)
			}
			sum += w.Minutes()
		}
		if m.Count() != sum/calendar.SlotMinutes || m.Minutes() != sum {
			t.Fatalf("Count %d, windows sum to %d minutes", m.Count(), sum)
		}
	}))
	t.Run("Count of an aligned window", rapid.MakeCheck(func(t *rapid.T) {
		from := rapid.IntRange(0, calendar.SlotsPerDay-1).Draw(t, "from")
		to := rapid.IntRange(from+1, calendar.SlotsPerDay).Draw(t, "to")
		w := calendar.Window{Day: time.Weekday(rapid.IntRange(0, 6).Draw(t, "day")),
			Start: calendar.Clock(from * calendar.SlotMinutes), End: calendar.Clock(to * calendar.SlotMinutes)}
		m := calendar.MaskOf(w)
		if m.Count()*calendar.SlotMinutes != w.Minutes() || m.Minutes() != w.Minutes() {
			t.Fatalf("%v: Count %d", w, m.Count())
		}
		if start, minutes := m.LongestRun(w.Day); start != w.Start || minutes != w.Minutes() {
			t.Fatalf("%v: LongestRun %v %d", w, start, minutes)
		}
	}))
	t.Run("And, Or, AndNot are intersection, union, difference", rapid.MakeCheck(func(t *rapid.T) {
		a, b := genMask.Draw(t, "a"), genMask.Draw(t, "b")
		and, or, andNot := a.And(b), a.Or(b), a.AndNot(b)
		for _, d := range []time.Weekday{time.Sunday, time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday} {
			for c := calendar.Clock(0); c < calendar.MinutesPerDay; c += calendar.SlotMinutes {
				x, y := a.Has(d, c), b.Has(d, c)
				if and.Has(d, c) != (x && y) || or.Has(d, c) != (x || y) || andNot.Has(d, c) != (x && !y) {
					t.Fatalf("%s %s", d, c)
				}
			}
		}
		if and.Count()+or.Count() != a.Count()+b.Count() || andNot.Count() != a.Count()-and.Count() {
			t.Fatalf("counts: and %d, or %d, a %d, b %d", and.Count(), or.Count(), a.Count(), b.Count())
		}
	}))
}
