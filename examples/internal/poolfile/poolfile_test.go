package poolfile_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kontaktlab/kontakt/examples/internal/poolfile"
	"github.com/kontaktlab/kontakt/internal/matchtest"
	"github.com/kontaktlab/kontakt/matching"
	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

var asOf = matchtest.DefaultAsOf()

func jsonOf(t *testing.T, p matching.Pool) string {
	t.Helper()
	b, err := json.Marshal(p)
	require.NoError(t, err)
	return string(b)
}

// Whatever gen writes, Load reads back to the same pool, in both formats.
func TestRoundTrip(t *testing.T) {
	want := matchtest.Pool(matchtest.Config{Seed: 7, Clients: 400, Volunteers: 300})

	var cs, vs bytes.Buffer
	require.NoError(t, poolfile.WriteClientsCSV(&cs, want.Clients))
	require.NoError(t, poolfile.WriteVolunteersCSV(&vs, want.Volunteers))
	got, err := poolfile.Load(poolfile.File{Name: "clients.csv", Data: cs.Bytes()},
		poolfile.File{Name: "volunteers.csv", Data: vs.Bytes()}, asOf, poolfile.UTF8)
	require.NoError(t, err)
	assert.JSONEq(t, jsonOf(t, want), jsonOf(t, got), "CSV")

	var pj bytes.Buffer
	require.NoError(t, poolfile.WritePoolJSON(&pj, want))
	got, err = poolfile.LoadPool(poolfile.File{Name: "pool.json", Data: pj.Bytes()}, calendar.Date{})
	require.NoError(t, err)
	assert.JSONEq(t, jsonOf(t, want), jsonOf(t, got), "JSON")
	assert.Equal(t, len(want.Clients)+len(want.Volunteers)+5, bytes.Count(pj.Bytes(), []byte("\n")), "one record per line")
}

// errs returns the located errors of err.
func errs(t *testing.T, err error) []*poolfile.Error {
	t.Helper()
	require.Error(t, err)
	assert.ErrorIs(t, err, poolfile.ErrInvalidInput)
	var out []*poolfile.Error
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var pe *poolfile.Error
		require.True(t, errors.As(e, &pe), "%v", e)
		out = append(out, pe)
	}
	return out
}

type loc struct {
	Line  int
	Field string
}

func locs(es []*poolfile.Error) []loc {
	var out []loc
	for _, e := range es {
		out = append(out, loc{e.Line, e.Field})
	}
	return out
}

const volunteersCSV = `id,offers,birth_year,location_lat,location_lon,capacity_assignments,availability
V-1,kontaktperson,1980,59.6,16.5,1,tuesday 17:00-20:00
`

func loadCSV(t *testing.T, clients string) error {
	t.Helper()
	_, err := poolfile.Load(poolfile.File{Name: "clients.csv", Data: []byte(clients)},
		poolfile.File{Name: "volunteers.csv", Data: []byte(volunteersCSV)}, asOf, poolfile.UTF8)
	return err
}

