package scheduling_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	goical "github.com/emersion/go-ical"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kontaktlab/kontakt/scheduling"
	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// Fixtures use IDs that would stand out in a calendar file, to prove none is written.
func weeklyFixture(t *testing.T) (scheduling.WeeklyRequest, *scheduling.WeeklyPlan) {
	t.Helper()
	req := scheduling.WeeklyRequest{
		Volunteers: []scheduling.Volunteer{{ID: "volunteer-7", Windows: ws{win(time.Monday, 17, 0, 21, 0),
			win(time.Wednesday, 17, 0, 21, 0), win(time.Friday, 16, 0, 20, 0)}}},
		Pairs: []scheduling.Pair{
			{ID: "pair-17", VolunteerID: "volunteer-7", ClientID: "client-42", Minutes: 90,
				ClientWindows: ws{win(time.Monday, 18, 0, 20, 0), win(time.Wednesday, 18, 0, 20, 0)},
				Start:         date(2026, 3, 23), End: date(2026, 4, 12)},
			{ID: "pair-18", VolunteerID: "volunteer-7", ClientID: "client-43", Minutes: 120,
				ClientWindows: ws{win(time.Friday, 16, 0, 18, 0)}, Start: date(2026, 3, 23), End: date(2026, 4, 12)},
		},
	}
	return req, planWeekly(t, req, scheduling.WeeklyOptions{Holidays: scheduling.Move})
}

func weekendFixture(t *testing.T) (scheduling.WeekendRequest, *scheduling.WeekendPlan) {
	t.Helper()
	a := agreement("agreement-3", "family-5", scheduling.TwiceMonthly, "child-11", "child-12")
	a.Blocked = scheduling.Blocked{Weeks: []calendar.Week{week(2026, 12)}}
	req := scheduling.WeekendRequest{From: date(2026, 3, 1), To: date(2026, 4, 30),
		Families:   []scheduling.Family{{ID: "family-5", Capacity: 2}},
		Agreements: []scheduling.Agreement{a, agreement("agreement-4", "family-5", scheduling.Monthly, "child-13")}}
	return req, planWeekends(t, req, scheduling.WeekendOptions{})
}

var stamp = time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)

func TestGoldenJSON(t *testing.T) {
	_, weekly := weeklyFixture(t)
	_, weekend := weekendFixture(t)
	for name, v := range map[string]any{"weekly.json.golden": weekly, "weekend.json.golden": weekend} {
		got, err := json.MarshalIndent(v, "", "  ")
		require.NoError(t, err)
		golden(t, name, append(got, '\n'))
	}
	// The JSON form reads back into an equal plan.
	b, err := json.Marshal(weekend)
	require.NoError(t, err)
	var back scheduling.WeekendPlan
	require.NoError(t, json.Unmarshal(b, &back))
	b2, err := json.Marshal(&back)
	require.NoError(t, err)
	assert.JSONEq(t, string(b), string(b2))
}

func TestGoldenICal(t *testing.T) {
	_, weekly := weeklyFixture(t)
	_, weekend := weekendFixture(t)
	var w, e bytes.Buffer
	require.NoError(t, weekly.WriteICal(&w, scheduling.ICalOptions{DTStamp: stamp, IncludeNotHeld: true,
		Labels: map[string]string{"pair-17": "Kim"}}))
	require.NoError(t, weekend.WriteICal(&e, scheduling.ICalOptions{DTStamp: stamp, Name: "Familj 5"}))
	golden(t, "weekly.ics.golden", w.Bytes())
	golden(t, "weekend.ics.golden", e.Bytes())
	for _, b := range [][]byte{w.Bytes(), e.Bytes()} {
		s := string(b)
		assert.True(t, strings.HasSuffix(s, "END:VCALENDAR\r\n"))
		for _, line := range strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n") {
			assert.NotContains(t, line, "\n", "every line ends in CRLF")
			assert.LessOrEqual(t, len(line), 75, "lines are folded at 75 octets: %q", line)
		}
		for _, id := range []string{"volunteer-7", "pair-", "client-", "agreement-", "family-", "child-"} {
			assert.NotContains(t, s, id, "no ID in the calendar")
		}
	}
}

// parse reads an iCalendar file with emersion/go-ical, an independent parser.
func parse(t *testing.T, b []byte) *goical.Calendar {
	t.Helper()
	cal, err := goical.NewDecoder(bytes.NewReader(b)).Decode()
	require.NoError(t, err)
	return cal
}

