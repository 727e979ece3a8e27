package compensation_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/kontaktlab/kontakt/compensation"
	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

var kr = compensation.Kronor

func date(y int, m time.Month, d int) calendar.Date { return calendar.NewDate(y, m, d) }

// öre returns kronor and öre as Ore: öre(68, 50) is 68,50 kr.
func öre(kronor, ore int64) compensation.Ore {
	return compensation.Kronor(kronor) + compensation.Ore(ore)
}

func mustNew(t testing.TB, p compensation.Policy) *compensation.Calculator {
	t.Helper()
	c, err := compensation.New(p)
	require.NoError(t, err)
	return c
}

// day is the part of a DayLine a hand-checked example states.
type day struct {
	date      calendar.Date
	halvdygn  int
	band      compensation.Group
	omkostnad compensation.Ore
	arvode    compensation.Ore
	doubled   bool
	reason    string
}

func days(p *compensation.StayPrice) []day {
	out := make([]day, len(p.Days))
	for i, d := range p.Days {
		out[i] = day{d.Date, d.Halvdygn, d.Band, d.Omkostnad, d.Arvode, d.Doubled, d.Reason}
	}
	return out
}

func child(id string, from, to, born calendar.Date) compensation.Stay {
	return compensation.Stay{ID: id, From: from, To: to, Law: compensation.SoL, BirthDate: born}
}

// TestWorkedExample2021 reproduces the one published worked example (familjehemmet.se's guide, reference § 4.9):
// 0–12 år, base omkostnad 137 kr, Friday to Sunday: "fredagen (½ dygn) 137/2=68,50 kr. - lördag och söndag
// 137*2=274 kr … summan 342,50 kr". SKR's 2021 arvode is not sourced, so the stay carries its own arvode.
func TestWorkedExample2021(t *testing.T) {
	c := mustNew(t, compensation.Policy{})
	s := child("S-2021", date(2021, time.March, 5), date(2021, time.March, 7), date(2014, time.May, 1))
	s.ArvodePerDay = kr(200)
	p, err := c.PriceStay(s)
	require.NoError(t, err)
	require.Len(t, p.Days, 3)
	assert.Equal(t, öre(68, 50), p.Days[0].Omkostnad, "fredagen (½ dygn) 137/2")
	assert.Equal(t, kr(274), p.Days[1].Omkostnad+p.Days[2].Omkostnad, "lördag och söndag 137*2")
	assert.Equal(t, öre(342, 50), p.Omkostnad, "summan 342,50 kr")
	assert.Equal(t, 5, p.Halvdygn)
	assert.Equal(t, compensation.Reproduction, p.Days[0].OmkostnadFrom)
	assert.Equal(t, compensation.Decided, p.Days[0].ArvodeFrom)

	// Without an arvode of its own the stay cannot be priced: SKR's 2021 arvode is not sourced.
	s.ArvodePerDay = 0
	_, err = c.PriceStay(s)
	var te *compensation.TableError
	require.ErrorAs(t, err, &te)
	assert.Equal(t, 2021, te.Year)
	assert.Equal(t, "SoL kontaktfamilj arvode 0-12 level 1", te.What)
}

