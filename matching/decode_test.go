package matching_test

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kontaktlab/kontakt/internal/matchtest"
	"github.com/kontaktlab/kontakt/matching"
)

const smallPool = `{
  "as_of": "2026-08-17",
  "clients": [{
    "id": "C-101", "support": "kontaktperson", "law": "sol", "birth_date": "2016-03-03",
    "needs": ["leisure", "schoolwork"], "interests": ["fotboll"], "languages": ["sv"],
    "location": {"lat": 59.61, "lon": 16.55}, "area": "Västerås, Bäckby",
    "availability": [{"day": "tisdag", "start": "17:00", "end": "20:00"}],
    "frequency": {"meetings_per_week": 1, "meeting_minutes": 120},
    "expectations": [{"kind": "no_pets", "required": true}],
    "priority": "high", "waiting_since": "2026-05-02"
  }],
  "volunteers": [{
    "id": "V-201", "offers": ["kontaktperson"], "birth_year": 1985, "gender": "female",
    "approval": {"register_check": "2025-11-20", "social_services_check": "2025-11-21", "interview": "2025-12-02",
                 "references": "2025-12-10", "decision": "2026-01-15"},
    "experience": ["youth_leader", "teaching"], "interests": ["Fotboll"], "languages": ["sv"],
    "location": {"lat": 59.62, "lon": 16.56}, "max_travel_km": 15,
    "availability": [{"day": "tuesday", "start": "16:00", "end": "21:00"}],
    "capacity": {"assignments": 1}
  }]
}`

func TestDecodePool(t *testing.T) {
	p, err := matching.DecodePool(strings.NewReader(smallPool))
	require.NoError(t, err)
	assert.Equal(t, asOf, p.AsOf)
	require.Len(t, p.Clients, 1)
	assert.Equal(t, matching.High, p.Clients[0].Priority)
	assert.Equal(t, []matching.Need{matching.NeedLeisure, matching.NeedSchoolwork}, p.Clients[0].Needs)
	pairs := propose(t, p, matching.Options{}).Pairs()
	require.Len(t, pairs, 1)
	assert.Equal(t, "V-201", pairs[0].VolunteerID)
}

// A generated pool survives JSON both ways.
func TestDecodePoolRoundTrip(t *testing.T) {
	p := matchtest.Pool(matchtest.Config{Seed: 11, Clients: 50, Volunteers: 50})
	b, err := json.Marshal(p)
	require.NoError(t, err)
	got, err := matching.DecodePool(bytes.NewReader(b))
	require.NoError(t, err)
	b2, err := json.Marshal(got)
	require.NoError(t, err)
	assert.JSONEq(t, string(b), string(b2))
}