func TestICalRoundTrip(t *testing.T) {
	loc := stockholm(t)
	_, weekly := weeklyFixture(t)
	var b bytes.Buffer
	require.NoError(t, weekly.WriteICal(&b, scheduling.ICalOptions{DTStamp: stamp}))
	cal := parse(t, b.Bytes())
	events := cal.Events()
	var held []scheduling.Meeting
	for _, m := range weekly.Meetings {
		if m.Status.Held() {
			held = append(held, m)
		}
	}
	require.Len(t, events, len(held))
	uids := map[string]bool{}
	for i, ev := range events {
		m := held[i]
		start, err := ev.DateTimeStart(loc)
		require.NoError(t, err)
		end, err := ev.DateTimeEnd(loc)
		require.NoError(t, err)
		assert.True(t, m.Start.Equal(start), "start %s, want %s", start, m.Start)
		assert.True(t, m.End.Equal(end), "end %s, want %s", end, m.End)
		assert.Equal(t, scheduling.TZID, ev.Props.Get(goical.PropDateTimeStart).Params.Get(goical.ParamTimezoneID))
		summary, err := ev.Props.Text(goical.PropSummary)
		require.NoError(t, err)
		assert.Equal(t, "Kontaktträff", summary)
		dtstamp, err := ev.Props.DateTime(goical.PropDateTimeStamp, time.UTC)
		require.NoError(t, err)
		assert.True(t, stamp.Equal(dtstamp))
		uid := ev.Props.Get(goical.PropUID).Value
		assert.True(t, strings.HasSuffix(uid, "@kontakt.invalid"))
		assert.False(t, uids[uid], "UIDs are unique")
		uids[uid] = true
	}

	// UIDs are stable: the same plan gives the same file, and a moved meeting keeps its UID.
	var again bytes.Buffer
	require.NoError(t, weekly.WriteICal(&again, scheduling.ICalOptions{DTStamp: stamp}))
	assert.Equal(t, b.String(), again.String())

	// The weekend plan round-trips too, and an extra stay is one event from arrival to departure.
	_, weekend := weekendFixture(t)
	b.Reset()
	require.NoError(t, weekend.WriteICal(&b, scheduling.ICalOptions{}))
	events = parse(t, b.Bytes()).Events()
	require.Len(t, events, len(weekend.Stays))
	for i, ev := range events {
		start, err := ev.DateTimeStart(loc)
		require.NoError(t, err)
		assert.True(t, weekend.Stays[i].Start.Equal(start))
		dtstamp, err := ev.Props.DateTime(goical.PropDateTimeStamp, time.UTC)
		require.NoError(t, err)
		assert.Equal(t, time.Date(2026, 3, 6, 0, 0, 0, 0, time.UTC), dtstamp, "the default DTSTAMP is the first day")
	}
}

// TestVTimezoneMatchesZone expands the VTIMEZONE rules with go-ical's recurrence support and checks each change
// against the time zone database, 2026–2045.
func TestVTimezoneMatchesZone(t *testing.T) {
	loc := stockholm(t)
	_, weekly := weeklyFixture(t)
	var b bytes.Buffer
	require.NoError(t, weekly.WriteICal(&b, scheduling.ICalOptions{}))
	cal := parse(t, b.Bytes())
	var tz *goical.Component
	for _, c := range cal.Children {
		if c.Name == goical.CompTimezone {
			tz = c
		}
	}
	require.NotNil(t, tz)
	assert.Equal(t, scheduling.TZID, tz.Props.Get(goical.PropTimezoneID).Value)
	require.Len(t, tz.Children, 2, "STANDARD and DAYLIGHT")
	names := map[string]bool{}
	for _, c := range tz.Children {
		names[c.Name] = true
		off := func(p string) int {
			v := c.Props.Get(p).Value
			s := 1
			if v[0] == '-' {
				s = -1
			}
			return s * ((int(v[1]-'0')*10+int(v[2]-'0'))*3600 + (int(v[3]-'0')*10+int(v[4]-'0'))*60)
		}
		before, after := off(goical.PropTimezoneOffsetFrom), off(goical.PropTimezoneOffsetTo)
		set, err := c.RecurrenceSet(time.UTC)
		require.NoError(t, err)
		occ := set.Between(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2046, 1, 1, 0, 0, 0, 0, time.UTC), true)
		require.Len(t, occ, 20, "%s: one change a year", c.Name)
		for _, o := range occ {
			// The onset is wall-clock time in the offset before the change.
			at := time.Date(o.Year(), o.Month(), o.Day(), o.Hour(), o.Minute(), 0, 0, time.FixedZone("", before))
			_, gotBefore := at.Add(-time.Second).In(loc).Zone()
			_, gotAfter := at.In(loc).Zone()
			assert.Equal(t, before, gotBefore, "%s %s", c.Name, at)
			assert.Equal(t, after, gotAfter, "%s %s", c.Name, at)
		}
	}
	assert.Equal(t, map[string]bool{goical.CompTimezoneStandard: true, goical.CompTimezoneDaylight: true}, names)
}