func TestCSVErrorsNameLineAndColumn(t *testing.T) {
	head := "id,support,law,birth_date,needs,location_lat,location_lon,availability\n"
	tests := []struct {
		name string
		body string
		want []loc
	}{
		{"bad date", head + "C-1,kontaktperson,sol,2016-02-30,leisure,59.6,16.5,tue 17:00-19:00\n", []loc{{2, "birth_date"}}},
		{"unknown need, second item", head + "C-1,kontaktperson,sol,2016-02-03,leisure|leasure,59.6,16.5,tue 17:00-19:00\n", []loc{{2, "needs"}}},
		{"duplicate ID", head + "C-1,kontaktperson,sol,2016-02-03,leisure,59.6,16.5,tue 17:00-19:00\n" +
			"C-2,kontaktperson,sol,2016-02-03,leisure,59.6,16.5,tue 17:00-19:00\n" +
			"C-1,kontaktperson,sol,2016-02-03,leisure,59.6,16.5,tue 17:00-19:00\n", []loc{{4, "id"}}},
		{"validation maps to the line: birth after as_of, window backwards", head +
			"C-1,kontaktperson,sol,2016-02-03,leisure,59.6,16.5,tue 17:00-19:00\n" +
			"C-2,kontaktperson,sol,2027-02-03,leisure,59.6,16.5,tue 19:00-17:00\n", []loc{{3, "availability"}, {3, "birth_date"}}},
		{"missing ID is found by position", head + ",kontaktperson,sol,2016-02-03,leisure,59.6,16.5,tue 17:00-19:00\n", []loc{{2, "id"}}},
		{"wrong number of fields", head + "C-1,kontaktperson,sol\n", []loc{{2, ""}}},
		{"unknown column", "id,support,law,birth_date,needs,location_lat,location_lon,favourite_colour\n", []loc{{1, "column favourite_colour"}}},
		{"missing required column", "id,support,law,needs,location_lat,location_lon\n", []loc{{1, "column birth_date"}}},
		{"comma decimals in a quoted cell", head + `C-1,kontaktperson,sol,2016-02-03,leisure,"59,6",16.5x,tue 17:00-19:00` + "\n", []loc{{2, "location_lon"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			es := errs(t, loadCSV(t, tt.body))
			assert.Equal(t, tt.want, locs(es))
			for _, e := range es {
				assert.Equal(t, "clients.csv", e.File)
				assert.NotContains(t, e.Error(), "2016", "no error repeats a birth date")
				assert.NotContains(t, e.Error(), "2027")
			}
		})
	}
}

func TestCSVEncodingsAndSeparators(t *testing.T) {
	row := "C-1;kontaktperson;sol;2016-02-03;leisure;59,6;16,5;tisdag 17.00–19.00;Västerås, Råby\r\n"
	head := "id;support;law;birth_date;needs;location_lat;location_lon;availability;area\r\n"
	bom := "\uFEFF"

	_, err := poolfile.Load(poolfile.File{Name: "c.csv", Data: []byte(bom + head + row)},
		poolfile.File{Name: "v.csv", Data: []byte(volunteersCSV)}, asOf, poolfile.UTF8)
	require.NoError(t, err, "BOM, semicolons, decimal commas, Swedish days and CRLF")

	// The same file saved as Windows-1252: ä and å are single bytes.
	latin := strings.NewReplacer("ä", "\xe4", "å", "\xe5", "–", "\x96").Replace(head + row)
	es := errs(t, loadCSVFile(latin, poolfile.UTF8))
	require.Len(t, es, 1)
	assert.Equal(t, 2, es[0].Line)
	assert.Contains(t, es[0].Reason, "-encoding windows-1252")

	p, err := poolfile.Load(poolfile.File{Name: "c.csv", Data: []byte(latin)},
		poolfile.File{Name: "v.csv", Data: []byte(volunteersCSV)}, asOf, poolfile.Windows1252)
	require.NoError(t, err)
	assert.Equal(t, "Västerås, Råby", p.Clients[0].Area)
	assert.Equal(t, "tuesday 17:00-19:00", p.Clients[0].Availability[0].String())
}

func loadCSVFile(clients string, enc poolfile.Encoding) error {
	_, err := poolfile.Load(poolfile.File{Name: "c.csv", Data: []byte(clients)},
		poolfile.File{Name: "v.csv", Data: []byte(volunteersCSV)}, asOf, enc)
	return err
}

func TestJSONErrorsNameLineAndField(t *testing.T) {
	pool := `{"as_of": "2026-08-17",
"clients": [
{"id": "C-1", "support": "kontaktperson", "law": "sol", "birth_date": "2016-02-03", "needs": ["leisure"],
 "location": {"lat": 59.6, "lon": 16.5}, "availability": [{"day": "tue", "start": "17:00", "end": "19:00"}]},
{"id": "C-2", "support": "kontaktperson", "law": "sol",
 "birth_date": "2016-02-30", "needs": ["leisure"],
 "location": {"lat": 59.6, "lon": 16.5}, "availability": [{"day": "tue", "start": "17:00", "end": "19:00"}]},
{"id": "C-3", "support": "kontaktperson", "law": "sol", "birth_date": "2016-02-03",
 "needs": ["leasure"],
 "location": {"lat": 59.6, "lon": 16.5}, "availability": [{"day": "tue", "start": "17:00", "end": "19:00"}]},
{"id": "C-1", "support": "kontaktperson", "law": "sol", "birth_date": "2016-02-03", "needs": ["leisure"],
 "location": {"lat": "north", "lon": 16.5}, "availability": [{"day": "tue", "start": "17:00", "end": "19:00"}]},
{"id": "C-1", "support": "kontaktperson", "law": "sol", "birth_date": "2016-02-03", "needs": ["leisure"],
 "location": {"lat": 59.6, "lon": 16.5}, "availability": [{"day": "tue", "start": "17:00", "end": "19:00"}]}
],
"volunteers": [
{"id": "V-1", "offers": ["kontaktperson"], "birth_year": 1980, "location": {"lat": 59.6, "lon": 16.5},
 "capacity": {"assignments": 1}, "availability": [{"day": "tue", "start": "17:00", "end": "20:00"}], "hobby": "x"}
]}`
	_, err := poolfile.LoadPool(poolfile.File{Name: "pool.json", Data: []byte(pool)}, calendar.Date{})
	es := errs(t, err)
	assert.Equal(t, []loc{{6, "birth_date"}, {9, "needs"}, {12, "location.lat"}, {13, "id"}, {18, "hobby"}}, locs(es))
	for _, e := range es {
		assert.NotContains(t, e.Error(), "2016")
		assert.NotContains(t, e.Error(), "north")
	}
	assert.Contains(t, es[3].Reason, "line 3", "a duplicate names the first record")

	_, err = poolfile.LoadPool(poolfile.File{Name: "pool.json", Data: []byte(pool[:300])}, calendar.Date{})
	assert.Equal(t, []loc{{5, ""}}, locs(errs(t, err)), "truncated JSON names where it stops")
}

// The README lists every CSV column, so that integrators can trust it.
func TestREADMEListsTheColumns(t *testing.T) {
	readme, err := os.ReadFile("../../../README.md")
	require.NoError(t, err)
	var missing []string
	for _, cols := range [][]poolfile.Column{poolfile.ClientColumns(), poolfile.VolunteerColumns()} {
		for _, c := range cols {
			if !strings.Contains(string(readme), "`"+c.Name+"`") {
				missing = append(missing, c.Name)
			}
		}
	}
	assert.Empty(t, missing, "columns the README does not document")
}

func FuzzLoadCSV(f *testing.F) {
	var cs bytes.Buffer
	p := matchtest.Pool(matchtest.Config{Seed: 1, Clients: 5, Volunteers: 1})
	if err := poolfile.WriteClientsCSV(&cs, p.Clients); err != nil {
		f.Fatal(err)
	}
	f.Add(cs.Bytes())
	f.Add([]byte("id;support\n\"x;y"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := poolfile.Load(poolfile.File{Name: "c.csv", Data: data},
			poolfile.File{Name: "v.csv", Data: []byte(volunteersCSV)}, asOf, poolfile.UTF8)
		if err != nil && !errors.Is(err, poolfile.ErrInvalidInput) {
			t.Fatalf("an input problem that is not ErrInvalidInput: %v", err)
		}
	})
}
