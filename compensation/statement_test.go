package compensation_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kontaktlab/kontakt/compensation"
	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

var update = flag.Bool("update", false, "rewrite the testdata/*.golden files")

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./compensation -update to create it")
	assert.Equal(t, string(want), string(got))
}

// examplePolicy is a municipality that pays 110 % of SKR's omkostnad, pro-rates kontaktperson months, and has its
// own 2023 kontaktperson table (SKR's 2023 kontaktperson table is not embedded). Its figures are test figures.
func examplePolicy() compensation.Policy {
	return compensation.Policy{
		Name:             "Exempelkommunen",
		OmkostnadPercent: 110_00,
		Person:           compensation.PersonPolicy{ProRata: true},
		Tables: []compensation.Table{{
			Year: 2023, Law: compensation.SoL,
			Source: compensation.Source{Title: "Exempelkommunens riktlinjer för kontaktpersoner 2023 (test figures)"},
			Cells: []compensation.Cell{
				cell(compensation.Kontaktperson, compensation.Omkostnad, "", 1, kr(500)),
				cell(compensation.Kontaktperson, compensation.Omkostnad, "", 3, kr(1900)),
				cell(compensation.Kontaktperson, compensation.Arvode, compensation.Category1, 1, kr(600)),
				cell(compensation.Kontaktperson, compensation.Arvode, compensation.Category1, 2, kr(1500)),
			},
		}},
	}
}

func exampleInput() compensation.StatementInput {
	return compensation.StatementInput{
		Volunteer: "V-001", BirthYear: 1985, Year: 2023, Month: time.March, PaymentDate: date(2023, time.April, 25),
		Stays: []compensation.Stay{
			// Listed out of order: the statement sorts them.
			{ID: "S-103", From: date(2023, time.March, 17), To: date(2023, time.March, 19), Law: compensation.SoL,
				BirthDate: date(2009, time.June, 2), Omkostnad: 2},
			{ID: "S-101", From: date(2023, time.March, 3), To: date(2023, time.March, 5), Law: compensation.SoL,
				BirthDate: date(2016, time.May, 1)},
			{ID: "S-102", From: date(2023, time.March, 31), To: date(2023, time.April, 2), Law: compensation.SoL,
				BirthDate: date(2016, time.May, 1)},
		},
		Assignments: []compensation.Assignment{
			{ID: "A-201", Law: compensation.SoL, Category: compensation.Category1, From: date(2023, time.March, 15)},
		},
	}
}

func TestStatementGolden(t *testing.T) {
	st, err := mustNew(t, examplePolicy()).Statement(exampleInput())
	require.NoError(t, err)

	var js, cs bytes.Buffer
	require.NoError(t, st.WriteJSON(&js))
	require.NoError(t, st.WriteCSV(&cs))
	golden(t, "statement.json.golden", js.Bytes())
	golden(t, "statement.csv.golden", cs.Bytes())

	// The CSV parses back, with one row per amount and the header of WriteCSV.
	rows, err := csv.NewReader(bytes.NewReader(cs.Bytes())).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, "volunteer", rows[0][0])
	assert.Len(t, rows, 1+2*len(st.Days)+2*len(st.Months)+len(st.Contributions)+len(st.Declaration))

	// The JSON decodes back to the same statement.
	var back compensation.Statement
	require.NoError(t, json.Unmarshal(js.Bytes(), &back))
	assert.Equal(t, *st, back)
}

// TestStatementFigures checks the golden statement's figures by hand.
func TestStatementFigures(t *testing.T) {
	st, err := mustNew(t, examplePolicy()).Statement(exampleInput())
	require.NoError(t, err)

	// S-101, 3–5 March, 0–12, base: omkostnad 110 % × 151 = 166,10 per dygn; arvode 225, doubled Sat and Sun.
	// S-103, 17–19 March, 13 years old, upper level: 110 % × 245 = 269,50 per dygn, 24,50 above SKR's 245.
	// S-102, arrives Friday 31 March: only that half dygn is in March.
	require.Len(t, st.Days, 7)
	assert.Equal(t, date(2023, time.March, 31), st.Days[6].Date)
	assert.Equal(t, öre(83, 5), st.Days[6].Omkostnad)
	omkostnad := öre(83, 5) + 2*öre(166, 10) + öre(134, 75) + 2*öre(269, 50) + öre(83, 5)
	arvode := öre(112, 50) + 2*kr(450) + kr(146) + 2*kr(584) + öre(112, 50)
	taxableOmk := öre(12, 25) + 2*öre(24, 50)

	// A-201 from 15 March, pro rata 17/31: arvode 600 × 17/31 = 329,03; omkostnad 110 % × 500 × 17/31 = 301,61.
	require.Len(t, st.Months, 1)
	m := st.Months[0]
	assert.Equal(t, öre(329, 3), m.Arvode)
	assert.Equal(t, öre(301, 61), m.Omkostnad)
	assert.Zero(t, m.OmkostnadTaxable, "110 % of level 1 is below level 3")
	omkostnad += m.Omkostnad
	arvode += m.Arvode

	tot := st.Totals
	assert.Equal(t, omkostnad, tot.Omkostnad)
	assert.Equal(t, arvode, tot.Arvode)
	assert.Equal(t, taxableOmk, tot.OmkostnadTaxable)
	assert.Equal(t, omkostnad-taxableOmk, tot.OmkostnadTaxFree)
	assert.Equal(t, arvode+taxableOmk, tot.Taxable)
	assert.Equal(t, omkostnad+arvode, tot.Payout)

	// Employer contributions: 31,42 % for someone born 1985, exact to the öre, and declared with öre dropped.
	require.Len(t, st.Contributions, 1)
	c := st.Contributions[0]
	assert.Equal(t, compensation.Percent(3142), c.Rate)
	assert.Equal(t, tot.Taxable, c.Base)
	want, err := tot.Taxable.MulDiv(3142, 100_00)
	require.NoError(t, err)
	assert.Equal(t, want, c.Amount)
	assert.Equal(t, want, tot.Contributions)
	assert.Equal(t, tot.Payout+tot.Contributions, tot.Cost)
	require.Len(t, st.Declaration, 1)
	base := tot.Taxable / 100 * 100
	assert.Equal(t, base, st.Declaration[0].Base)
	assert.Equal(t, base*3142/100_00/100*100, st.Declaration[0].Fee)
	assert.Equal(t, "Exempelkommunen", st.Policy)
	assert.Equal(t, "2023-03", st.Period)
	assert.Len(t, st.Sources, 3, "SKR 22:42, the municipality's table, the contribution rule")
}

