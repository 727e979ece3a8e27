package compensation_test

import (
	"encoding/json"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/kontaktlab/kontakt/compensation"
	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// Seeds for every target live in testdata/fuzz/<Name>/; plain go test replays them. Fuzz one target at a time,
// time-boxed: go test -run '^$' -fuzz '^FuzzPriceStay$' -fuzztime 60s ./compensation

// typed reports whether err is one of the package's documented errors.
func typed(err error) bool {
	return errors.Is(err, compensation.ErrInvalidInput) || errors.Is(err, compensation.ErrNoTable) ||
		errors.Is(err, compensation.ErrOverflow)
}

func FuzzParseOre(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		o, err := compensation.ParseOre(s)
		if err != nil {
			if !errors.Is(err, compensation.ErrInvalidInput) {
				t.Fatalf("ParseOre(%q): untyped error %v", s, err)
			}
			return
		}
		back, err := compensation.ParseOre(o.String())
		if err != nil || back != o {
			t.Fatalf("ParseOre(%q) = %d, but %q reads back as %d, %v", s, o, o.String(), back, err)
		}
	})
}

func FuzzParsePercent(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		p, err := compensation.ParsePercent(s)
		if err != nil {
			if !errors.Is(err, compensation.ErrInvalidInput) {
				t.Fatalf("ParsePercent(%q): untyped error %v", s, err)
			}
			return
		}
		if p < 0 || p > 100_000 {
			t.Fatalf("ParsePercent(%q) = %d, outside 0–1000 %%", s, p)
		}
		back, err := compensation.ParsePercent(p.String())
		if err != nil || back != p {
			t.Fatalf("ParsePercent(%q) = %d, but %q reads back as %d, %v", s, p, p.String(), back, err)
		}
		var q compensation.Percent
		b, _ := json.Marshal(p)
		if err := json.Unmarshal(b, &q); err != nil || q != p {
			t.Fatalf("JSON %s reads back as %d, %v", b, q, err)
		}
	})
}

func FuzzHalvdygn(f *testing.F) {
	f.Fuzz(func(t *testing.T, from, nights int) {
		start := calendar.Date{}.AddDays(from)
		n, err := compensation.Halvdygn(start, start.AddDays(nights))
		if err != nil {
			if !errors.Is(err, compensation.ErrInvalidInput) {
				t.Fatalf("untyped error %v", err)
			}
			return
		}
		if n%2 != 1 || n < 3 {
			t.Fatalf("Halvdygn = %d", n)
		}
	})
}

// FuzzPriceStay prices arbitrary stays under arbitrary policy switches: unknown years, negative or huge lengths,
// ends before starts and bad levels must give typed errors, never a panic or a negative amount.
func FuzzPriceStay(f *testing.F) {
	f.Fuzz(func(t *testing.T, year, month, day, nights, ageDays int, law string, adult bool, omk, arv int, arvodePerDay int64, pct int64, switches uint8) {
		p := compensation.Policy{
			OmkostnadPercent: compensation.Percent(pct),
			DeriveOmkostnad:  switches&1 != 0,
			Family: compensation.FamilyPolicy{
				HalfOnDeparture: switches&2 != 0, DoubleEves: switches&4 != 0,
				SingleHalfDygn: switches&8 != 0, BandAtArrival: switches&16 != 0,
			},
		}
		c, err := compensation.New(p)
		if err != nil {
			if !typed(err) {
				t.Fatalf("New: untyped error %v", err)
			}
			return
		}
		from := calendar.NewDate(year, time.Month(month), day)
		s := compensation.Stay{ID: "F", From: from, To: from.AddDays(nights), Law: compensation.Law(law),
			BirthDate: from.AddDays(-ageDays), Adult: adult, Omkostnad: compensation.Level(omk), Arvode: compensation.Level(arv),
			ArvodePerDay: compensation.Ore(arvodePerDay)}
		price, err := c.PriceStay(s)
		if err != nil {
			if !typed(err) {
				t.Fatalf("PriceStay: untyped error %v", err)
			}
			return
		}
		if price.Omkostnad < 0 || price.Arvode < 0 || price.OmkostnadTaxable < 0 || len(price.Days) != nights+1 {
			t.Fatalf("PriceStay: %+v", price)
		}
	})
}

func FuzzPriceMonth(f *testing.F) {
	f.Fuzz(func(t *testing.T, year, month, fromDays, toDays int, law, category string, omk, arv int, arvodePerMonth int64, proRata bool) {
		c, err := compensation.New(compensation.Policy{Person: compensation.PersonPolicy{ProRata: proRata}})
		if err != nil {
			t.Fatal(err)
		}
		base := calendar.NewDate(year, time.Month(month), 1)
		a := compensation.Assignment{ID: "F", Law: compensation.Law(law), Category: compensation.Group(category),
			From: base.AddDays(fromDays), Omkostnad: compensation.Level(omk), Arvode: compensation.Level(arv),
			ArvodePerMonth: compensation.Ore(arvodePerMonth)}
		if toDays != 0 {
			a.To = base.AddDays(toDays)
		}
		m, err := c.PriceMonth(a, year, time.Month(month))
		if err != nil {
			if !typed(err) {
				t.Fatalf("PriceMonth: untyped error %v", err)
			}
			return
		}
		if m.Arvode < 0 || m.Omkostnad < 0 || m.Days < 0 || m.Days > m.DaysInMonth {
			t.Fatalf("PriceMonth: %+v", m)
		}
	})
}

// FuzzStatementJSON reads a StatementInput and a Policy as JSON, as an integration would, and makes a statement.
func FuzzStatementJSON(f *testing.F) {
	f.Fuzz(func(t *testing.T, input, policy []byte) {
		var in compensation.StatementInput
		var p compensation.Policy
		if json.Unmarshal(input, &in) != nil || json.Unmarshal(policy, &p) != nil {
			return
		}
		c, err := compensation.New(p)
		if err != nil {
			if !typed(err) {
				t.Fatalf("New: untyped error %v", err)
			}
			return
		}
		st, err := c.Statement(in)
		if err != nil {
			if !typed(err) {
				t.Fatalf("Statement: untyped error %v", err)
			}
			return
		}
		tot := st.Totals
		if tot.Omkostnad < 0 || tot.Arvode < 0 || tot.Contributions < 0 || tot.Cost != tot.Payout+tot.Contributions {
			t.Fatalf("Statement totals: %+v", tot)
		}
		if err := st.WriteJSON(io.Discard); err != nil {
			t.Fatal(err)
		}
		if err := st.WriteCSV(io.Discard); err != nil {
			t.Fatal(err)
		}
	})
}
