package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kontaktlab/kontakt/examples/internal/poolfile"
)

// The job reads real files: CSV and JSON, well-formed or not. Every bad record is listed on stderr with its file,
// line and field, and the exit code says whether the input was at fault.
func TestInputFiles(t *testing.T) {
	in := func(name string) string { return filepath.Join("testdata", "input", name) }
	asOf := []string{"-as-of", "2026-08-17", "-log-level", "warn"}
	tests := []struct {
		name   string
		args   []string
		exit   int
		stderr []string // every line expected on stderr, in order, without the "batchmatch: " prefix
	}{
		{"CSV files", []string{"-clients", in("clients-ok.csv"), "-volunteers", in("volunteers-ok.csv")}, 0, nil},
		{"Excel: BOM, semicolons, decimal commas, CRLF; volunteers as JSON",
			[]string{"-clients", in("clients-excel.csv"), "-volunteers", in("volunteers-ok.json")}, 0, nil},
		{"Windows-1252 when asked for", []string{"-clients", in("clients-windows1252.csv"), "-volunteers", in("volunteers-ok.csv"),
			"-encoding", "windows-1252"}, 0, nil},
		{"a pool file", []string{"-pool", in("pool-ok.json")}, 0, nil},
		{"broken CSV records", []string{"-clients", in("clients-broken.csv"), "-volunteers", in("volunteers-ok.csv")}, 1, []string{
			in("clients-broken.csv") + `:3: client C-0002: birth_date: not a date (YYYY-MM-DD)`,
			in("clients-broken.csv") + `:4: client C-0003: needs: item 3: unknown code (did you mean "leisure"?)`,
			in("clients-broken.csv") + `:6: client C-0004: id: duplicate: the same ID is on line 5`,
			in("clients-broken.csv") + `:8: client C-0007: availability: item 2: end 17:30 is not after start 21:00`,
			in("clients-broken.csv") + `:9: client C-0008: birth_date: after as_of`,
			`5 problem(s) in the input; nothing was matched`,
		}},
		{"wrong header", []string{"-clients", in("clients-bad-header.csv"), "-volunteers", in("volunteers-ok.csv")}, 1, []string{
			in("clients-bad-header.csv") + `:1: column birthdate: unknown column (did you mean birth_date?)`,
			in("clients-bad-header.csv") + `:1: column namn: unknown column; a client file has: ` + strings.Join(columnNames(), ", "),
			in("clients-bad-header.csv") + `:1: column birth_date: missing (required)`,
			`3 problem(s) in the input; nothing was matched`,
		}},
		{"Windows-1252 read as UTF-8", []string{"-clients", in("clients-windows1252.csv"), "-volunteers", in("volunteers-ok.csv")}, 1, []string{
			in("clients-windows1252.csv") + `:2: not valid UTF-8; if the file was saved as Excel's "CSV (semikolonavgränsad)", ` +
				`it is probably Windows-1252: try -encoding windows-1252`,
			`1 problem(s) in the input; nothing was matched`,
		}},
		{"broken JSON records", []string{"-pool", in("pool-broken.json")}, 1, []string{
			in("pool-broken.json") + `:4: client C-0002: birth_date: not a date (YYYY-MM-DD)`,
			in("pool-broken.json") + `:5: client C-0003: needs: unknown code (did you mean "leisure"?)`,
			in("pool-broken.json") + `:7: client C-0004: id: duplicate: the same ID is on line 6`,
			in("pool-broken.json") + `:8: client C-0006: name: unknown field`,
			`4 problem(s) in the input; nothing was matched`,
		}},
		{"no as_of for separate files", []string{"-clients", in("clients-ok.csv"), "-volunteers", in("volunteers-ok.csv"), "-as-of", ""}, 1,
			[]string{"usage: give -as-of: the date the proposal is made for (ages, waiting times and approvals count to it)"}},
		{"missing file", []string{"-pool", in("nope.json")}, 1, []string{"usage: open " + in("nope.json") + ": no such file or directory"}},
		{"one of two files", []string{"-clients", in("clients-ok.csv")}, 1, []string{"usage: give both -clients and -volunteers"}},
		{"bad objective", []string{"-objective", "fairest"}, 1, []string{"usage: -objective must be most-matched, total-fit or max-min"}},
		{"bad horizon", []string{"-horizon", "60"}, 1, []string{"usage: -horizon must be within 1..52 weeks"}},
		{"bad policy", []string{"-policy", in("clients-ok.csv")}, 1, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(append(append([]string{}, asOf...), tt.args...), &out, &errOut)
			assert.Equal(t, tt.exit, code, "stderr:\n%s", errOut.String())
			if tt.stderr == nil {
				return
			}
			var got []string
			for _, line := range strings.Split(strings.TrimSpace(errOut.String()), "\n") {
				got = append(got, strings.TrimPrefix(line, "batchmatch: "))
			}
			assert.Equal(t, tt.stderr, got)
			assert.Empty(t, out.String(), "nothing on stdout when nothing was matched")
		})
	}
}

func columnNames() []string {
	var names []string
	for _, c := range poolfile.ClientColumns() {
		names = append(names, c.Name)
	}
	return names
}

// A problem that is not the input's, such as an output directory that cannot be made, is exit code 2.
func TestInternalError(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	require.NoError(t, os.WriteFile(file, nil, 0o644))
	var errOut bytes.Buffer
	assert.Equal(t, 2, run([]string{"-out", filepath.Join(file, "out"), "-log-level", "warn"}, &bytes.Buffer{}, &errOut))
	assert.Contains(t, errOut.String(), "not a directory")
}