func TestICalEmptyPlan(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, (&scheduling.WeeklyPlan{}).WriteICal(&b, scheduling.ICalOptions{}))
	cal := parse(t, b.Bytes())
	assert.Empty(t, cal.Events())
}

func TestDecodeRequests(t *testing.T) {
	weeklyReq, _ := weeklyFixture(t)
	weekendReq, _ := weekendFixture(t)
	b, err := json.Marshal(weeklyReq)
	require.NoError(t, err)
	gotWeekly, err := scheduling.DecodeWeeklyRequest(bytes.NewReader(b))
	require.NoError(t, err)
	assert.Equal(t, weeklyReq, *gotWeekly)
	b, err = json.Marshal(weekendReq)
	require.NoError(t, err)
	gotWeekend, err := scheduling.DecodeWeekendRequest(bytes.NewReader(b))
	require.NoError(t, err)
	assert.Equal(t, weekendReq, *gotWeekend)

	for _, bad := range []string{
		`{"volunteers":[],"pairs":[],"extra":1}`,
		`{"volunteers":[],"pairs":[]} {}`,
		`{"volunteers":[{"id":"V1","windows":[{"day":"tisdag","start":"20:00","end":"17:00"}]}],"pairs":[]}`,
		`{"pairs":[{"id":"P1","start":"2026-02-30"}]}`,
	} {
		_, err := scheduling.DecodeWeeklyRequest(strings.NewReader(bad))
		assert.ErrorIs(t, err, scheduling.ErrInvalidInput, bad)
	}
	_, err = scheduling.DecodeWeekendRequest(strings.NewReader(`{"from":"2026-01-01","to":"2025-01-01"}`))
	assert.ErrorIs(t, err, scheduling.ErrInvalidInput)
	_, err = scheduling.DecodeWeekendRequest(strings.NewReader(`{"from":"2026-01-01","to":"2026-02-01","families":[{"id":"F","blocked":{"weeks":["2026-W54"]}}]}`))
	assert.ErrorIs(t, err, scheduling.ErrInvalidInput)
}

func TestPolicyAndHalfDayText(t *testing.T) {
	for _, p := range []scheduling.Policy{scheduling.Skip, scheduling.Move, scheduling.Keep} {
		b, err := p.MarshalText()
		require.NoError(t, err)
		var back scheduling.Policy
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, p, back)
		assert.Equal(t, string(b), p.String())
	}
	_, err := scheduling.Policy(9).MarshalText()
	assert.ErrorIs(t, err, scheduling.ErrInvalidInput)
	assert.Equal(t, "Policy(9)", scheduling.Policy(9).String())
	var p scheduling.Policy
	assert.ErrorIs(t, p.UnmarshalText([]byte("drop")), scheduling.ErrInvalidInput)
	for _, h := range []scheduling.HalfDay{scheduling.HalfOnArrival, scheduling.HalfOnDeparture} {
		b, err := h.MarshalText()
		require.NoError(t, err)
		var back scheduling.HalfDay
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, h, back)
	}
	_, err = scheduling.HalfDay(7).MarshalText()
	assert.ErrorIs(t, err, scheduling.ErrInvalidInput)
	var h scheduling.HalfDay
	assert.ErrorIs(t, h.UnmarshalText([]byte("noon")), scheduling.ErrInvalidInput)
	fe := &scheduling.FieldError{Record: "pair", ID: "P-17", Field: "per_week", Reason: "must be 1 or 2"}
	assert.Equal(t, "scheduling: pair P-17: per_week: must be 1 or 2", fe.Error())
	fe.ID = ""
	assert.Equal(t, "scheduling: pair: per_week: must be 1 or 2", fe.Error())
}

func TestPlanAccessors(t *testing.T) {
	_, weekly := weeklyFixture(t)
	assert.NotEmpty(t, weekly.Pair("pair-17"))
	for _, m := range weekly.Conflicts() {
		assert.Equal(t, scheduling.Conflict, m.Status)
		assert.Equal(t, "pair-18", m.PairID, "långfredagen has no other Friday")
	}
	assert.Len(t, weekly.Conflicts(), 1)
	_, weekend := weekendFixture(t)
	assert.Equal(t, len(weekend.Stays), len(weekend.Family("family-5")))
	assert.Len(t, weekend.Agreement("agreement-4"), 2)
	assert.Equal(t, "pair-17", weekly.Meetings[0].LogValue().Group()[0].Value.String())
	assert.Equal(t, "volunteer-7", scheduling.Volunteer{ID: "volunteer-7"}.LogValue().String())
	assert.Equal(t, "pair-17", scheduling.Pair{ID: "pair-17"}.LogValue().String())
	assert.Equal(t, "family-5", scheduling.Family{ID: "family-5"}.LogValue().String())
	assert.Equal(t, "agreement-3", scheduling.Agreement{ID: "agreement-3"}.LogValue().String())
}
