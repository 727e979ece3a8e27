package calendar

import (
	"cmp"
	"fmt"
	"math"
	"strconv"
	"time"
)

// Date is a civil day in the proleptic Gregorian calendar, with no time of day and no time zone. It is stored as
// a count of days since 0001-01-01 in an int32, so it is comparable with ==, usable as a map key and 4 bytes in
// size. The zero value is 0001-01-01, which IsZero reports as unset, as time.Time does.
//
// Arithmetic saturates at the ends of the representable range (about 5.8 million years either side of year 1)
// instead of wrapping; only years 0001..9999 have a text form.
type Date struct {
	days int32 // days since 0001-01-01
}

// marchEpochOffset is the number of days from 0000-03-01, the epoch of the civil algorithms below, to 0001-01-01.
const marchEpochOffset = 306

// yearClamp and dayClamp bound inputs before arithmetic so that no intermediate value overflows; any result
// beyond them saturates anyway.
const (
	yearClamp int64 = 1 << 30
	dayClamp  int64 = 1 << 40
)

// NewDate returns the Date of year, month and day. Like time.Date it normalises values outside their usual
// ranges: month 13 of 2026 is January 2027, and 32 January is 1 February.
func NewDate(year int, month time.Month, day int) Date {
	y, m := int64(year), int64(month)
	if m < 1 || m > 12 || y < -yearClamp || y > yearClamp {
		y, m = normMonth(y, m)
	}
	return fromDays(firstOfMonth(y, m) + clamp(int64(day), dayClamp) - 1)
}

// normMonth returns year and month with month brought into 1..12 and the year adjusted to match.
func normMonth(year, month int64) (y, m int64) {
	y = clamp(year, yearClamp)
	m = clamp(month, yearClamp)
	y += floorDiv(m-1, 12)
	m = floorMod(m-1, 12) + 1
	return y, m
}

// fromDays returns the Date n days after 0001-01-01, saturated to the range of Date.
func fromDays(n int64) Date {
	return Date{int32(max(math.MinInt32, min(math.MaxInt32, n)))}
}

// DateOf returns the civil date of t in t's own location. Convert first with t.In(loc) to ask for another zone.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return NewDate(y, m, d)
}

// ParseDate parses the strict form "YYYY-MM-DD" (years 0001..9999, month and day of two digits each, no
// surrounding space). The error is a *ParseError wrapping ErrInvalidDate.
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, dateError("layout", "want YYYY-MM-DD")
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	switch {
	case !ok1 || !ok2 || !ok3:
		return Date{}, dateError("layout", "want YYYY-MM-DD with digits only")
	case y < 1:
		return Date{}, dateError("year", "0000 is before 0001")
	case m < 1 || m > 12:
		return Date{}, dateError("month", strconv.Itoa(m)+" is not in 01..12")
	case d < 1 || d > DaysIn(y, time.Month(m)):
		return Date{}, dateError("day", fmt.Sprintf("%02d is not in 01..%02d for %04d-%02d", d, DaysIn(y, time.Month(m)), y, m))
	}
	return NewDate(y, time.Month(m), d), nil
}

func dateError(field, reason string) error {
	return &ParseError{Type: "date", Field: field, Reason: reason, Err: ErrInvalidDate}
}