func TestStatementIsDeterministic(t *testing.T) {
	c := mustNew(t, examplePolicy())
	in := exampleInput()
	a, err := c.Statement(in)
	require.NoError(t, err)
	slices.Reverse(in.Stays)
	b, err := c.Statement(in)
	require.NoError(t, err)
	assert.Equal(t, a, b)
}

func TestStatementContributions(t *testing.T) {
	own2026 := compensation.Policy{Tables: []compensation.Table{{Year: 2026, Law: compensation.SoL, Cells: []compensation.Cell{
		cell(compensation.Kontaktperson, compensation.Omkostnad, "", 1, kr(500)),
		cell(compensation.Kontaktperson, compensation.Omkostnad, "", 3, kr(1900)),
	}}}}
	month := func(arvode compensation.Ore) compensation.Assignment {
		return compensation.Assignment{ID: "A", Law: compensation.SoL, Category: compensation.CategorySKKP,
			From: date(2026, time.January, 1), ArvodePerMonth: arvode}
	}
	type line struct {
		rate   compensation.Percent
		base   compensation.Ore
		amount compensation.Ore
	}
	tests := []struct {
		name       string
		birthYear  int
		paid       calendar.Date
		arvode     compensation.Ore
		yearToDate compensation.Ore
		want       []line
	}{
		{"full rate", 1980, date(2026, time.April, 25), kr(3000), 0, []line{{3142, kr(3000), kr(942) + 60}}},
		{"youth 20,81 % from April 2026", 2005, date(2026, time.April, 25), kr(3000), 0, []line{{2081, kr(3000), öre(624, 30)}}},
		{"youth before April 2026 pays the full rate", 2005, date(2026, time.March, 25), kr(3000), 0, []line{{3142, kr(3000), öre(942, 60)}}},
		{"youth above 25 000 kr a month", 2005, date(2026, time.May, 25), kr(30000), 0, []line{
			{2081, kr(25000), öre(5202, 50)}, {3142, kr(5000), kr(1571)}}},
		{"born 1937: no contributions", 1937, date(2026, time.May, 25), kr(3000), 0, []line{{0, kr(3000), 0}}},
		{"old age: 10,21 %", 1950, date(2026, time.May, 25), kr(3000), 0, []line{{1021, kr(3000), öre(306, 30)}}},
		{"below 1 000 kr in the year", 1980, date(2026, time.May, 25), kr(400), kr(500), nil},
		{"reaching 1 000 kr charges the earlier pay too", 1980, date(2026, time.May, 25), kr(400), kr(600), []line{
			{3142, kr(400), öre(125, 68)}, {3142, kr(600), öre(188, 52)}}},
		{"already above 1 000 kr", 1980, date(2026, time.May, 25), kr(400), kr(5000), []line{{3142, kr(400), öre(125, 68)}}},
	}
	c := mustNew(t, own2026)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := c.Statement(compensation.StatementInput{Volunteer: "V", BirthYear: tt.birthYear, Year: 2026, Month: time.March,
				PaymentDate: tt.paid, YearToDate: tt.yearToDate, Assignments: []compensation.Assignment{month(tt.arvode)}})
			require.NoError(t, err)
			var got []line
			var sum compensation.Ore
			for _, l := range st.Contributions {
				got = append(got, line{l.Rate, l.Base, l.Amount})
				sum += l.Amount
			}
			assert.Equal(t, tt.want, got)
			assert.Equal(t, sum, st.Totals.Contributions)
			assert.Equal(t, st.Totals.Payout+sum, st.Totals.Cost)
			if tt.want == nil {
				assert.NotEmpty(t, st.Notes, "the statement says why no contributions are charged")
			}
		})
	}
}

