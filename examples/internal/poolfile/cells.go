package poolfile

import (
	"encoding"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/kontaktlab/kontakt/matching"
	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// ListSeparator separates the items of a multi-valued CSV cell.
const ListSeparator = "|"

// splitList returns the trimmed, non-empty items of a multi-valued cell.
func splitList(s string) []string {
	var out []string
	for item := range strings.SplitSeq(s, ListSeparator) {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}

// parseList parses each item of a multi-valued cell with parse, naming the item that fails.
func parseList[E any](s string, parse func(string) (E, error)) ([]E, error) {
	var out []E
	for i, item := range splitList(s) {
		e, err := parse(item)
		if err != nil {
			return nil, fmt.Errorf("item %d: %w", i+1, err)
		}
		out = append(out, e)
	}
	return out, nil
}

func formatList[E any](xs []E, format func(E) string) string {
	items := make([]string, len(xs))
	for i, x := range xs {
		items[i] = format(x)
	}
	return strings.Join(items, ListSeparator)
}

// parseNumber reads a decimal number with a point or, as Swedish spreadsheets write it, a comma.
func parseNumber(s string) (float64, error) {
	if strings.Count(s, ",") == 1 && !strings.Contains(s, ".") {
		s = strings.Replace(s, ",", ".", 1)
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, errors.New("not a number")
	}
	return f, nil
}

func formatNumber(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func parseWhole(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, errors.New("not a whole number")
	}
	return n, nil
}

func parseBool(s string) (bool, error) {
	switch strings.ToLower(s) {
	case "true", "ja", "yes", "1":
		return true, nil
	case "false", "nej", "no", "0":
		return false, nil
	}
	return false, errors.New("want true or false (ja/nej)")
}

// parseDate reads YYYY-MM-DD. Its error never says which part is wrong: the cell may be a birth date.
func parseDate(s string) (calendar.Date, error) {
	d, err := calendar.ParseDate(s)
	if err != nil {
		return calendar.Date{}, errors.New("not a date (YYYY-MM-DD)")
	}
	return d, nil
}

func parseWeek(s string) (calendar.Week, error) {
	w, err := calendar.ParseWeek(s)
	if err != nil {
		return calendar.Week{}, errors.New("not an ISO week such as 2026-W36")
	}
	return w, nil
}

// textPtr is a pointer to one of matching's vocabulary types, which read their JSON codes with UnmarshalText.
type textPtr[E any] interface {
	*E
	encoding.TextUnmarshaler
}

// parseCode reads one code of a vocabulary ("leisure", "kontaktfamilj"), ignoring case.
func parseCode[E any, P textPtr[E]](s string) (E, error) {
	var e E
	if err := P(&e).UnmarshalText([]byte(s)); err != nil {
		var fe *matching.FieldError
		if errors.As(err, &fe) {
			return e, errors.New(fe.Reason)
		}
		return e, errors.New("unknown code")
	}
	return e, nil
}

// parseWindow reads a weekly window such as "tuesday 17:00-20:00" or "tis 17.00–20.00".
func parseWindow(s string) (calendar.Window, error) {
	s = strings.NewReplacer("–", "-", " - ", "-").Replace(s)
	f := strings.Fields(s)
	if len(f) != 2 {
		return calendar.Window{}, errors.New("want a day and a time range, e.g. tuesday 17:00-20:00")
	}
	day, err := calendar.ParseWeekday(f[0])
	if err != nil {
		return calendar.Window{}, errors.New("not a weekday (monday, tisdag, ...)")
	}
	a, b, ok := strings.Cut(f[1], "-")
	if !ok {
		return calendar.Window{}, errors.New("want a time range, e.g. 17:00-20:00")
	}
	start, err1 := calendar.ParseClock(a)
	end, err2 := calendar.ParseClock(b)
	if err1 != nil || err2 != nil {
		return calendar.Window{}, errors.New("want times such as 17:00-20:00")
	}
	w := calendar.Window{Day: day, Start: start, End: end}
	var we *calendar.WindowError
	if err := w.Validate(); errors.As(err, &we) {
		return calendar.Window{}, errors.New(we.Reason)
	}
	return w, nil
}

// parseExpectation reads "kind", "kind=value" or either with a trailing "!" for a required expectation:
// "no_pets!", "volunteer_gender=female", "volunteer_age=25-60", "language=ar!".
func parseExpectation(s string) (matching.Expectation, error) {
	var e matching.Expectation
	if rest, ok := strings.CutSuffix(s, "!"); ok {
		e.Required, s = true, strings.TrimSpace(rest)
	}
	kind, val, hasVal := strings.Cut(s, "=")
	k, err := parseCode[matching.ExpectationKind](strings.TrimSpace(kind))
	if err != nil {
		return e, err
	}
	e.Kind, val = k, strings.TrimSpace(val)
	switch e.Kind {
	case matching.WantGender:
		e.Gender, err = parseCode[matching.Gender](val)
	case matching.WantAge:
		lo, hi, ok := strings.Cut(val, "-")
		if !ok {
			return e, errors.New("want an age range such as volunteer_age=25-60")
		}
		if lo != "" {
			e.MinAge, err = parseWhole(lo)
		}
		if hi != "" && err == nil {
			e.MaxAge, err = parseWhole(hi)
		}
	case matching.WantLanguage:
		e.Language = val
	default:
		if hasVal {
			err = errors.New("this expectation takes no value")
		}
	}
	return e, err
}

func formatExpectation(e matching.Expectation) string {
	s := e.Kind.String()
	switch e.Kind {
	case matching.WantGender:
		s += "=" + e.Gender.String()
	case matching.WantAge:
		s += "="
		if e.MinAge > 0 {
			s += strconv.Itoa(e.MinAge)
		}
		s += "-"
		if e.MaxAge > 0 {
			s += strconv.Itoa(e.MaxAge)
		}
	case matching.WantLanguage:
		s += "=" + e.Language
	}
	if e.Required {
		s += "!"
	}
	return s
}

// parseAssignment reads a running assignment: the kind of support, then optional client=ID and children=N, then
// its weekly windows and weekends, e.g. "kontaktperson client=C-90001 monday 16:00-19:00" or
// "kontaktfamilj children=2 2026-W36 2026-W40".
func parseAssignment(s string) (matching.Assignment, error) {
	var a matching.Assignment
	tok := strings.Fields(strings.NewReplacer("–", "-", " - ", "-").Replace(s))
	sup, err := parseCode[matching.Support](tok[0])
	if err != nil {
		return a, err
	}
	a.Support = sup
	for i := 1; i < len(tok); i++ {
		t := tok[i]
		if id, ok := strings.CutPrefix(t, "client="); ok {
			a.ClientID = id
			continue
		}
		if n, ok := strings.CutPrefix(t, "children="); ok {
			if a.Children, err = parseWhole(n); err != nil {
				return a, fmt.Errorf("children: %w", err)
			}
			continue
		}
		if w, err := calendar.ParseWeek(t); err == nil {
			a.Weekends = append(a.Weekends, w)
			continue
		}
		if _, err := calendar.ParseWeekday(t); err == nil && i+1 < len(tok) {
			w, err := parseWindow(t + " " + tok[i+1])
			if err != nil {
				return a, err
			}
			a.Windows = append(a.Windows, w)
			i++
			continue
		}
		return a, fmt.Errorf("word %d is not client=ID, children=N, a window (monday 16:00-19:00) or a week (2026-W36)", i+1)
	}
	return a, nil
}

func formatAssignment(a matching.Assignment) string {
	parts := []string{a.Support.String()}
	if a.ClientID != "" {
		parts = append(parts, "client="+a.ClientID)
	}
	if a.Children != 0 {
		parts = append(parts, "children="+strconv.Itoa(a.Children))
	}
	for _, w := range a.Windows {
		parts = append(parts, w.String())
	}
	for _, w := range a.Weekends {
		parts = append(parts, w.String())
	}
	return strings.Join(parts, " ")
}