func TestPriceStayHandChecked(t *testing.T) {
	const (
		fri = "" // a plain weekday: single arvode, no reason
	)
	tests := []struct {
		name   string
		policy compensation.Policy
		stay   compensation.Stay
		want   []day
	}{
		{
			name: "a weekend arriving on Långfredagen: the half dygn on a helgdag is doubled",
			stay: child("S1", date(2023, time.April, 7), date(2023, time.April, 9), date(2016, time.May, 1)),
			want: []day{
				{date(2023, time.April, 7), 1, compensation.Band0to12, öre(75, 50), kr(225), true, "helgdag: Långfredagen"},
				{date(2023, time.April, 8), 2, compensation.Band0to12, kr(151), kr(450), true, "lördag"},
				{date(2023, time.April, 9), 2, compensation.Band0to12, kr(151), kr(450), true, "helgdag: Påskdagen"},
			},
		},
		{
			name:   "the same weekend when the municipality pays a half dygn single",
			policy: compensation.Policy{Family: compensation.FamilyPolicy{SingleHalfDygn: true}},
			stay:   child("S1", date(2023, time.April, 7), date(2023, time.April, 9), date(2016, time.May, 1)),
			want: []day{
				{date(2023, time.April, 7), 1, compensation.Band0to12, öre(75, 50), öre(112, 50), false,
					"ej dubbelt (helgdag: Långfredagen): halvdygn, enligt kommunens riktlinje"},
				{date(2023, time.April, 8), 2, compensation.Band0to12, kr(151), kr(450), true, "lördag"},
				{date(2023, time.April, 9), 2, compensation.Band0to12, kr(151), kr(450), true, "helgdag: Påskdagen"},
			},
		},
		{
			name: "a 13th birthday on the Saturday moves Saturday and Sunday to 13+",
			stay: child("S2", date(2023, time.March, 10), date(2023, time.March, 12), date(2010, time.March, 11)),
			want: []day{
				{date(2023, time.March, 10), 1, compensation.Band0to12, öre(75, 50), öre(112, 50), false, fri},
				{date(2023, time.March, 11), 2, compensation.Band13Plus, kr(173), kr(584), true, "lördag"},
				{date(2023, time.March, 12), 2, compensation.Band13Plus, kr(173), kr(584), true, "söndag"},
			},
		},
		{
			name:   "the same birthday when the band is fixed at arrival",
			policy: compensation.Policy{Family: compensation.FamilyPolicy{BandAtArrival: true}},
			stay:   child("S2", date(2023, time.March, 10), date(2023, time.March, 12), date(2010, time.March, 11)),
			want: []day{
				{date(2023, time.March, 10), 1, compensation.Band0to12, öre(75, 50), öre(112, 50), false, fri},
				{date(2023, time.March, 11), 2, compensation.Band0to12, kr(151), kr(450), true, "lördag"},
				{date(2023, time.March, 12), 2, compensation.Band0to12, kr(151), kr(450), true, "söndag"},
			},
		},
		{
			name:   "the half dygn on departure",
			policy: compensation.Policy{Family: compensation.FamilyPolicy{HalfOnDeparture: true}},
			stay:   child("S3", date(2023, time.March, 3), date(2023, time.March, 5), date(2016, time.May, 1)),
			want: []day{
				{date(2023, time.March, 3), 2, compensation.Band0to12, kr(151), kr(225), false, fri},
				{date(2023, time.March, 4), 2, compensation.Band0to12, kr(151), kr(450), true, "lördag"},
				{date(2023, time.March, 5), 1, compensation.Band0to12, öre(75, 50), kr(225), true, "söndag"},
			},
		},
		{
			name: "midsommar: the eve is not a helgdag, midsommardagen is",
			stay: child("S4", date(2023, time.June, 22), date(2023, time.June, 25), date(2016, time.May, 1)),
			want: []day{
				{date(2023, time.June, 22), 1, compensation.Band0to12, öre(75, 50), öre(112, 50), false, fri},
				{date(2023, time.June, 23), 2, compensation.Band0to12, kr(151), kr(225), false, fri},
				{date(2023, time.June, 24), 2, compensation.Band0to12, kr(151), kr(450), true, "helgdag: Midsommardagen"},
				{date(2023, time.June, 25), 2, compensation.Band0to12, kr(151), kr(450), true, "söndag"},
			},
		},
		{
			name:   "midsommar when the municipality doubles the eves",
			policy: compensation.Policy{Family: compensation.FamilyPolicy{DoubleEves: true}},
			stay:   child("S4", date(2023, time.June, 22), date(2023, time.June, 25), date(2016, time.May, 1)),
			want: []day{
				{date(2023, time.June, 22), 1, compensation.Band0to12, öre(75, 50), öre(112, 50), false, fri},
				{date(2023, time.June, 23), 2, compensation.Band0to12, kr(151), kr(450), true, "afton: Midsommarafton"},
				{date(2023, time.June, 24), 2, compensation.Band0to12, kr(151), kr(450), true, "helgdag: Midsommardagen"},
				{date(2023, time.June, 25), 2, compensation.Band0to12, kr(151), kr(450), true, "söndag"},
			},
		},
		{
			name: "an adult insats is priced as vuxna whatever the age",
			stay: compensation.Stay{ID: "S5", From: date(2023, time.March, 3), To: date(2023, time.March, 4), Law: compensation.SoL, Adult: true},
			want: []day{
				{date(2023, time.March, 3), 1, compensation.BandVuxna, öre(86, 50), öre(179, 50), false, fri},
				{date(2023, time.March, 4), 2, compensation.BandVuxna, kr(173), kr(718), true, "lördag"},
			},
		},
		{
			name:   "raised levels chosen by the policy",
			policy: compensation.Policy{Family: compensation.FamilyPolicy{Omkostnad: 2, Arvode: 2}},
			stay:   child("S6", date(2023, time.March, 3), date(2023, time.March, 4), date(2016, time.May, 1)),
			want: []day{
				{date(2023, time.March, 3), 1, compensation.Band0to12, kr(108), öre(179, 50), false, fri},
				{date(2023, time.March, 4), 2, compensation.Band0to12, kr(216), kr(718), true, "lördag"},
			},
		},
		{
			name: "raised levels chosen on the stay",
			stay: compensation.Stay{ID: "S6", From: date(2023, time.March, 3), To: date(2023, time.March, 4), Law: compensation.SoL,
				BirthDate: date(2016, time.May, 1), Omkostnad: 2, Arvode: 3},
			want: []day{
				{date(2023, time.March, 3), 1, compensation.Band0to12, kr(108), öre(252, 50), false, fri},
				{date(2023, time.March, 4), 2, compensation.Band0to12, kr(216), kr(1010), true, "lördag"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := mustNew(t, tt.policy).PriceStay(tt.stay)
			require.NoError(t, err)
			assert.Equal(t, tt.want, days(p))
			var omk, arv compensation.Ore
			for _, d := range tt.want {
				omk += d.omkostnad
				arv += d.arvode
			}
			assert.Equal(t, omk, p.Omkostnad, "omkostnad total")
			assert.Equal(t, arv, p.Arvode, "arvode total")
			assert.Equal(t, omk+arv, p.Total())
		})
	}
}

// TestSummerStay checks the 14-day rule on a three-week stay, 1–22 July 2023: weekends on days 1–14 are doubled,
// the weekends of days 15, 16 and 22 are not; omkostnad is paid for every dygn.
func TestSummerStay(t *testing.T) {
	p, err := mustNew(t, compensation.Policy{}).PriceStay(child("S7", date(2023, time.July, 1), date(2023, time.July, 22), date(2016, time.May, 1)))
	require.NoError(t, err)
	require.Len(t, p.Days, 22)
	assert.Equal(t, 43, p.Halvdygn)
	var doubled []int
	for _, d := range p.Days {
		if d.Doubled {
			doubled = append(doubled, d.Day)
		}
	}
	assert.Equal(t, []int{1, 2, 8, 9}, doubled, "Saturdays and Sundays within the first 14 days")
	assert.Equal(t, "ej dubbelt (lördag): dag 15 av en vistelse över 14 dagar", p.Days[14].Reason)
	assert.Equal(t, "ej dubbelt (söndag): dag 16 av en vistelse över 14 dagar", p.Days[15].Reason)
	assert.Equal(t, "ej dubbelt (lördag): dag 22 av en vistelse över 14 dagar", p.Days[21].Reason)
	assert.Equal(t, kr(225), p.Days[21].Arvode, "day 22, a Saturday, a whole dygn at single arvode")
	// 43/2 × 225 = 4 837,50; doubling adds 112,50 (the half dygn of day 1) and 3 × 225 (days 2, 8, 9).
	assert.Equal(t, kr(5625), p.Arvode)
	assert.Equal(t, öre(3246, 50), p.Omkostnad, "43/2 × 151")
}

// TestNewYear prices a stay from Friday 30 December 2022 to Sunday 1 January 2023 day by day with each year's
// table. SKR's 2022 table is not embedded, so the stay needs the municipality's own 2022 figures.
func TestNewYear(t *testing.T) {
	s := child("S8", date(2022, time.December, 30), date(2023, time.January, 1), date(2016, time.May, 1))
	_, err := mustNew(t, compensation.Policy{}).PriceStay(s)
	var te *compensation.TableError
	require.ErrorAs(t, err, &te)
	assert.Equal(t, 2022, te.Year)
	assert.ErrorIs(t, err, compensation.ErrNoTable)

	own := compensation.Policy{Name: "Testkommunen", Tables: []compensation.Table{{
		Year: 2022, Law: compensation.SoL, Source: compensation.Source{Title: "Testkommunens riktlinjer 2022 (test figures)"},
		Cells: []compensation.Cell{
			cell(compensation.Kontaktfamilj, compensation.Omkostnad, compensation.Band0to12, 1, kr(140)),
			cell(compensation.Kontaktfamilj, compensation.Omkostnad, compensation.Band0to12, 2, kr(200)),
			cell(compensation.Kontaktfamilj, compensation.Arvode, compensation.Band0to12, 1, kr(220)),
		},
	}}}
	p, err := mustNew(t, own).PriceStay(s)
	require.NoError(t, err)
	assert.Equal(t, []day{
		{date(2022, time.December, 30), 1, compensation.Band0to12, kr(70), kr(110), false, ""},
		{date(2022, time.December, 31), 2, compensation.Band0to12, kr(140), kr(440), true, "lördag"},
		{date(2023, time.January, 1), 2, compensation.Band0to12, kr(151), kr(450), true, "helgdag: Nyårsdagen"},
	}, days(p))
	assert.Equal(t, compensation.Municipal, p.Days[0].OmkostnadFrom)
	assert.Equal(t, compensation.Reproduction, p.Days[2].OmkostnadFrom)

	// Into 2024: SKR's 2024 table is not embedded either.
	_, err = mustNew(t, compensation.Policy{}).PriceStay(child("S9", date(2023, time.December, 29), date(2024, time.January, 1), date(2016, time.May, 1)))
	require.ErrorAs(t, err, &te)
	assert.Equal(t, 2024, te.Year)
}

func cell(kind compensation.Kind, item compensation.Item, g compensation.Group, l compensation.Level, amount compensation.Ore) compensation.Cell {
	return compensation.Cell{Key: compensation.Key{Kind: kind, Item: item, Group: g, Level: l}, Figure: compensation.Figure{Amount: amount}}
}

// TestOmkostnadAboveSKR checks that omkostnad above SKR's highest level is taxable: 110 % of the upper level
// 216 kr is 237,60 kr per dygn, of which 21,60 kr is above SKR's level. 110 % of the base level stays below it.
func TestOmkostnadAboveSKR(t *testing.T) {
	c := mustNew(t, compensation.Policy{OmkostnadPercent: 110_00})
	s := child("S10", date(2023, time.March, 3), date(2023, time.March, 5), date(2016, time.May, 1))
	p, err := c.PriceStay(s)
	require.NoError(t, err)
	assert.Equal(t, öre(83, 5), p.Days[0].Omkostnad, "151 × 110 % ÷ 2")
	assert.Equal(t, öre(166, 10), p.Days[1].Omkostnad)
	assert.Zero(t, p.OmkostnadTaxable)

	s.Omkostnad = 2
	p, err = c.PriceStay(s)
	require.NoError(t, err)
	assert.Equal(t, öre(118, 80), p.Days[0].Omkostnad)
	assert.Equal(t, öre(10, 80), p.Days[0].OmkostnadTaxable)
	assert.Equal(t, öre(237, 60), p.Days[1].Omkostnad)
	assert.Equal(t, öre(21, 60), p.Days[1].OmkostnadTaxable)
	assert.Equal(t, öre(54, 0), p.OmkostnadTaxable, "2½ × 21,60")

	// A municipal figure above SKR's level is taxable above SKR's level, not above the municipality's.
	c = mustNew(t, compensation.Policy{Tables: []compensation.Table{{Year: 2023, Law: compensation.SoL,
		Cells: []compensation.Cell{cell(compensation.Kontaktfamilj, compensation.Omkostnad, compensation.Band0to12, 1, kr(300))}}}})
	s.Omkostnad = 1
	p, err = c.PriceStay(s)
	require.NoError(t, err)
	assert.Equal(t, kr(84), p.Days[1].OmkostnadTaxable, "300 − 216")
	assert.Equal(t, compensation.Municipal, p.Days[1].OmkostnadFrom)
	assert.Equal(t, compensation.Reproduction, p.Days[1].ArvodeFrom, "SKR's arvode cell stays in force")
}

func TestLSS2023(t *testing.T) {
	c := mustNew(t, compensation.Policy{})
	s := compensation.Stay{ID: "L1", From: date(2023, time.March, 3), To: date(2023, time.March, 5), Law: compensation.LSS, BirthDate: date(2016, time.May, 1)}
	_, err := c.PriceStay(s)
	var te *compensation.TableError
	require.ErrorAs(t, err, &te, "SKR's LSS arvode for 2023 is not sourced")
	assert.Equal(t, "LSS kontaktfamilj arvode 0-12 level 1", te.What)

	c = mustNew(t, compensation.Policy{Family: compensation.FamilyPolicy{ArvodePerDay: kr(240)}})
	p, err := c.PriceStay(s)
	require.NoError(t, err)
	assert.Equal(t, öre(377, 50), p.Omkostnad, "SKR's LSS omkostnad 151 kr")
	assert.Equal(t, kr(120+480+480), p.Arvode, "the municipality's 240 kr/dag, doubled on Saturday and Sunday")
	assert.Equal(t, compensation.Decided, p.Days[0].ArvodeFrom)
	assert.Zero(t, p.Days[0].ArvodeLevel)
}

// TestDeriveOmkostnad checks the opt-in derivation against the reference's cross-check values (§ 6 point 1 and
// § D), which are NOT SKR figures.
func TestDeriveOmkostnad(t *testing.T) {
	derived := map[int][4]int64{ // 0–12 base, 0–12 upper, 13+ base, 13+ upper, kr/dygn
		2020: {136, 194, 156, 220},
		2022: {139, 198, 159, 225},
		2024: {165, 235, 188, 267},
		2025: {169, 242, 193, 274},
		2026: {170, 243, 195, 276},
	}
	c := mustNew(t, compensation.Policy{DeriveOmkostnad: true, Family: compensation.FamilyPolicy{ArvodePerDay: kr(100)}})
	for year, want := range derived {
		for i, s := range []compensation.Stay{
			{ID: "a", Law: compensation.SoL, BirthDate: date(year-7, time.May, 1)},
			{ID: "b", Law: compensation.SoL, BirthDate: date(year-7, time.May, 1), Omkostnad: 2},
			{ID: "c", Law: compensation.SoL, BirthDate: date(year-15, time.May, 1)},
			{ID: "d", Law: compensation.LSS, Adult: true, Omkostnad: 2},
		} {
			s.From, s.To = date(year, time.March, 2), date(year, time.March, 3)
			p, err := c.PriceStay(s)
			require.NoError(t, err, "%d %s", year, s.ID)
			assert.Equal(t, kr(want[i]), p.Days[1].OmkostnadRate, "%d %s", year, s.ID)
			assert.Equal(t, compensation.Derived, p.Days[1].OmkostnadFrom)
		}
	}
	// Sourced figures win over derived ones, and arvode is never derived.
	p, err := c.PriceStay(child("e", date(2023, time.March, 2), date(2023, time.March, 3), date(2016, time.May, 1)))
	require.NoError(t, err)
	assert.Equal(t, compensation.Reproduction, p.Days[1].OmkostnadFrom)
	_, err = mustNew(t, compensation.Policy{DeriveOmkostnad: true}).PriceStay(child("f", date(2024, time.March, 2), date(2024, time.March, 3), date(2016, time.May, 1)))
	assert.ErrorIs(t, err, compensation.ErrNoTable, "arvode 2024")
	// Without a prisbasbelopp nothing is derived.
	_, err = c.PriceStay(child("g", date(2027, time.March, 2), date(2027, time.March, 3), date(2016, time.May, 1)))
	assert.ErrorIs(t, err, compensation.ErrNoTable, "no pbb for 2027")
}

func TestPriceStayErrors(t *testing.T) {
	c := mustNew(t, compensation.Policy{})
	ok := child("S", date(2023, time.March, 3), date(2023, time.March, 5), date(2016, time.May, 1))
	tests := []struct {
		name  string
		edit  func(*compensation.Stay)
		field string
	}{
		{"same-day visit", func(s *compensation.Stay) { s.To = s.From }, "to"},
		{"end before start", func(s *compensation.Stay) { s.To = s.From.AddDays(-2) }, "to"},
		{"no arrival", func(s *compensation.Stay) { s.From = calendar.Date{} }, "from"},
		{"no ID", func(s *compensation.Stay) { s.ID = "" }, "id"},
		{"unknown law", func(s *compensation.Stay) { s.Law = "LVU" }, "law"},
		{"no birth date", func(s *compensation.Stay) { s.BirthDate = calendar.Date{} }, "birthDate"},
		{"born after arrival", func(s *compensation.Stay) { s.BirthDate = s.From.AddDays(1) }, "birthDate"},
		{"omkostnad level 3", func(s *compensation.Stay) { s.Omkostnad = 3 }, "omkostnadLevel"},
		{"arvode level 4", func(s *compensation.Stay) { s.Arvode = 4 }, "arvodeLevel"},
		{"negative arvode", func(s *compensation.Stay) { s.ArvodePerDay = -1 }, "arvodePerDay"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := ok
			tt.edit(&s)
			_, err := c.PriceStay(s)
			var fe *compensation.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tt.field, fe.Field)
			assert.Equal(t, "stay", fe.Record)
			assert.ErrorIs(t, err, compensation.ErrInvalidInput)
			assert.NotContains(t, err.Error(), "2016", "no birth date in errors")
		})
	}
}

