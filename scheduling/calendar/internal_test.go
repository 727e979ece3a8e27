package calendar

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLoadZoneError(t *testing.T) {
	_, err := loadZone("Europe/Nowhere")
	require.ErrorIs(t, err, ErrNoTimeZoneData)
	assert.Contains(t, err.Error(), `import _ "time/tzdata"`)
}

// TestTableMatchesRules checks the precomputed table against the rules computed day by day, the path taken after
// the table ends.
func TestTableMatchesRules(t *testing.T) {
	tbl := lawTable()
	first := NewDate(tableFirst, time.January, 1)
	for i := 0; i < int(tbl.n); i++ {
		d := first.AddDays(i)
		kinds := lawKinds(d)
		wantPublic := d.Weekday() == time.Sunday || kinds&kindBit(Public) != 0
		if tbl.public.has(i) != wantPublic || tbl.eve.has(i) != (kinds&kindBit(Eve) != 0) || tbl.named.has(i) != (kinds != 0) {
			require.Failf(t, "table", "%s", d)
		}
	}
	assert.True(t, tbl.covers(NewDate(tableLast, time.December, 31)))
	assert.False(t, tbl.covers(NewDate(tableLast+1, time.January, 1)))
	assert.False(t, tbl.covers(NewDate(tableFirst-1, time.December, 31)))
	assert.False(t, tbl.covers(Date{days: -1 << 31}))
	assert.False(t, tbl.covers(Date{days: 1<<31 - 1}))
}

func TestCivilAlgorithmsRoundTrip(t *testing.T) {
	for _, n := range []int64{-1 << 31, -1<<31 + 1, -146097, -1, 0, 1, 146096, 146097, 1<<31 - 1} {
		y, m, d := civilFromDays(n)
		assert.Equal(t, n, firstOfMonth(y, m)+d-1, "%d", n)
	}
}
