package main

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/kontaktlab/kontakt/compensation"
	"github.com/kontaktlab/kontakt/matching"
	"github.com/kontaktlab/kontakt/scheduling"
	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

//go:embed report.html.tmpl
var reportHTML string

var reportTmpl = template.Must(template.New("report").Funcs(template.FuncMap{
	"num": func(x float64) string { return strings.Replace(strconv.FormatFloat(x, 'f', 1, 64), ".", ",", 1) },
	"int": func(n int) string { return groupDigits(strconv.Itoa(n)) },
	"kr":  func(o compensation.Ore) string { return o.String() },
	"width": func(pct float64) template.CSS {
		return template.CSS(fmt.Sprintf("width:%.2f%%", math.Max(0, math.Min(pct, 100))))
	},
	"share":    func(n, of int) float64 { return 100 * float64(n) / float64(max(of, 1)) },
	"share100": func(x float64) float64 { return 100 * x },
	"add":      func(a, b int) int { return a + b },
	"pct":      func(x float64) string { return strconv.Itoa(int(math.Round(x))) + " %" },
	"join":     strings.Join,
	"date":     func(d calendar.Date) string { return fmt.Sprintf("%d/%d", d.Day(), int(d.Month())) },
	"stamp":    func(t time.Time) string { return t.UTC().Format("2006-01-02 15:04 UTC") },
	"why":      func(w matching.Why) string { return w.Label().SV },
	"reason":   reasonSV,
	"prio":     func(p matching.Priority) string { return p.Label().SV },
	"support":  func(s matching.Support) string { return s.Label().SV },
	"law":      func(l matching.Law) string { return l.Label().SV },
	"windows":  windowsSV,
	"list":     func(w calendar.Window) []calendar.Window { return []calendar.Window{w} },
	"holidays": func(hs []calendar.Holiday) string {
		names := make([]string, len(hs))
		for i, h := range hs {
			names[i] = fmt.Sprintf("%s (%s %d/%d)", h.Name, weekdayShortSV[h.Date.Weekday()], h.Date.Day(), int(h.Date.Month()))
		}
		return strings.Join(names, ", ")
	},
	"scoreLabel": func(score float64, parts []matching.Part) string {
		s := fmt.Sprintf("Poäng %s av 100:", strings.Replace(strconv.FormatFloat(score, 'f', 1, 64), ".", ",", 1))
		for _, p := range parts {
			s += fmt.Sprintf(" %s %s;", p.Label.SV, strings.Replace(strconv.FormatFloat(p.Points, 'f', 1, 64), ".", ",", 1))
		}
		return strings.TrimSuffix(s, ";")
	},
	"maxBlockers": func(bs []blockerRow) int {
		m := 1
		for _, b := range bs {
			m = max(m, b.Clients)
		}
		return m
	},
}).Parse(reportHTML))

func writeHTML(w io.Writer, rep *report) error { return reportTmpl.Execute(w, rep) }

// groupDigits groups thousands with a narrow no-break space, as Swedish does: 12 345.
func groupDigits(s string) string {
	if len(s) <= 4 {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteRune('\u202f')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// reasonSV says in Swedish why a meeting or stay is missing from the plan.
func reasonSV(r scheduling.Reason) string {
	switch r {
	case scheduling.ReasonNoCommonTime:
		return "ingen gemensam veckotid"
	case scheduling.ReasonVolunteerBooked:
		return "volontärens tid går till andra nya par"
	case scheduling.ReasonCapacity:
		return "familjen har inte plats den helgen"
	case scheduling.ReasonChildBlocked:
		return "alla helger spärrade för barnet"
	case scheduling.ReasonFamilyBlocked:
		return "alla helger spärrade för familjen"
	case scheduling.ReasonBlocked:
		return "alla helger spärrade"
	case scheduling.ReasonHorizon:
		return "perioden kapar månaden"
	case scheduling.ReasonPublicHoliday:
		return "helgdag"
	}
	return string(r)
}

// Meetings sums the weekly plan for the report.
func (rep *report) Meetings() map[string]int {
	held, moved, notHeld := rep.MeetingCounts()
	return map[string]int{"held": held, "moved": moved, "notHeld": notHeld}
}

// ShortfallsBy counts the stays that could not be planned, by reason, in Swedish.
func (rep *report) ShortfallsBy() []struct {
	Reason string
	N      int
} {
	var out []struct {
		Reason string
		N      int
	}
	idx := make(map[scheduling.Reason]int)
	for _, s := range rep.weekends.Shortfalls {
		i, ok := idx[s.Reason]
		if !ok {
			i = len(out)
			idx[s.Reason] = i
			out = append(out, struct {
				Reason string
				N      int
			}{reasonSV(s.Reason), 0})
		}
		out[i].N++
	}
	return out
}

// CutShort counts the stays missing only because the horizon cuts a month short.
func (rep *report) CutShort() int {
	n := 0
	for _, s := range rep.weekends.Shortfalls {
		if s.Reason == scheduling.ReasonHorizon {
			n++
		}
	}
	return n
}

// HolidayWeeks returns the weeks of the horizon with a named day at the weekend.
func (rep *report) HolidayWeeks() []weekCol {
	var out []weekCol
	for _, w := range rep.Weeks {
		if len(w.Holidays) > 0 {
			out = append(out, w)
		}
	}
	return out
}

// Parts returns the parts of the score in the library's order, for the legend.
func (rep *report) Parts() []matching.Part {
	for _, p := range rep.Proposals {
		return p.Parts
	}
	return nil
}

// The report's unexported data, for the template.

func (rep *report) AsOf() calendar.Date        { return rep.pool.AsOf }
func (rep *report) From() calendar.Date        { return rep.from }
func (rep *report) To() calendar.Date          { return rep.to }
func (rep *report) Stats() matching.Stats      { return rep.prop.Stats() }
func (rep *report) Policy() string             { return rep.policy }
func (rep *report) PaymentDate() calendar.Date { return rep.paymentDate }
func (rep *report) Payments() []payment        { return rep.payments }