// stayGen draws a stay in 2023 that can be extended by a day within 2023, and a policy with random switches.
func stayGen(t *rapid.T) (compensation.Stay, compensation.Policy) {
	from := date(2023, time.January, 1).AddDays(rapid.IntRange(0, 330).Draw(t, "from"))
	s := compensation.Stay{
		ID:        "S",
		From:      from,
		To:        from.AddDays(rapid.IntRange(1, 30).Draw(t, "nights")),
		Law:       rapid.SampledFrom([]compensation.Law{compensation.SoL, compensation.LSS}).Draw(t, "law"),
		BirthDate: from.AddDays(-rapid.IntRange(0, 25*365).Draw(t, "age")),
		Adult:     rapid.Bool().Draw(t, "adult"),
		Omkostnad: compensation.Level(rapid.IntRange(0, 2).Draw(t, "omk")),
		Arvode:    compensation.Level(rapid.IntRange(0, 3).Draw(t, "arv")),
	}
	if s.Law == compensation.LSS || rapid.Bool().Draw(t, "own arvode") {
		s.ArvodePerDay = compensation.Ore(rapid.Int64Range(1, 100_000).Draw(t, "arvodePerDay"))
	}
	p := compensation.Policy{
		OmkostnadPercent: compensation.Percent(rapid.IntRange(0, 200_00).Draw(t, "pct")),
		Family: compensation.FamilyPolicy{
			HalfOnDeparture: rapid.Bool().Draw(t, "departure"),
			DoubleEves:      rapid.Bool().Draw(t, "eves"),
			SingleHalfDygn:  rapid.Bool().Draw(t, "single half"),
			BandAtArrival:   rapid.Bool().Draw(t, "band at arrival"),
		},
	}
	return s, p
}