func TestStatementDeclarationDropsOre(t *testing.T) {
	// 1 234,56 kr at 31,42 %: exact 387,90… → 387,90 kr; declared on 1 234 kr → 387,72… → 387 kr.
	c := mustNew(t, compensation.Policy{Tables: []compensation.Table{{Year: 2026, Law: compensation.SoL, Cells: []compensation.Cell{
		cell(compensation.Kontaktperson, compensation.Omkostnad, "", 1, kr(500)),
		cell(compensation.Kontaktperson, compensation.Omkostnad, "", 3, kr(1900)),
	}}}})
	st, err := c.Statement(compensation.StatementInput{Volunteer: "V", BirthYear: 1980, Year: 2026, Month: time.March,
		PaymentDate: date(2026, time.April, 25), YearToDate: kr(2000), Assignments: []compensation.Assignment{{ID: "A", Law: compensation.SoL,
			Category: compensation.CategorySKKP, From: date(2026, time.January, 1), ArvodePerMonth: öre(1234, 56)}}})
	require.NoError(t, err)
	assert.Equal(t, öre(387, 90), st.Contributions[0].Amount, "1 234,56 × 31,42 % = 387,898…")
	assert.Equal(t, []compensation.DeclaredFee{{Rate: 3142, Base: kr(1234), Fee: kr(387)}}, st.Declaration)
}

func TestStatementNotes(t *testing.T) {
	c := mustNew(t, compensation.Policy{})
	st, err := c.Statement(compensation.StatementInput{Volunteer: "V", BirthYear: 1980, Year: 2023, Month: time.April,
		PaymentDate: date(2023, time.May, 25), YearToDate: kr(5000),
		Stays: []compensation.Stay{child("S-1", date(2023, time.March, 3), date(2023, time.March, 5), date(2016, time.May, 1))},
		Assignments: []compensation.Assignment{{ID: "A-1", Law: compensation.SoL, Category: compensation.Category1,
			From: date(2023, time.January, 1), To: date(2023, time.March, 31)}}})
	require.NoError(t, err)
	assert.Empty(t, st.Days)
	assert.Empty(t, st.Months)
	assert.Equal(t, []string{"vistelse S-1 har ingen dag i 2023-04", "uppdrag A-1 löper inte under 2023-04"}, st.Notes)
	assert.Zero(t, st.Totals.Cost)
}

func TestStatementErrors(t *testing.T) {
	c := mustNew(t, examplePolicy())
	tests := []struct {
		name  string
		edit  func(*compensation.StatementInput)
		field string
	}{
		{"no volunteer", func(in *compensation.StatementInput) { in.Volunteer = "" }, "volunteer"},
		{"month 13", func(in *compensation.StatementInput) { in.Month = 13 }, "month"},
		{"year 0", func(in *compensation.StatementInput) { in.Year = 0 }, "month"},
		{"no payment date", func(in *compensation.StatementInput) { in.PaymentDate = calendar.Date{} }, "paymentDate"},
		{"negative year to date", func(in *compensation.StatementInput) { in.YearToDate = -1 }, "yearToDate"},
		{"two stays with one ID", func(in *compensation.StatementInput) { in.Stays[1].ID = in.Stays[0].ID }, "stays[1].id"},
		{"a stay without ID", func(in *compensation.StatementInput) { in.Stays[1].ID = "" }, "id"},
		{"a same-day visit", func(in *compensation.StatementInput) { in.Stays[0].To = in.Stays[0].From }, "to"},
		{"two assignments with one ID", func(in *compensation.StatementInput) {
			in.Assignments = append(in.Assignments, in.Assignments[0])
		}, "assignments[1].id"},
		{"an assignment without category", func(in *compensation.StatementInput) { in.Assignments[0].Category = "" }, "category"},
		{"born after payment", func(in *compensation.StatementInput) { in.BirthYear = 2024 }, "birthYear"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := exampleInput()
			tt.edit(&in)
			_, err := c.Statement(in)
			var fe *compensation.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tt.field, fe.Field)
			assert.ErrorIs(t, err, compensation.ErrInvalidInput)
		})
	}

	in := exampleInput()
	in.Stays[1].ID = ""
	_, err := c.Statement(in)
	var fe *compensation.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "stays[1]", fe.ID, "a record without ID is named by its position")

	in = exampleInput()
	in.PaymentDate = date(2019, time.December, 20)
	_, err = c.Statement(in)
	assert.ErrorIs(t, err, compensation.ErrNoTable, "no contribution rules for 2019")

	in = exampleInput()
	in.Year, in.Month = 2024, time.March
	in.Stays[0].From, in.Stays[0].To = date(2024, time.March, 1), date(2024, time.March, 3)
	_, err = c.Statement(in)
	assert.ErrorIs(t, err, compensation.ErrNoTable, "no 2024 kontaktfamilj table")
}
