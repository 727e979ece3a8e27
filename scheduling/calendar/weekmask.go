package calendar

import (
	"math/bits"
	"time"
)

// SlotMinutes is the length of one slot of a WeekMask in minutes: a quarter of an hour.
const SlotMinutes = 15

// SlotsPerDay is the number of slots of a WeekMask in one day.
const SlotsPerDay = 24 * 60 / SlotMinutes

// slotsPerWeek is the number of bits of a WeekMask that are used.
const slotsPerWeek = 7 * SlotsPerDay

// lastWordMask keeps the used bits of the last word of a WeekMask.
const lastWordMask = 1<<(slotsPerWeek%64) - 1

// WeekMask is weekly availability as a set of quarter-hours. Bit isoDay*SlotsPerDay + quarter is the quarter-hour
// starting at quarter*15 minutes after midnight, with isoDay 0 for Monday through 6 for Sunday; 672 of its 704
// bits are used. The zero value is the empty week. Masks are values: compare them with ==, combine them with And,
// Or and AndNot. The bits beyond 672 are ignored by every method, and the set operations clear them.
type WeekMask [11]uint64

// isoDayOf returns 0 for Monday through 6 for Sunday, or -1 for a value outside Sunday..Saturday.
func isoDayOf(wd time.Weekday) int {
	if wd < time.Sunday || wd > time.Saturday {
		return -1
	}
	return (int(wd) + 6) % 7
}

// weekdayOfISO is the inverse of isoDayOf.
func weekdayOfISO(iso int) time.Weekday { return time.Weekday((iso + 1) % 7) }

// MaskOf returns the union of the quarter-hours lying fully inside the windows. It is conservative and never
// claims time that was not offered: 17:10–18:00 gives the three quarters from 17:15. Invalid windows (see
// Window.Validate) contribute nothing, so validate first.
func MaskOf(ws ...Window) WeekMask {
	var m WeekMask
	for _, w := range ws {
		if w.Validate() != nil {
			continue
		}
		base := isoDayOf(w.Day) * SlotsPerDay
		first := (int(w.Start) + SlotMinutes - 1) / SlotMinutes
		last := int(w.End) / SlotMinutes
		m.setRange(base+first, base+last)
	}
	return m
}

// setRange sets bits [a, b).
func (m *WeekMask) setRange(a, b int) {
	for a < b {
		off := a & 63
		n := min(64-off, b-a)
		m[a>>6] |= (^uint64(0) >> (64 - n)) << off
		a += n
	}
}

func (m *WeekMask) has(i int) bool { return m[i>>6]>>(i&63)&1 != 0 }

// And returns the quarter-hours in both m and o.
func (m WeekMask) And(o WeekMask) WeekMask {
	for i := range m {
		m[i] &= o[i]
	}
	m[len(m)-1] &= lastWordMask
	return m
}

// Or returns the quarter-hours in m or o or both.
func (m WeekMask) Or(o WeekMask) WeekMask {
	for i := range m {
		m[i] |= o[i]
	}
	m[len(m)-1] &= lastWordMask
	return m
}

// AndNot returns the quarter-hours in m but not in o.
func (m WeekMask) AndNot(o WeekMask) WeekMask {
	for i := range m {
		m[i] &^= o[i]
	}
	m[len(m)-1] &= lastWordMask
	return m
}

// Count returns the number of quarter-hours in m, 0 to 672. It takes a few nanoseconds and does not allocate.
func (m WeekMask) Count() int {
	m[len(m)-1] &= lastWordMask
	n := 0
	for _, w := range m {
		n += bits.OnesCount64(w)
	}
	return n
}

// Minutes returns the length of m in minutes, Count() * SlotMinutes.
func (m WeekMask) Minutes() int { return m.Count() * SlotMinutes }

// IsZero reports whether m holds no quarter-hour.
func (m WeekMask) IsZero() bool {
	var or uint64
	for i := range len(m) - 1 {
		or |= m[i]
	}
	return or|m[len(m)-1]&lastWordMask == 0
}

// Has reports whether m holds the quarter-hour of day that starts at c rounded down to a quarter: Has(day, 17:40)
// asks about 17:30–17:45. It is false for c outside 00:00..23:59 and for a day outside Sunday..Saturday.
func (m WeekMask) Has(day time.Weekday, c Clock) bool {
	iso := isoDayOf(day)
	if iso < 0 || c < 0 || c >= MinutesPerDay {
		return false
	}
	return m.has(iso*SlotsPerDay + int(c)/SlotMinutes)
}

// Windows returns m as its maximal runs of quarter-hours, Monday to Sunday and by start within a day. A run ends
// at 24:00 at the latest, so a night that continues past midnight is two windows. MaskOf(m.Windows()...) == m
// for every m whose unused bits are clear. It returns nil for an empty m.
func (m WeekMask) Windows() []Window {
	var ws []Window
	for iso := range 7 {
		base := iso * SlotsPerDay
		for q := 0; q < SlotsPerDay; {
			if !m.has(base + q) {
				q++
				continue
			}
			start := q
			for q < SlotsPerDay && m.has(base+q) {
				q++
			}
			ws = append(ws, Window{Day: weekdayOfISO(iso), Start: Clock(start * SlotMinutes), End: Clock(q * SlotMinutes)})
		}
	}
	return ws
}

// LongestRun returns the start and the length in minutes of the longest run of quarter-hours of m on day, the
// earliest if several are equally long, or (0, 0) if day has none. A 2-hour meeting fits on day if minutes >= 120.
func (m WeekMask) LongestRun(day time.Weekday) (start Clock, minutes int) {
	iso := isoDayOf(day)
	if iso < 0 {
		return 0, 0
	}
	base := iso * SlotsPerDay
	best, bestLen := 0, 0
	for q := 0; q < SlotsPerDay; {
		if !m.has(base + q) {
			q++
			continue
		}
		s := q
		for q < SlotsPerDay && m.has(base+q) {
			q++
		}
		if q-s > bestLen {
			best, bestLen = s, q-s
		}
	}
	return Clock(best * SlotMinutes), bestLen * SlotMinutes
}
