package compensation

import (
	_ "embed"
	"fmt"
	"sync"

	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// avgifterJSON holds the employer contribution rules 2020–2026 with their sources.
//
//go:embed data/avgifter.json
var avgifterJSON string

// ContributionThreshold is the yearly threshold of 2 kap. 14 § socialavgiftslagen: no employer contributions are
// due on pay to a person whose pay from the payer during the calendar year is below 1 000 kr; once it reaches
// 1 000 kr, contributions are due on all of it, from the first krona.
const ContributionThreshold Ore = 1000_00

// ContributionRule is the employer contribution (arbetsgivaravgift) that applies to pay given out on one day to a
// person born in one year: Rate on the pay up to Cap in the calendar month, AboveCap on the rest. Rules without a
// cap have Cap 0 and AboveCap equal to Rate.
type ContributionRule struct {
	Year     int     `json:"year"`      // the payment year
	Rate     Percent `json:"rate"`      // e.g. 31,42 %, 10,21 %, 20,81 % or 0
	Cap      Ore     `json:"cap"`       // per calendar month; 0 means no cap
	AboveCap Percent `json:"above_cap"` // the rate on pay above Cap in the month
	Basis    string  `json:"basis"`     // the rule in Swedish, e.g. "fyllt 18 men inte 23 år vid årets ingång"
	Source   Source  `json:"source"`
}

type rawBand struct {
	BornFrom  int     `json:"born_from"`
	BornTo    int     `json:"born_to"`
	Rate      Percent `json:"rate"`
	From      string  `json:"from"`
	To        string  `json:"to"`
	CapKronor int64   `json:"cap_kronor"`
	Basis     string  `json:"basis"`
	Source    string  `json:"source"`
}

type rawAvgiftYear struct {
	Year       int       `json:"year"`
	Full       Percent   `json:"full"`
	FullSource string    `json:"full_source"`
	ZeroBornTo int       `json:"zero_born_to"`
	OldAge     rawBand   `json:"old_age"`
	Youth      []rawBand `json:"youth"`
}

type rawAvgifter struct {
	About   string            `json:"about"`
	Sources map[string]Source `json:"sources"`
	Years   []rawAvgiftYear   `json:"years"`
}

// avgiftBand is a rate for the people born bornFrom..bornTo, for pay given out from..to.
type avgiftBand struct {
	bornFrom, bornTo int
	from, to         calendar.Date // the payment dates it applies to; zero (the whole year) for the old-age band
	rule             ContributionRule
}

type avgiftYear struct {
	full, zero ContributionRule
	zeroBornTo int
	oldAgeBand avgiftBand
	youth      []avgiftBand
}

var loadAvgifter = sync.OnceValues(func() (map[int]avgiftYear, error) { return parseAvgifter(avgifterJSON) })

func parseAvgifter(text string) (map[int]avgiftYear, error) {
	var raw rawAvgifter
	e := &embedded{name: "data/avgifter.json"}
	if err := e.decode(text, &raw); err != nil {
		return nil, err
	}
	e.sources = raw.Sources
	bad := e.bad
	source := func(key string) Source { // every rule needs a source
		if key == "" {
			bad("a rule without a source")
		}
		return e.source(key)
	}
	date := func(s string) calendar.Date {
		d, err := calendar.ParseDate(s)
		if err != nil {
			bad("%v", err)
		}
		return d
	}
	out := map[int]avgiftYear{}
	for _, y := range raw.Years {
		full := ContributionRule{Year: y.Year, Rate: y.Full, AboveCap: y.Full, Basis: "full arbetsgivaravgift", Source: source(y.FullSource)}
		ay := avgiftYear{
			full:       full,
			zeroBornTo: y.ZeroBornTo,
			zero: ContributionRule{Year: y.Year, Basis: fmt.Sprintf("född %d eller tidigare: inga arbetsgivaravgifter", y.ZeroBornTo),
				Source: source(y.OldAge.Source)},
		}
		ay.oldAgeBand = avgiftBand{bornFrom: y.OldAge.BornFrom, bornTo: y.OldAge.BornTo,
			rule: ContributionRule{Year: y.Year, Rate: y.OldAge.Rate, AboveCap: y.OldAge.Rate, Basis: y.OldAge.Basis, Source: source(y.OldAge.Source)}}
		if y.OldAge.BornFrom != y.ZeroBornTo+1 || y.OldAge.BornTo < y.OldAge.BornFrom {
			bad("%d: old-age birth years do not follow the zero-rate years", y.Year)
		}
		for _, b := range y.Youth {
			band := avgiftBand{bornFrom: b.BornFrom, bornTo: b.BornTo, from: date(b.From), to: date(b.To),
				rule: ContributionRule{Year: y.Year, Rate: b.Rate, Cap: Kronor(b.CapKronor), AboveCap: y.Full, Basis: b.Basis, Source: source(b.Source)}}
			if band.from.Year() != y.Year || band.to.Year() != y.Year || band.to.Before(band.from) || b.BornTo < b.BornFrom || b.CapKronor <= 0 {
				bad("%d: youth band %d–%d is malformed", y.Year, b.BornFrom, b.BornTo)
			}
			ay.youth = append(ay.youth, band)
		}
		if _, dup := out[y.Year]; dup {
			bad("year %d twice", y.Year)
		}
		out[y.Year] = ay
	}
	if err := e.err(); err != nil {
		return nil, err
	}
	return out, nil
}

// EmployerContribution returns the employer contribution rule for pay given out on paid to a person born in
// birthYear. The age limits are read "vid årets ingång", on 1 January of the payment year, and the youth
// reductions apply to pay given out within their dates (for example 20,81 % from 1 April 2026). Rules are embedded
// for payments in 2020–2026; other years return a *TableError wrapping ErrNoTable. A birth year after the payment
// year, or before 1870, is a *FieldError.
func EmployerContribution(birthYear int, paid calendar.Date) (ContributionRule, error) {
	years, err := loadAvgifter()
	if err != nil {
		return ContributionRule{}, err
	}
	y, ok := years[paid.Year()]
	if !ok {
		return ContributionRule{}, &TableError{Year: paid.Year(), What: "arbetsgivaravgifter",
			Reason: "employer contribution rules are embedded for payments in 2020–2026 only"}
	}
	if birthYear < 1870 || birthYear > paid.Year() {
		return ContributionRule{}, &FieldError{Record: "volunteer", Field: "birthYear", Reason: "not a plausible birth year for the payment date"}
	}
	switch {
	case birthYear <= y.zeroBornTo:
		return y.zero, nil
	case birthYear <= y.oldAgeBand.bornTo:
		return y.oldAgeBand.rule, nil
	}
	for _, b := range y.youth {
		if b.bornFrom <= birthYear && birthYear <= b.bornTo && !paid.Before(b.from) && !paid.After(b.to) {
			return b.rule, nil
		}
	}
	return y.full, nil
}
