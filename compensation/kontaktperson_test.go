package compensation_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kontaktlab/kontakt/compensation"
	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

func assignment2018(from, to calendar.Date) compensation.Assignment {
	return compensation.Assignment{ID: "A1", Law: compensation.SoL, Category: compensation.Category2, From: from, To: to, Omkostnad: 2}
}

func TestPriceMonth2018(t *testing.T) {
	c := mustNew(t, compensation.Policy{})
	a := assignment2018(date(2018, time.January, 1), calendar.Date{})
	m, err := c.PriceMonth(a, 2018, time.March)
	require.NoError(t, err)
	assert.Equal(t, kr(758), m.Arvode, "kategori 2, low end of 758–1 706 kr")
	assert.Equal(t, kr(948), m.Omkostnad, "level 2, 25 % of pbb")
	assert.Equal(t, "hel månad", m.Rule)
	assert.Equal(t, 31, m.Days)
	assert.Zero(t, m.OmkostnadTaxable)

	a.Arvode, a.Omkostnad = 2, 3
	m, err = c.PriceMonth(a, 2018, time.March)
	require.NoError(t, err)
	assert.Equal(t, kr(1706), m.Arvode, "high end")
	assert.Equal(t, kr(1517), m.Omkostnad, "level 3, 40 %")

	a.Category = compensation.Category3
	a.Arvode = 1
	m, err = c.PriceMonth(a, 2018, time.March)
	require.NoError(t, err)
	assert.Equal(t, kr(1138), m.Arvode, "30 % × 45 500 ÷ 12 = 1 137,50, a half rounded up")
}

// TestMonthStartedMidway prices March 2018 for an assignment that starts on 15 March: by default the month is
// paid in full; with pro rata, 17 of 31 days, rounded once per line.
func TestMonthStartedMidway(t *testing.T) {
	a := assignment2018(date(2018, time.March, 15), calendar.Date{})
	m, err := mustNew(t, compensation.Policy{}).PriceMonth(a, 2018, time.March)
	require.NoError(t, err)
	assert.Equal(t, kr(758), m.Arvode)
	assert.Equal(t, 17, m.Days)

	m, err = mustNew(t, compensation.Policy{Person: compensation.PersonPolicy{ProRata: true}}).PriceMonth(a, 2018, time.March)
	require.NoError(t, err)
	assert.Equal(t, "pro rata 17/31 dagar", m.Rule)
	assert.Equal(t, date(2018, time.March, 15), m.From)
	assert.Equal(t, date(2018, time.March, 31), m.To)
	assert.Equal(t, öre(415, 68), m.Arvode, "758 × 17 ÷ 31 = 415,677…")
	assert.Equal(t, öre(519, 87), m.Omkostnad, "948 × 17 ÷ 31 = 519,870…")

	// Ending on 10 April: 10 of 30 days.
	a.To = date(2018, time.April, 10)
	m, err = mustNew(t, compensation.Policy{Person: compensation.PersonPolicy{ProRata: true}}).PriceMonth(a, 2018, time.April)
	require.NoError(t, err)
	assert.Equal(t, öre(252, 67), m.Arvode, "758 × 10 ÷ 30 = 252,666…")

	// A whole month is never pro-rated.
	a.To = calendar.Date{}
	m, err = mustNew(t, compensation.Policy{Person: compensation.PersonPolicy{ProRata: true}}).PriceMonth(a, 2018, time.April)
	require.NoError(t, err)
	assert.Equal(t, kr(758), m.Arvode)
	assert.Equal(t, "hel månad", m.Rule)

	// A month before the start.
	m, err = mustNew(t, compensation.Policy{}).PriceMonth(a, 2018, time.February)
	require.NoError(t, err)
	assert.Zero(t, m.Days)
	assert.Zero(t, m.Arvode+m.Omkostnad)
}

