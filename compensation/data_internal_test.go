package compensation

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestParseSKRRejectsBrokenData checks that the loader's own checks catch a broken data file, so a bad edit of
// data/skr.json fails the tests instead of paying wrong amounts.
func TestParseSKRRejectsBrokenData(t *testing.T) {
	_, err := parseSKR(skrJSON)
	require.NoError(t, err)
	_, err = parseSKR(skrJSON + "{}")
	assert.Error(t, err, "data after the top-level value")
	tests := []struct {
		name, old, new string
	}{
		{"a sourced figure without an amount",
			`"percent": 105, "kronor": 151, "status": "reproduction"`, `"percent": 105, "kronor": 0, "status": "reproduction"`},
		{"an amount marked not sourced",
			`{"item": "omkostnad", "group": "0-12", "level": 1, "status": "not-sourced"}`,
			`{"item": "omkostnad", "group": "0-12", "level": 1, "kronor": 5, "status": "not-sourced"}`},
		{"a percent without an amount",
			`{"item": "omkostnad", "group": "0-12", "level": 1, "status": "not-sourced"}`,
			`{"item": "omkostnad", "group": "0-12", "level": 1, "percent": 5, "status": "not-sourced"}`},
		{"an unknown status", `"status": "published", "source": "pbb-2022"`, `"status": "guessed", "source": "pbb-2022"`},
		{"an unknown source", `"source": "pbb-2024"`, `"source": "pbb-2042"`},
		{"an invalid cell", `{"item": "omkostnad", "group": "0-12", "level": 1, "status": "not-sourced"}`,
			`{"item": "omkostnad", "group": "0-12", "level": 9, "status": "not-sourced"}`},
		{"a duplicated cell", `{"item": "omkostnad", "group": "0-12", "level": 2, "status": "not-sourced"}`,
			`{"item": "omkostnad", "group": "0-12", "level": 1, "status": "not-sourced"}`},
		{"a duplicated prisbasbelopp", `{"year": 2019, "kronor": 46500`, `{"year": 2018, "kronor": 46500`},
		{"a table of an unknown law", `{"year": 2027, "law": "LSS", "kind": "kontaktperson"`, `{"year": 2027, "law": "LVU", "kind": "kontaktperson"`},
		{"a table outside the years", `{"year": 2027, "law": "LSS", "kind": "kontaktperson"`, `{"year": 2031, "law": "LSS", "kind": "kontaktperson"`},
		{"a duplicated table", `{"year": 2027, "law": "LSS", "kind": "kontaktperson"`, `{"year": 2027, "law": "LSS", "kind": "kontaktfamilj"`},
		{"a sourced figure without a source", `"kronor": 45500, "status": "reproduction", "source": "pbb-2018"`, `"kronor": 45500, "status": "reproduction"`},
		{"an unknown field", `"about":`, `"abstract":`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Contains(t, skrJSON, tt.old)
			_, err := parseSKR(strings.Replace(skrJSON, tt.old, tt.new, 1))
			assert.Error(t, err)
		})
	}
}

func TestParseAvgifterRejectsBrokenData(t *testing.T) {
	_, err := parseAvgifter(avgifterJSON)
	require.NoError(t, err)
	_, err = parseAvgifter("[]")
	assert.Error(t, err)
	tests := []struct {
		name, old, new string
	}{
		{"an unknown source", `"full_source": "far-2024"`, `"full_source": "far-2042"`},
		{"a bad date", `"from": "2026-04-01"`, `"from": "2026-04-31"`},
		{"a band outside its year", `"from": "2026-04-01"`, `"from": "2025-04-01"`},
		{"no cap", `"to": "2026-12-31", "cap_kronor": 25000`, `"to": "2026-12-31", "cap_kronor": 0`},
		{"a gap after the zero rate", `"zero_born_to": 1937,
     "old_age": {"born_from": 1938, "born_to": 1957`, `"zero_born_to": 1937,
     "old_age": {"born_from": 1940, "born_to": 1957`},
		{"a duplicated year", `{"year": 2025,`, `{"year": 2024,`},
		{"a rule without a source", `"full_source": "far-2025", `, ``},
		{"an unknown field", `"about":`, `"abstract":`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Contains(t, avgifterJSON, tt.old)
			_, err := parseAvgifter(strings.Replace(avgifterJSON, tt.old, tt.new, 1))
			assert.Error(t, err)
		})
	}
}