func TestDecodePoolErrors(t *testing.T) {
	client := func(fields string) string {
		return `{"as_of":"2026-08-17","clients":[{"id":"C-1",` + fields + `}]}`
	}
	tests := []struct {
		name string
		in   string
		want []string // "record id field: reason"
	}{
		{"not JSON", `{"as_of": 2026`, []string{"pool  json: unexpected end of JSON"}},
		{"syntax error", `{"as_of": x}`, []string{"pool  json: invalid JSON near byte 11"}},
		{"trailing data", `{"as_of":"2026-08-17"} {}`, []string{"pool  json: data after the pool"}},
		{"unknown top-level field", `{"as_of":"2026-08-17","kommun":"Västerås"}`,
			[]string{`pool  json: unknown field "kommun"`}},
		{"unknown field with free text as its name", `{"as_of":"2026-08-17","Anna Andersson":1}`,
			[]string{"pool  json: unknown field"}},
		{"bad as_of", `{"as_of":"2026-02-30"}`, []string{"pool  as_of: invalid date (day)"}},
		{"unknown need, never repeated", client(`"needs":["Anna"]`), []string{"client C-1 needs[0]: unknown code"}},
		{"a misspelt need", client(`"needs":["leisur"]`), []string{`client C-1 needs[0]: unknown code (did you mean "leisure"?)`}},
		{"a number for a need", client(`"needs":[3]`), []string{"client C-1 needs[0]: want a string"}},
		{"a personnummer as birth date", client(`"birth_date":"201603031234"`),
			[]string{"client C-1 birth_date: invalid date (layout)"}},
		{"a string for a number", client(`"max_travel_km":"far"`), []string{"client C-1 max_travel_km: want a number"}},
		{"a bad weekday", client(`"availability":[{"day":"fredagkväll","start":"17:00","end":"20:00"}]`),
			[]string{"client C-1 availability[0].day: invalid window"}},
		{"null record", `{"as_of":"2026-08-17","volunteers":[null]}`, []string{"volunteer volunteers[0] json: null record"}},
		{"every bad record", `{"as_of":"2026-08-17","clients":[{"id":"C-1","x":1},{"id":"C-2"},{"id":"C-3","law":"lvu"}],
			"volunteers":[{"offers":"kontaktperson"}]}`, []string{
			`client C-1 json: unknown field "x"`,
			`client C-3 law: unknown code (did you mean "lss"?)`,
			"volunteer volunteers[0] offers: want an array of codes",
			// C-2 decodes, so it is validated too: a bad record never hides a good one's problems.
			"client C-2 support: missing or unknown",
			"client C-2 law: missing or unknown",
			"client C-2 birth_date: missing",
			"client C-2 needs: at least one need is required",
			"client C-2 location: missing",
		}},
		{"every bad field of a record", `{"as_of":"2026-08-17","clients":[{"id":"C-1","support":"kontaktperson","law":"sol",
			"birth_date":"2015-13-01","needs":["leisure","flying"],"location":{"lat":"north","lon":16.5},
			"availability":[{"day":"tuesday","start":"17:00","end":"20:00"},{"day":"someday","start":"17:00","end":"18:00"}]}]}`, []string{
			"client C-1 availability[1].day: invalid window",
			"client C-1 birth_date: invalid date (month)",
			"client C-1 location.lat: want a number",
			"client C-1 needs[1]: unknown code",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := matching.DecodePool(strings.NewReader(tt.in))
			require.ErrorIs(t, err, matching.ErrInvalidInput)
			var got []string
			for _, e := range flatten(err) {
				var fe *matching.FieldError
				require.ErrorAs(t, e, &fe)
				got = append(got, fe.Record+" "+fe.ID+" "+fe.Field+": "+fe.Reason)
			}
			assert.Equal(t, tt.want, got)
			assert.NotContains(t, err.Error(), "Anna")
			assert.NotContains(t, err.Error(), "1234")
		})
	}
}

// A pool that decodes but does not validate comes back with its validation errors.
func TestDecodePoolValidates(t *testing.T) {
	p, err := matching.DecodePool(strings.NewReader(`{"as_of":"2026-08-17","clients":[{"id":"C-1","support":"kontaktfamilj"}]}`))
	assert.Len(t, p.Clients, 1)
	assert.Equal(t, []string{"client C-1 law", "client C-1 birth_date", "client C-1 needs", "client C-1 location"},
		fieldErrors(t, err))
}

func flatten(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, flatten(e)...)
		}
		return out
	}
	return []error{err}
}

// FuzzDecodePool: no input makes DecodePool (or Propose on what it returns) panic; every error is a *FieldError;
// a pool that decodes without error encodes and decodes to itself and can be proposed for.
func FuzzDecodePool(f *testing.F) {
	f.Add([]byte(smallPool))
	f.Add([]byte(`{"as_of":"2026-08-17","clients":[],"volunteers":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := matching.DecodePool(bytes.NewReader(data))
		if err != nil {
			for _, e := range flatten(err) {
				var fe *matching.FieldError
				if !assert.ErrorAs(t, e, &fe) {
					return
				}
			}
			return
		}
		b, err := json.Marshal(p)
		require.NoError(t, err)
		p2, err := matching.DecodePool(bytes.NewReader(b))
		require.NoError(t, err)
		b2, err := json.Marshal(p2)
		require.NoError(t, err)
		require.JSONEq(t, string(b), string(b2))
		if len(p.Clients)*len(p.Volunteers) > 400 {
			return
		}
		prop, err := matching.Propose(context.Background(), p, matching.Options{})
		if err != nil {
			return // e.g. nothing here: locks are not part of the pool
		}
		seen := make(map[string]bool)
		for _, pr := range prop.Pairs() {
			require.False(t, seen[pr.ClientID])
			seen[pr.ClientID] = true
		}
		for _, u := range prop.Unmatched() {
			require.False(t, seen[u.ClientID])
			seen[u.ClientID] = true
		}
		require.Len(t, seen, len(p.Clients))
	})
}