// TestSKKP checks that the särskilt kvalificerad kontaktperson is override-only: SKR publishes no level.
func TestSKKP(t *testing.T) {
	a := compensation.Assignment{ID: "K1", Law: compensation.SoL, Category: compensation.CategorySKKP, From: date(2026, time.January, 1)}
	_, err := mustNew(t, compensation.Policy{}).PriceMonth(a, 2026, time.March)
	var te *compensation.TableError
	require.ErrorAs(t, err, &te)
	assert.Equal(t, 2026, te.Year)

	a.ArvodePerMonth = kr(4000)
	_, err = mustNew(t, compensation.Policy{}).PriceMonth(a, 2026, time.March)
	assert.ErrorIs(t, err, compensation.ErrNoTable, "the omkostnad still needs a table")

	c := mustNew(t, compensation.Policy{Tables: []compensation.Table{{Year: 2026, Law: compensation.SoL, Cells: []compensation.Cell{
		cell(compensation.Kontaktperson, compensation.Omkostnad, "", 1, kr(500)),
		cell(compensation.Kontaktperson, compensation.Omkostnad, "", 3, kr(1900)),
	}}}})
	m, err := c.PriceMonth(a, 2026, time.March)
	require.NoError(t, err)
	assert.Equal(t, kr(4000), m.Arvode)
	assert.Equal(t, compensation.Decided, m.ArvodeFrom)
	assert.Equal(t, kr(500), m.Omkostnad)
	assert.Equal(t, compensation.Municipal, m.OmkostnadFrom)
}

func TestPriceMonthErrors(t *testing.T) {
	c := mustNew(t, compensation.Policy{})
	ok := assignment2018(date(2018, time.January, 1), calendar.Date{})
	tests := []struct {
		name  string
		edit  func(*compensation.Assignment)
		field string
	}{
		{"no ID", func(a *compensation.Assignment) { a.ID = "" }, "id"},
		{"unknown law", func(a *compensation.Assignment) { a.Law = "" }, "law"},
		{"unknown category", func(a *compensation.Assignment) { a.Category = compensation.Band0to12 }, "category"},
		{"no start", func(a *compensation.Assignment) { a.From = calendar.Date{} }, "from"},
		{"end before start", func(a *compensation.Assignment) { a.To = a.From.AddDays(-1) }, "to"},
		{"omkostnad level 4", func(a *compensation.Assignment) { a.Omkostnad = 4 }, "omkostnadLevel"},
		{"arvode level 3", func(a *compensation.Assignment) { a.Arvode = 3 }, "arvodeLevel"},
		{"negative arvode", func(a *compensation.Assignment) { a.ArvodePerMonth = -100 }, "arvodePerMonth"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := ok
			tt.edit(&a)
			_, err := c.PriceMonth(a, 2018, time.March)
			var fe *compensation.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tt.field, fe.Field)
		})
	}
	_, err := c.PriceMonth(ok, 2018, 13)
	assert.ErrorIs(t, err, compensation.ErrInvalidInput)
	_, err = c.PriceMonth(ok, 2024, time.March)
	assert.ErrorIs(t, err, compensation.ErrNoTable, "no kontaktperson table after 2018")
}

func TestDeriveKontaktpersonOmkostnad(t *testing.T) {
	// Reference § D, not SKR figures: 10/25/40 % of the 2024 and 2025 pbb ÷ 12.
	c := mustNew(t, compensation.Policy{DeriveOmkostnad: true})
	for year, want := range map[int][3]int64{2024: {478, 1194, 1910}, 2025: {490, 1225, 1960}} {
		for l := 1; l <= 3; l++ {
			a := compensation.Assignment{ID: "A", Law: compensation.SoL, Category: compensation.Category1,
				From: date(year, time.January, 1), Omkostnad: compensation.Level(l), ArvodePerMonth: kr(1000)}
			m, err := c.PriceMonth(a, year, time.May)
			require.NoError(t, err)
			assert.Equal(t, kr(want[l-1]), m.Omkostnad, "%d level %d", year, l)
			assert.Equal(t, compensation.Derived, m.OmkostnadFrom)
		}
	}
}
