package scheduling

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// TZID is the time zone identifier of every exported time.
const TZID = "Europe/Stockholm"

// ICalOptions control WriteICal. The zero value writes held meetings and stays, without labels, with DTSTAMP at
// midnight UTC of the first item's day.
type ICalOptions struct {
	// DTStamp is written as every event's DTSTAMP (in UTC). The zero value means midnight UTC at the start of the
	// first exported item's day, so that the same plan always gives the same file.
	DTStamp time.Time `json:"dtstamp,omitzero"`
	// Labels maps a pair or agreement ID to a text appended to the SUMMARY, such as a first name the volunteer
	// already knows. The library never writes client names or IDs of its own; nil means no labels.
	Labels map[string]string `json:"labels,omitempty"`
	// Name is the calendar's display name (X-WR-CALNAME); "" means "Kontakt".
	Name string `json:"name,omitempty"`
	// IncludeNotHeld also exports skipped, conflicting and cancelled meetings, with STATUS:CANCELLED. The zero
	// value leaves them out.
	IncludeNotHeld bool `json:"include_not_held,omitempty"`
}

// event is one VEVENT to write.
type event struct {
	uid, summary, description string
	start, end                time.Time
	held                      bool
}

// uid returns a stable UID: a hash of the item's identity, so that no ID is readable from a calendar.
func uid(parts ...string) string {
	sum := sha256.Sum256([]byte(strings.Join(parts, "\x1f")))
	return hex.EncodeToString(sum[:16]) + "@kontakt.invalid"
}

// reasonText is how an event's DESCRIPTION names a Reason, in Swedish and without saying which party it concerns.
var reasonText = map[Reason]string{
	ReasonPublicHoliday: "helgdag",
	ReasonEve:           "helgdagsafton",
	ReasonPause:         "uppehåll",
	ReasonVolunteerAway: "frånvaro",
	ReasonClientAway:    "frånvaro",
}

// WriteICal writes the plan's meetings to w as an iCalendar (RFC 5545) file: one VEVENT per held meeting, with a
// stable UID (a hash of the pair and the regular start, "@kontakt.invalid"), DTSTAMP from opt, DTSTART and DTEND
// in local time with TZID=Europe/Stockholm and a VTIMEZONE built from the zone's rules, CRLF line endings and
// lines folded at 75 octets. SUMMARY is "Kontaktträff" (plus a label from opt.Labels); DESCRIPTION says only
// whether the meeting was moved and why ("helgdag", "frånvaro"). No ID or name is written.
func (p *WeeklyPlan) WriteICal(w io.Writer, opt ICalOptions) error {
	loc, err := calendar.Stockholm()
	if err != nil {
		return fmt.Errorf("scheduling: %w", err)
	}
	var evs []event
	for _, m := range p.Meetings {
		if !m.Status.Held() && !opt.IncludeNotHeld {
			continue
		}
		desc := "Kontaktträff enligt plan."
		switch m.Status {
		case Moved:
			desc = fmt.Sprintf("Flyttad från %s (%s).", m.RegularStart.In(loc).Format("2006-01-02 15:04"),
				cmp.Or(reasonText[m.Reason], "annat skäl"))
		case MakeUp:
			desc = "Ersättningsträff för en inställd träff."
		case Skipped, Conflict, Cancelled:
			desc = "Inställd (" + cmp.Or(reasonText[m.Reason], "inställd av handläggare") + ")."
		}
		evs = append(evs, event{
			uid:         uid("meeting", m.PairID, m.RegularStart.In(loc).Format("20060102T1504")),
			summary:     labelled("Kontaktträff", opt.Labels[m.PairID]),
			description: desc, start: m.Start, end: m.End, held: m.Status.Held(),
		})
	}
	return writeICal(w, evs, opt, loc)
}

// WriteICal writes the plan's stays to w as an iCalendar (RFC 5545) file, as WeeklyPlan.WriteICal does: one
// VEVENT per stay, from arrival to departure, with SUMMARY "Kontaktfamilj – vistelse" (plus a label from
// opt.Labels) and a DESCRIPTION giving the stay's length in halvdygn and the holidays in it. No ID or name is
// written.
func (p *WeekendPlan) WriteICal(w io.Writer, opt ICalOptions) error {
	loc, err := calendar.Stockholm()
	if err != nil {
		return fmt.Errorf("scheduling: %w", err)
	}
	evs := make([]event, 0, len(p.Stays))
	for _, s := range p.Stays {
		key := s.Week.String()
		if s.Kind == StayExtra {
			key = s.From.String()
		}
		var names []string
		for _, d := range s.Days {
			for _, h := range d.Holidays {
				names = append(names, h.Name)
			}
		}
		desc := fmt.Sprintf("%d halvdygn (%s dygn).", s.Halvdygn,
			strings.Replace(fmt.Sprintf("%g", s.Dygn()), ".", ",", 1))
		if len(names) > 0 {
			desc += " Helgdagar: " + strings.Join(names, ", ") + "."
		}
		evs = append(evs, event{
			uid:         uid("stay", s.AgreementID, string(s.Kind), key),
			summary:     labelled("Kontaktfamilj – vistelse", opt.Labels[s.AgreementID]),
			description: desc, start: s.Start, end: s.End, held: true,
		})
	}
	return writeICal(w, evs, opt, loc)
}