// digits returns the value of s if s is a non-empty string of ASCII digits of at most 9 characters.
func digits(s string) (int, bool) {
	if len(s) == 0 || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// DaysIn returns the number of days (28 to 31) of month in year. A month outside 1..12 is normalised as in
// NewDate, so DaysIn(2026, 14) is the length of February 2027.
func DaysIn(year int, month time.Month) int {
	y, m := normMonth(int64(year), int64(month))
	switch m {
	case 2:
		if isLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func isLeap(y int64) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// Year returns the year of d.
func (d Date) Year() int {
	y, _, _ := d.YMD()
	return y
}

// Month returns the month of d.
func (d Date) Month() time.Month {
	_, m, _ := d.YMD()
	return m
}

// Day returns the day of the month of d, 1 to 31.
func (d Date) Day() int {
	_, _, day := d.YMD()
	return day
}

// YMD returns the year, month and day of d.
func (d Date) YMD() (year int, month time.Month, day int) {
	y, m, dd := civilFromDays(int64(d.days))
	return int(y), time.Month(m), int(dd)
}

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday {
	// 0001-01-01 was a Monday.
	return time.Weekday((d.isoDay() + 1) % 7)
}

// isoDay returns 0 for Monday through 6 for Sunday.
func (d Date) isoDay() int { return int(uint64(int64(d.days)+7<<32) % 7) }

// YearDay returns the day of the year of d, 1 to 366.
func (d Date) YearDay() int {
	_, yd := yearDay(int64(d.days))
	return int(yd)
}

// AddDays returns the date n days after d (before it if n < 0). This is how to step through days: never add
// 24*time.Hour to a time.Time, since a Stockholm day is 23 or 25 hours long when the clocks change.
func (d Date) AddDays(n int) Date {
	return fromDays(int64(d.days) + clamp(int64(n), dayClamp))
}

// AddDate returns the date years, months and days after d, normalised as time.Time.AddDate does:
// 2026-01-31 plus one month is 2026-03-03.
func (d Date) AddDate(years, months, days int) Date {
	y, m, dd := civilFromDays(int64(d.days))
	y, m = normMonth(y+clamp(int64(years), yearClamp), m+clamp(int64(months), yearClamp))
	return fromDays(firstOfMonth(y, m) + dd - 1 + clamp(int64(days), dayClamp))
}

// Sub returns the number of days from u to d, that is d − u: positive when d is after u.
func (d Date) Sub(u Date) int { return int(d.days) - int(u.days) }

// Before reports whether d is before u.
func (d Date) Before(u Date) bool { return d.days < u.days }

// After reports whether d is after u.
func (d Date) After(u Date) bool { return d.days > u.days }

// Compare returns -1 if d is before u, 0 if they are the same day and +1 if d is after u, as slices.SortFunc
// wants.
func (d Date) Compare(u Date) int { return cmp.Compare(d.days, u.days) }

// IsZero reports whether d is the zero Date, 0001-01-01, used to mean "unset".
func (d Date) IsZero() bool { return d.days == 0 }

// ISOWeek returns the ISO 8601 week that holds d. The week's year can differ from d's year near New Year:
// 2025-12-29 is in 2026-W01 and 2027-01-01 is in 2026-W53.
func (d Date) ISOWeek() Week {
	y, yd := yearDay(int64(d.days) - int64(d.isoDay()) + 3) // the week's Thursday decides its year
	return Week{Year: int(y), Number: int((yd-1)/7 + 1)}
}

// At returns the instant at hour:min on d in loc, exactly time.Date(y, m, d, hour, min, 0, 0, loc); a nil loc
// means UTC. Hour and minute are normalised as in time.Date: At(24, 0, loc) is the midnight that starts the next
// day.
//
// The wall-clock time stays the same across a daylight-saving change: 18:00 is 18:00 local on both sides of
// 2026-03-29 and 2026-10-25 in Europe/Stockholm (17:00 UTC in winter, 16:00 UTC in summer). For a wall-clock time
// that does not exist or exists twice, time.Date promises only that the result is right in one of the two zones.
// Go 1.26 gives, and the tests pin:
//   - spring gap, 2026-03-29 02:30 does not exist: the result is 03:30 CEST (01:30 UTC);
//   - autumn fold, 2026-10-25 02:30 happens twice: the result is the second, 02:30 CET (01:30 UTC).
//
// Plan meetings outside 02:00–03:00 on those nights, or fix the instant in UTC.
func (d Date) At(hour, min int, loc *time.Location) time.Time {
	if loc == nil {
		loc = time.UTC
	}
	y, m, dd := d.YMD()
	return time.Date(y, m, dd, hour, min, 0, 0, loc)
}

// String returns d as "2026-06-19". Years outside 0000..9999 print with a sign or more digits ("-0044-03-15",
// "10000-01-01"), as time.Time's Format does.
func (d Date) String() string {
	y, m, dd := d.YMD()
	b := make([]byte, 0, 16)
	b = appendYear(b, y)
	b = append(b, '-', byte('0'+m/10), byte('0'+m%10), '-', byte('0'+dd/10), byte('0'+dd%10))
	return string(b)
}

func appendYear(b []byte, y int) []byte {
	if y < 0 {
		b = append(b, '-')
		y = -y
	}
	for p := 1000; p > 1 && y < p; p /= 10 {
		b = append(b, '0')
	}
	return strconv.AppendInt(b, int64(y), 10)
}

// MarshalText returns the text form "2026-06-19", so that JSON holds the string "2026-06-19". Years outside
// 0001..9999 have no text form and give an error wrapping ErrInvalidDate.
func (d Date) MarshalText() ([]byte, error) {
	if y := d.Year(); y < 1 || y > 9999 {
		return nil, fmt.Errorf("%w: year %d has no text form (0001..9999)", ErrInvalidDate, y)
	}
	return []byte(d.String()), nil
}

// UnmarshalText parses b with ParseDate.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// The civil algorithms below are Howard Hinnant's, exact for the proleptic Gregorian calendar. They count in
// 400-year eras from 0000-03-01 (so that the leap day ends a year) and add civilShift eras so that the
// arithmetic is unsigned. That covers years beyond ±1.6 billion, more than Date and the clamps in normMonth need.
const civilShift = 1 << 22

// firstOfMonth returns the number of days from 0001-01-01 to the first day of month m (1..12) of year y.
func firstOfMonth(y, m int64) int64 {
	if m <= 2 {
		y--
	}
	yu := uint64(y + civilShift*400)
	era := yu / 400
	yoe := yu - era*400 // [0, 399]
	mp := uint64(m + 9) // months from March: [0, 11]
	if m > 2 {
		mp = uint64(m - 3)
	}
	doy := (153*mp + 2) / 5 // [0, 306]
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int64(era*146097+doe) - civilShift*146097 - marchEpochOffset
}

// marchDays splits the day n days after 0001-01-01 into its 400-year era, year of the era, and day of that
// year, all counted from 1 March.
func marchDays(n int64) (era, yoe, doy uint64) {
	z := uint64(n + marchEpochOffset + civilShift*146097)
	era = z / 146097
	doe := z - era*146097                                 // [0, 146096]
	yoe = (doe - doe/1460 + doe/36524 - doe/146096) / 365 // [0, 399]
	doy = doe - (365*yoe + yoe/4 - yoe/100)               // [0, 365]
	return era, yoe, doy
}

// civilFromDays returns the year, month and day of the day n days after 0001-01-01.
func civilFromDays(n int64) (y, m, d int64) {
	era, yoe, doy := marchDays(n)
	mp := (5*doy + 2) / 153 // [0, 11], March = 0
	d = int64(doy-(153*mp+2)/5) + 1
	m = int64(mp) + 3
	y = int64(yoe+era*400) - civilShift*400
	if m > 12 {
		m -= 12
		y++
	}
	return y, m, d
}

// yearDay returns the year and the day of the year (1..366) of the day n days after 0001-01-01.
func yearDay(n int64) (y, yday int64) {
	era, yoe, doy := marchDays(n)
	y = int64(yoe+era*400) - civilShift*400
	if doy >= 306 { // January or February of the next year
		return y + 1, int64(doy) - 305
	}
	leap := int64(0)
	if yoe%4 == 0 && (yoe%100 != 0 || yoe == 0) { // the year began in era*400 + yoe, and era*400 is a leap year
		leap = 1
	}
	return y, int64(doy) + 60 + leap
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func floorMod(a, b int64) int64 {
	r := a % b
	if r < 0 {
		r += b
	}
	return r
}

// clamp limits v to [-limit, limit].
func clamp(v, limit int64) int64 { return max(-limit, min(limit, v)) }

// Age returns the number of whole years from birth to on: a person's age on
// the day on, counting the birthday itself. Someone born on 29 February turns a
// year older on 1 March in common years. It is negative when on is before
// birth.
func Age(birth, on Date) int {
	by, bm, bd := birth.YMD()
	y, m, d := on.YMD()
	age := y - by
	if m < bm || m == bm && d < bd {
		age--
	}
	return age
}

// MinDate returns the earlier of a and b.
func MinDate(a, b Date) Date {
	if b.Before(a) {
		return b
	}
	return a
}

// MaxDate returns the later of a and b.
func MaxDate(a, b Date) Date {
	if b.After(a) {
		return b
	}
	return a
}