// TestAddingADayNeverLowersThePay is the property of the issue: one more night never pays less, and no amount is
// ever negative.
func TestAddingADayNeverLowersThePay(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s, pol := stayGen(t)
		c, err := compensation.New(pol)
		if err != nil {
			t.Fatal(err)
		}
		short, err := c.PriceStay(s)
		if err != nil {
			t.Fatal(err)
		}
		s.To = s.To.AddDays(1)
		long, err := c.PriceStay(s)
		if err != nil {
			t.Fatal(err)
		}
		if long.Total() < short.Total() || long.Omkostnad < short.Omkostnad || long.Arvode < short.Arvode {
			t.Fatalf("one more day pays %s, less than %s", long.Total(), short.Total())
		}
		if long.Halvdygn != short.Halvdygn+2 {
			t.Fatalf("halvdygn %d → %d", short.Halvdygn, long.Halvdygn)
		}
		half := 0
		for _, d := range long.Days {
			if d.Omkostnad < 0 || d.Arvode < 0 || d.OmkostnadTaxable < 0 || d.OmkostnadTaxable > d.Omkostnad {
				t.Fatalf("day %s: omkostnad %s (taxable %s), arvode %s", d.Date, d.Omkostnad, d.OmkostnadTaxable, d.Arvode)
			}
			if d.Doubled && d.Day > 14 {
				t.Fatalf("day %d doubled", d.Day)
			}
			half += d.Halvdygn
		}
		if half != long.Halvdygn {
			t.Fatalf("day lines count %d halvdygn, the stay %d", half, long.Halvdygn)
		}
	})
}

