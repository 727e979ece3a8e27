package matching

import (
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// ageBands are the bands a de-identified summary gives instead of an age: wide enough not to single a child out,
// narrow enough for a volunteer to know what the assignment means.
var ageBands = [][2]int{{0, 3}, {4, 6}, {7, 9}, {10, 12}, {13, 15}, {16, 17}, {18, 20}, {21, 25}, {26, 35},
	{36, 50}, {51, 65}, {66, -1}}

func ageBandOf(age int) int {
	for i, b := range ageBands {
		if age <= b[1] || b[1] < 0 {
			return i
		}
	}
	return len(ageBands) - 1
}

// ageBandText returns e.g. "7–9" or "66+".
func ageBandText(i int) string {
	b := ageBands[i]
	if b[1] < 0 {
		return strconv.Itoa(b[0]) + "+"
	}
	return fmt.Sprintf("%d–%d", b[0], b[1])
}

// Summary is a de-identified description of a client's assignment, fit to show a volunteer before they accept:
// the kind of support, the age band, the kinds of needs, the general area and the frequency. It never holds a
// name, address, birth date, interest or the client's ID. For a sibling group it describes the whole group.
type Summary struct {
	Support   Support   `json:"support"`
	Law       Law       `json:"law"`
	Children  int       `json:"children"`       // 1, or the number of siblings placed together
	AgeBands  []string  `json:"age_bands"`      // one per child, youngest first, e.g. "7–9"
	Needs     []Need    `json:"needs"`          // the kinds of needs, in vocabulary order
	Area      string    `json:"area,omitempty"` // the general area label given by the municipality
	Frequency Frequency `json:"frequency"`      // with the defaults filled in
	Text      Text      `json:"text"`           // the summary as one sentence or three
}

// LogValue returns only the kind of support and the number of children: the summary holds no ID.
func (s Summary) LogValue() slog.Value {
	return slog.GroupValue(slog.String("support", s.Support.String()), slog.Int("children", s.Children))
}

// summary builds the summary of unit u.
func (pp *prepared) summary(u *unit) Summary {
	first := &pp.ci[u.members[0]]
	s := Summary{Support: first.support, Law: first.law, Children: len(u.members), Area: first.area,
		Frequency: first.frequency}
	var bands []int
	for _, ci := range u.members {
		c := &pp.ci[ci]
		bands = append(bands, c.ageBand)
		for _, n := range c.needs {
			if !slices.Contains(s.Needs, n) {
				s.Needs = append(s.Needs, n)
			}
		}
	}
	slices.Sort(bands)
	slices.Sort(s.Needs)
	for _, b := range bands {
		s.AgeBands = append(s.AgeBands, ageBandText(b))
	}
	s.Text = summaryText(&s)
	return s
}

func summaryText(s *Summary) Text {
	who := Text{SV: "en person", EN: "one person"}
	if s.Children > 1 {
		who = Text{SV: fmt.Sprintf("ett syskonpar (%d barn)", s.Children), EN: fmt.Sprintf("a sibling group of %d", s.Children)}
		if s.Children > 2 {
			who.SV = fmt.Sprintf("en syskongrupp (%d barn)", s.Children)
		}
	}
	var needs []Text
	for _, n := range s.Needs {
		needs = append(needs, n.Label())
	}
	nt := joinLabels(needs)
	support := s.Support.Label()
	t := Text{
		SV: fmt.Sprintf("%s (%s) för %s, %s år. Behov: %s.", capitalize(support.SV), s.Law.Label().SV, who.SV,
			joinList(s.AgeBands, "och"), nt.SV),
		EN: fmt.Sprintf("%s (%s) for %s aged %s. Needs: %s.", capitalize(support.EN), s.Law.Label().EN, who.EN,
			joinList(s.AgeBands, "and"), nt.EN),
	}
	if s.Area != "" {
		t.SV += " Område: " + s.Area + "."
		t.EN += " Area: " + s.Area + "."
	}
	f := frequencyText(s.Support, s.Frequency)
	t.SV += " Omfattning: " + f.SV + "."
	t.EN += " Frequency: " + f.EN + "."
	return t
}

func frequencyText(s Support, f Frequency) Text {
	if s == Kontaktfamilj {
		n := f.WeekendsPerMonth
		return Text{SV: fmt.Sprintf("%d %s i månaden", n, plural(n, "helg", "helger")),
			EN: fmt.Sprintf("%d %s a month", n, plural(n, "weekend", "weekends"))}
	}
	h, he := decimal(float64(f.MeetingMinutes) / 60)
	n := f.MeetingsPerWeek
	return Text{SV: fmt.Sprintf("%d %s i veckan, %s timmar per gång", n, plural(n, "träff", "träffar"), h),
		EN: fmt.Sprintf("%d %s a week, %s hours each", n, plural(n, "meeting", "meetings"), he)}
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