func labelled(s, label string) string {
	if label == "" {
		return s
	}
	return s + " – " + label
}

const icalLocal = "20060102T150405"

func writeICal(w io.Writer, evs []event, opt ICalOptions, loc *time.Location) error {
	cal := ics.NewCalendar()
	cal.SetProductId("-//kontaktlab//Kontakt scheduling//SV")
	cal.SetCalscale("GREGORIAN")
	cal.SetMethod(ics.MethodPublish)
	cal.SetXWRCalName(cmp.Or(opt.Name, "Kontakt"))
	cal.SetXWRTimezone(TZID)
	stamp, first := opt.DTStamp, 2000 // first is the first event's year when there are events
	if !stamp.IsZero() {
		first = stamp.Year()
	}
	if len(evs) > 0 {
		s := evs[0].start.In(loc)
		for _, e := range evs {
			if t := e.start.In(loc); t.Before(s) {
				s = t
			}
		}
		first = s.Year()
		if stamp.IsZero() {
			stamp = time.Date(s.Year(), s.Month(), s.Day(), 0, 0, 0, 0, time.UTC)
		}
	}
	cal.AddVTimezone(vtimezone(loc, first-1))
	for _, e := range evs {
		ev := cal.AddEvent(e.uid)
		ev.SetDtStampTime(stamp)
		ev.SetProperty(ics.ComponentPropertyDtStart, e.start.In(loc).Format(icalLocal), ics.WithTZID(TZID))
		ev.SetProperty(ics.ComponentPropertyDtEnd, e.end.In(loc).Format(icalLocal), ics.WithTZID(TZID))
		ev.SetSummary(e.summary)
		ev.SetDescription(e.description)
		if e.held {
			ev.SetStatus(ics.ObjectStatusConfirmed)
		} else {
			ev.SetStatus(ics.ObjectStatusCancelled)
		}
	}
	if err := cal.SerializeTo(w, ics.WithNewLineWindows); err != nil {
		return fmt.Errorf("scheduling: write iCalendar: %w", err)
	}
	return nil
}

// vtimezone describes loc as a VTIMEZONE from its rules as of year: one STANDARD or DAYLIGHT component per change
// of offset in that year, each starting at that change (local time before it) and recurring yearly on the same
// weekday of the month ("last Sunday of March", RRULE BYDAY=-1SU). A zone without changes gets one STANDARD.
func vtimezone(loc *time.Location, year int) *ics.VTimezone {
	tz := ics.NewTimezone(TZID)
	t := time.Date(year, time.January, 1, 12, 0, 0, 0, loc)
	end := time.Date(year+1, time.January, 1, 0, 0, 0, 0, loc)
	for {
		_, next := t.ZoneBounds()
		if next.IsZero() || !next.Before(end) {
			break
		}
		_, before := next.Add(-time.Second).Zone()
		name, after := next.Zone()
		local := next.In(time.FixedZone("", before))
		day := calendar.DateOf(local)
		ord := (day.Day()-1)/7 + 1
		if day.Day()+7 > calendar.DaysIn(day.Year(), day.Month()) {
			ord = -1
		}
		cb := ics.ComponentBase{}
		cb.AddProperty(ics.ComponentProperty(ics.PropertyTzoffsetfrom), offset(before))
		cb.AddProperty(ics.ComponentProperty(ics.PropertyTzoffsetto), offset(after))
		cb.AddProperty(ics.ComponentProperty(ics.PropertyTzname), name)
		cb.AddProperty(ics.ComponentPropertyDtStart, local.Format(icalLocal))
		cb.AddProperty(ics.ComponentPropertyRrule, fmt.Sprintf("FREQ=YEARLY;BYMONTH=%d;BYDAY=%d%s",
			int(day.Month()), ord, strings.ToUpper(day.Weekday().String()[:2])))
		if next.IsDST() {
			tz.Components = append(tz.Components, &ics.Daylight{ComponentBase: cb})
		} else {
			tz.Components = append(tz.Components, &ics.Standard{ComponentBase: cb})
		}
		t = next
	}
	if len(tz.Components) == 0 {
		name, off := t.Zone()
		cb := ics.ComponentBase{}
		cb.AddProperty(ics.ComponentProperty(ics.PropertyTzoffsetfrom), offset(off))
		cb.AddProperty(ics.ComponentProperty(ics.PropertyTzoffsetto), offset(off))
		cb.AddProperty(ics.ComponentProperty(ics.PropertyTzname), name)
		cb.AddProperty(ics.ComponentPropertyDtStart, "19700101T000000")
		tz.Components = append(tz.Components, &ics.Standard{ComponentBase: cb})
	}
	return tz
}

// offset formats seconds east of UTC as "+0100".
func offset(sec int) string {
	sign := '+'
	if sec < 0 {
		sign, sec = '-', -sec
	}
	return fmt.Sprintf("%c%02d%02d", sign, sec/3600, sec/60%60)
}