// TestPriceStaysInMonth prices a stay from Friday 31 March to Sunday 2 April 2023 month by month: March has the
// half dygn, April the two whole dygn, numbered 2 and 3.
func TestPriceStaysInMonth(t *testing.T) {
	c := mustNew(t, compensation.Policy{})
	stays := []compensation.Stay{
		child("S-2", date(2023, time.April, 14), date(2023, time.April, 16), date(2016, time.May, 1)),
		child("S-1", date(2023, time.March, 31), date(2023, time.April, 2), date(2016, time.May, 1)),
	}
	march, err := c.PriceStaysInMonth(stays, 2023, time.March)
	require.NoError(t, err)
	require.Len(t, march, 1)
	assert.Equal(t, 1, march[0].Halvdygn)

	april, err := c.PriceStaysInMonth(stays, 2023, time.April)
	require.NoError(t, err)
	require.Len(t, april, 5)
	assert.Equal(t, []int{2, 3, 1, 2, 3}, []int{april[0].Day, april[1].Day, april[2].Day, april[3].Day, april[4].Day})
	assert.Equal(t, "S-1", april[0].Stay, "sorted by date")
	assert.Equal(t, "S-2", april[2].Stay)

	may, err := c.PriceStaysInMonth(stays, 2023, time.May)
	require.NoError(t, err)
	assert.Empty(t, may)

	_, err = c.PriceStaysInMonth(stays, 2023, 0)
	assert.ErrorIs(t, err, compensation.ErrInvalidInput)
	stays[1].ID = "S-2"
	_, err = c.PriceStaysInMonth(stays, 2023, time.April)
	var fe *compensation.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "stays[1].id", fe.Field)
}
