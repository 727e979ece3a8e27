package calendar

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
)

// FirstYear is the first year of Lag (1989:253) om allmänna helgdagar, in force from 1 January 1990. The
// holiday functions name no days before it.
const FirstYear = 1990

// LastYear is the last year for which the holiday functions name days: the last year with a text form.
const LastYear = 9999

// Kind says whether a named day is a public holiday by law or an eve that is kept like one.
type Kind uint8

const (
	// Public is an allmän helgdag under 1 § of Lag (1989:253).
	Public Kind = iota + 1
	// Eve is a de facto holiday (midsommarafton, julafton, nyårsafton): not a helgdag by law, but treated like a
	// Sunday by other laws such as semesterlagen (1977:480) 3 a §, and most workplaces close.
	Eve
)

// String returns "Public" or "Eve", or "Kind(n)" for other values.
func (k Kind) String() string {
	switch k {
	case Public:
		return "Public"
	case Eve:
		return "Eve"
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// MarshalText returns "public" or "eve", the JSON form of a Kind. Other values give an error wrapping
// ErrInvalidKind.
func (k Kind) MarshalText() ([]byte, error) {
	switch k {
	case Public:
		return []byte("public"), nil
	case Eve:
		return []byte("eve"), nil
	}
	return nil, fmt.Errorf("%w: %d", ErrInvalidKind, uint8(k))
}

// UnmarshalText accepts "public" or "eve" in any case. Other text gives an error wrapping ErrInvalidKind.
func (k *Kind) UnmarshalText(b []byte) error {
	switch strings.ToLower(string(b)) {
	case "public":
		*k = Public
	case "eve":
		*k = Eve
	default:
		return fmt.Errorf("%w: want \"public\" or \"eve\"", ErrInvalidKind)
	}
	return nil
}

// Holiday is a named day of the Swedish calendar. Its JSON form is
// {"date":"2026-06-06","name":"Nationaldagen","kind":"public"}.
type Holiday struct {
	Date Date   `json:"date"`
	Name string `json:"name"` // the Swedish name as in the law, e.g. "Nationaldagen", "Midsommarafton"
	Kind Kind   `json:"kind"`
}

// rule is one named day of the law, valid in the years from..until inclusive.
type rule struct {
	name        string
	kind        Kind
	from, until int
	date        func(year int, easter Date) Date
}

func fixed(m time.Month, d int) func(int, Date) Date {
	return func(y int, _ Date) Date { return NewDate(y, m, d) }
}

func fromEaster(n int) func(int, Date) Date {
	return func(_ int, e Date) Date { return e.AddDays(n) }
}

// firstFrom returns the first wd on or after m-d.
func firstFrom(m time.Month, d int, wd time.Weekday) func(int, Date) Date {
	return func(y int, _ Date) Date {
		start := NewDate(y, m, d)
		return start.AddDays(int(wd-start.Weekday()+7) % 7)
	}
}

// lawRules lists the named days of Lag (1989:253) as amended by SFS 2004:1320, plus the three eves. It is a
// read-only table.
var lawRules = [...]rule{
	{"Nyårsdagen", Public, FirstYear, LastYear, fixed(time.January, 1)},
	{"Trettondedag jul", Public, FirstYear, LastYear, fixed(time.January, 6)},
	{"Långfredagen", Public, FirstYear, LastYear, fromEaster(-2)},
	{"Påskdagen", Public, FirstYear, LastYear, fromEaster(0)},
	{"Annandag påsk", Public, FirstYear, LastYear, fromEaster(1)},
	{"Första maj", Public, FirstYear, LastYear, fixed(time.May, 1)},
	{"Kristi himmelsfärdsdag", Public, FirstYear, LastYear, fromEaster(39)},
	{"Pingstdagen", Public, FirstYear, LastYear, fromEaster(49)},
	{"Annandag pingst", Public, FirstYear, 2004, fromEaster(50)},
	{"Nationaldagen", Public, 2005, LastYear, fixed(time.June, 6)},
	{"Midsommarafton", Eve, FirstYear, LastYear, firstFrom(time.June, 19, time.Friday)},
	{"Midsommardagen", Public, FirstYear, LastYear, firstFrom(time.June, 20, time.Saturday)},
	{"Alla helgons dag", Public, FirstYear, LastYear, firstFrom(time.October, 31, time.Saturday)},
	{"Julafton", Eve, FirstYear, LastYear, fixed(time.December, 24)},
	{"Juldagen", Public, FirstYear, LastYear, fixed(time.December, 25)},
	{"Annandag jul", Public, FirstYear, LastYear, fixed(time.December, 26)},
	{"Nyårsafton", Eve, FirstYear, LastYear, fixed(time.December, 31)},
}

// Easter returns påskdagen, Easter Sunday, of year by the Gregorian computus (the anonymous algorithm of
// Meeus, Jones and Butcher), which is how Swedish almanacs read 2 § of Lag (1989:253). It falls between
// 22 March and 25 April: 2008-03-23, 2026-04-05, 2038-04-25. The computus is applied to every year, also before
// the Gregorian reform.
func Easter(year int) Date {
	y := clamp(int64(year), yearClamp)
	a := floorMod(y, 19)
	b, c := floorDiv(y, 100), floorMod(y, 100)
	d, e := floorDiv(b, 4), floorMod(b, 4)
	f := floorDiv(b+8, 25)
	g := floorDiv(b-f+1, 3)
	h := floorMod(19*a+b-d-g+15, 30)
	i, k := floorDiv(c, 4), floorMod(c, 4)
	l := floorMod(32+2*e+2*i-h-k, 7)
	m := floorDiv(a+11*h+22*l, 451)
	month := floorDiv(h+l-7*m+114, 31)
	day := floorMod(h+l-7*m+114, 31) + 1
	return NewDate(int(y), time.Month(month), int(day))
}

// Holidays returns the named days of year, sorted by date; on the same date Public comes before Eve, then
// names sort bytewise. It includes Påskdagen and Pingstdagen, which are Sundays, but not the other Sundays,
// although every Sunday is an allmän helgdag (see IsPublicHoliday). It returns nil for years before FirstYear
// or after LastYear, and a fresh slice on every call.
//
// Annandag pingst is named for 1990–2004 and Nationaldagen from 2005, as SFS 2004:1320 replaced the one with
// the other.
func Holidays(year int) []Holiday {
	if year < FirstYear || year > LastYear {
		return nil
	}
	easter := Easter(year)
	hs := make([]Holiday, 0, len(lawRules))
	for i := range lawRules {
		r := &lawRules[i]
		if r.from <= year && year <= r.until {
			hs = append(hs, Holiday{Date: r.date(year, easter), Name: r.name, Kind: r.kind})
		}
	}
	slices.SortFunc(hs, compareHolidays)
	return hs
}

func compareHolidays(a, b Holiday) int {
	if c := a.Date.Compare(b.Date); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Kind, b.Kind); c != 0 {
		return c
	}
	return strings.Compare(a.Name, b.Name)
}

// HolidayOn returns the named days on d, in the order of Holidays: none (nil), one, or two, as on 2008-05-01
// (Första maj and Kristi himmelsfärdsdag) and 2049-06-06 (Nationaldagen and Pingstdagen). An unnamed Sunday
// gives nil; use IsPublicHoliday to ask whether a day is a helgdag.
func HolidayOn(d Date) []Holiday {
	if t := lawTable(); t.covers(d) && !t.named.has(t.index(d)) {
		return nil
	}
	var out []Holiday
	for _, h := range Holidays(d.Year()) {
		if h.Date == d {
			out = append(out, h)
		}
	}
	return out
}

// IsPublicHoliday reports whether d is an allmän helgdag under 1 § of Lag (1989:253): every Sunday, and every
// named Public day of Holidays. Eves are not helgdagar; see IsEve. Before FirstYear and after LastYear only
// Sundays count. It does not allocate, and takes a few nanoseconds for 1990–2199, whose answers are
// precomputed once per process, and a few hundred after that.
func IsPublicHoliday(d Date) bool {
	if t := lawTable(); t.covers(d) {
		return t.public.has(t.index(d))
	}
	return d.Weekday() == time.Sunday || lawKinds(d)&kindBit(Public) != 0
}

// IsEve reports whether d is midsommarafton, julafton or nyårsafton, in FirstYear..LastYear. It costs the same
// as IsPublicHoliday.
func IsEve(d Date) bool {
	if t := lawTable(); t.covers(d) {
		return t.eve.has(t.index(d))
	}
	return lawKinds(d)&kindBit(Eve) != 0
}

func kindBit(k Kind) uint8 { return 1 << k }

// lawKinds returns the kinds of the named days on d as a set of kindBit, computed from the rules without
// allocating.
func lawKinds(d Date) uint8 {
	year := d.Year()
	if year < FirstYear || year > LastYear {
		return 0
	}
	easter := Easter(year)
	var set uint8
	for i := range lawRules {
		r := &lawRules[i]
		if r.from <= year && year <= r.until && r.date(year, easter) == d {
			set |= kindBit(r.kind)
		}
	}
	return set
}

// Precomputed bit sets, one bit per day, for the years tableFirst..tableLast.
const (
	tableFirst = FirstYear
	tableLast  = 2199
)

type bitset []uint64

func (b bitset) has(i int) bool { return b[i>>6]>>(i&63)&1 != 0 }
func (b bitset) set(i int)      { b[i>>6] |= 1 << (i & 63) }

type holidayTable struct {
	base, n int32  // days of the first covered day, and the number of days covered
	public  bitset // Sundays and named Public days
	eve     bitset // named Eve days
	named   bitset // any named day
}

func (t *holidayTable) covers(d Date) bool { return uint32(d.days-t.base) < uint32(t.n) }
func (t *holidayTable) index(d Date) int   { return int(d.days - t.base) }

// lawTable returns the precomputed holiday table, built once on first use and never changed afterwards.
var lawTable = sync.OnceValue(func() *holidayTable {
	first := NewDate(tableFirst, time.January, 1)
	n := NewDate(tableLast+1, time.January, 1).Sub(first)
	words := (n + 63) / 64
	t := &holidayTable{
		base:   first.days,
		n:      int32(n),
		public: make(bitset, words),
		eve:    make(bitset, words),
		named:  make(bitset, words),
	}
	for i := 0; i < n; i++ {
		if first.AddDays(i).Weekday() == time.Sunday {
			t.public.set(i)
		}
	}
	for y := tableFirst; y <= tableLast; y++ {
		for _, h := range Holidays(y) {
			i := t.index(h.Date)
			t.named.set(i)
			if h.Kind == Eve {
				t.eve.set(i)
			} else {
				t.public.set(i)
			}
		}
	}
	return t
})
