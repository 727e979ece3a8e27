package compensation

import (
	"cmp"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"math/bits"
	"slices"
	"strconv"
	"time"

	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// StatementInput is what a statement needs: one volunteer (an opaque ID and a birth year, for the employer
// contribution rate), one month of work, the payment date, and the volunteer's stays and assignments. Stays and
// assignments may run outside the month; only their days in the month are paid.
type StatementInput struct {
	Volunteer   string        `json:"volunteer"`    // opaque ID of the volunteer
	BirthYear   int           `json:"birth_year"`   // the volunteer's birth year: it decides the contribution rate
	Year        int           `json:"year"`         // the month worked
	Month       time.Month    `json:"month"`        // 1 to 12
	PaymentDate calendar.Date `json:"payment_date"` // the day the pay is given out: it decides the contribution rules

	// YearToDate is the taxable pay (arvode and taxable omkostnad, in öre) this payer has already given the
	// volunteer in PaymentDate's calendar year. It applies the 1 000 kr threshold: while YearToDate plus this
	// statement's taxable pay stays below 1 000 kr no contributions are due; when it reaches 1 000 kr they are due
	// from the first krona, so a YearToDate below 1 000 kr is charged on this statement too. A youth reduction's
	// 25 000 kr monthly cap is applied to this statement's pay, so make one statement per volunteer and payment
	// month.
	YearToDate Ore `json:"year_to_date"`

	Stays       []Stay       `json:"stays"`       // kontaktfamilj/stödfamilj stays, priced with PriceStay's rules
	Assignments []Assignment `json:"assignments"` // kontaktperson assignments, priced with PriceMonth's rules
}

// LogValue logs a StatementInput as its volunteer ID only.
func (in StatementInput) LogValue() slog.Value { return slog.StringValue(in.Volunteer) }

// Statement is one volunteer's pay for one month, line by line, as a payroll officer checks it. It is
// deterministic: days sort by date and stay, months by assignment. WriteJSON and WriteCSV give its two forms.
type Statement struct {
	Volunteer        string             `json:"volunteer"`
	Period           string             `json:"period"` // the month worked, "2026-03"
	PaymentDate      calendar.Date      `json:"payment_date"`
	Policy           string             `json:"policy"`            // Policy.Name, or "SKR"
	OmkostnadPercent Percent            `json:"omkostnad_percent"` // share of the table's omkostnad paid
	Days             []DayLine          `json:"days"`              // kontaktfamilj days in the month
	Months           []MonthLine        `json:"months"`            // kontaktperson months
	Rule             ContributionRule   `json:"contribution_rule"` // the employer contribution rule applied
	Contributions    []ContributionLine `json:"contributions"`     // employer contributions, exact to the öre
	Declaration      []DeclaredFee      `json:"declaration"`       // the same per rate, as declared: öre dropped
	Totals           Totals             `json:"totals"`
	Notes            []string           `json:"notes"`   // what else the payroll officer should know, in Swedish
	Sources          []Source           `json:"sources"` // the publications behind the rates used
}

// LogValue logs a Statement as its volunteer ID and period only.
func (st *Statement) LogValue() slog.Value {
	return slog.GroupValue(slog.String("volunteer", st.Volunteer), slog.String("period", st.Period))
}

// ContributionLine is the employer contribution on one part of the taxable pay, rounded once, half away from
// zero, to the öre.
type ContributionLine struct {
	Basis  string  `json:"basis"` // which rule, in Swedish
	Rate   Percent `json:"rate"`
	Base   Ore     `json:"base"`   // the pay it is charged on
	Amount Ore     `json:"amount"` // Base × Rate, rounded to the öre
}

// DeclaredFee is the employer contribution of one rate as the employer declaration (arbetsgivardeklaration)
// computes it: the base in whole kronor, the fee computed per rate with the öre dropped (Skatteverket,
// ställningstagande 2017-06-08). An employer declares the sum over all recipients, so the sum of statements'
// DeclaredFees can differ from the declared total by a few kronor.
type DeclaredFee struct {
	Rate Percent `json:"rate"`
	Base Ore     `json:"base"` // whole kronor, in öre
	Fee  Ore     `json:"fee"`  // whole kronor, in öre
}

// Totals sums a statement. All amounts are in öre.
type Totals struct {
	Omkostnad        Ore `json:"omkostnad"`          // all omkostnad
	OmkostnadTaxFree Ore `json:"omkostnad_tax_free"` // up to SKR's level: no tax withheld, no contributions
	OmkostnadTaxable Ore `json:"omkostnad_taxable"`  // above SKR's level: taxable like arvode
	Arvode           Ore `json:"arvode"`             // taxable
	Taxable          Ore `json:"taxable"`            // Arvode + OmkostnadTaxable
	Payout           Ore `json:"payout"`             // Omkostnad + Arvode, before tax is withheld
	Contributions    Ore `json:"contributions"`      // the sum of the contribution lines
	Cost             Ore `json:"cost"`               // Payout + Contributions: what the municipality pays
}

// Statement prices in's stays and assignments for in's month and adds the employer contributions. It returns
// every unusable field of in as *FieldError values joined with errors.Join (ErrInvalidInput), a *TableError
// (ErrNoTable) for a missing rate or contribution rule, or an error wrapping ErrOverflow.
func (c *Calculator) Statement(in StatementInput) (*Statement, error) {
	if err := c.checkStatement(in); err != nil {
		return nil, err
	}
	rule, err := EmployerContribution(in.BirthYear, in.PaymentDate)
	if err != nil {
		return nil, err
	}
	st := &Statement{
		Volunteer: in.Volunteer, Period: fmt.Sprintf("%04d-%02d", in.Year, int(in.Month)), PaymentDate: in.PaymentDate,
		Policy: c.policyName(), OmkostnadPercent: c.percent, Rule: rule,
		Months: []MonthLine{}, Contributions: []ContributionLine{}, Declaration: []DeclaredFee{},
		Notes: []string{}, Sources: []Source{},
	}
	src := sourceSet{}
	if st.Days, err = c.daysInMonth(in.Stays, in.Year, in.Month, &src); err != nil {
		return nil, err
	}
	priced := make(map[string]bool, len(in.Stays))
	for _, d := range st.Days {
		priced[d.Stay] = true
	}
	var idle []string
	for _, s := range in.Stays {
		if !priced[s.ID] {
			idle = append(idle, s.ID)
		}
	}
	slices.Sort(idle)
	for _, id := range idle {
		st.Notes = append(st.Notes, fmt.Sprintf("vistelse %s har ingen dag i %s", id, st.Period))
	}
	assignments := slices.Clone(in.Assignments)
	slices.SortFunc(assignments, func(a, b Assignment) int { return cmp.Compare(a.ID, b.ID) })
	for _, a := range assignments {
		line, err := c.monthLine(a, in.Year, in.Month, &src)
		if err != nil {
			return nil, err
		}
		if line.Days == 0 {
			st.Notes = append(st.Notes, fmt.Sprintf("uppdrag %s löper inte under %s", a.ID, st.Period))
			continue
		}
		st.Months = append(st.Months, *line)
	}
	if err := st.total(); err != nil {
		return nil, fmt.Errorf("statement %s: %w", in.Volunteer, err)
	}
	if err := st.contribute(in.YearToDate); err != nil {
		return nil, fmt.Errorf("statement %s: %w", in.Volunteer, err)
	}
	src.add(rule.Source)
	st.Sources = src
	return st, nil
}

// checkStatement reports every unusable field of in.
func (c *Calculator) checkStatement(in StatementInput) error {
	var errs []error
	bad := func(field, reason string) {
		errs = append(errs, &FieldError{Record: "statement", ID: in.Volunteer, Field: field, Reason: reason})
	}
	if in.Volunteer == "" {
		bad("volunteer", "missing")
	}
	if in.Month < time.January || in.Month > time.December || in.Year < 1990 || in.Year > 2199 {
		bad("month", "want a month of 1990–2199")
	}
	if in.PaymentDate.IsZero() {
		bad("paymentDate", "unset")
	} else if in.BirthYear < 1870 || in.BirthYear > in.PaymentDate.Year() {
		bad("birthYear", "not a plausible birth year for the payment date")
	}
	if in.YearToDate < 0 || in.YearToDate > maxRate*1000 {
		bad("yearToDate", "want 0 to 1 000 000 000 kr")
	}
	if err := checkStays(in.Stays); err != nil {
		errs = append(errs, err)
	}
	ids := map[string]bool{}
	for i, a := range in.Assignments {
		id := a.ID
		if id == "" {
			id = fmt.Sprintf("assignments[%d]", i)
		} else if ids[id] {
			bad(fmt.Sprintf("assignments[%d].id", i), "a second assignment with the same ID")
		}
		ids[id] = true
		if err := checkAssignment(a, id); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// total fills st.Totals from the lines.
func (st *Statement) total() error {
	t := &st.Totals
	ok := true
	sum := func(dst *Ore, v Ore) {
		var k bool
		*dst, k = add(*dst, v)
		ok = ok && k
	}
	for _, d := range st.Days {
		sum(&t.Omkostnad, d.Omkostnad)
		sum(&t.OmkostnadTaxable, d.OmkostnadTaxable)
		sum(&t.Arvode, d.Arvode)
	}
	for _, m := range st.Months {
		sum(&t.Omkostnad, m.Omkostnad)
		sum(&t.OmkostnadTaxable, m.OmkostnadTaxable)
		sum(&t.Arvode, m.Arvode)
	}
	t.OmkostnadTaxFree = t.Omkostnad - t.OmkostnadTaxable
	sum(&t.Taxable, t.Arvode)
	sum(&t.Taxable, t.OmkostnadTaxable)
	sum(&t.Payout, t.Omkostnad)
	sum(&t.Payout, t.Arvode)
	if !ok {
		return errOverflow("statement total")
	}
	return nil
}

// contribute adds the employer contributions on st's taxable pay, given the taxable pay given out earlier in the
// year, and the totals that depend on them.
func (st *Statement) contribute(yearToDate Ore) error {
	rule, taxable := st.Rule, st.Totals.Taxable
	yearTotal, ok := add(yearToDate, taxable)
	if !ok {
		return errOverflow("year-to-date total")
	}
	switch {
	case taxable == 0 && yearToDate >= ContributionThreshold:
	case yearTotal < ContributionThreshold:
		st.Notes = append(st.Notes, fmt.Sprintf(
			"skattepliktig ersättning under året hittills %s, under 1 000 kr: inga arbetsgivaravgifter ännu (2 kap. 14 § SAL)", yearTotal))
	default:
		base := taxable
		if rule.Cap > 0 && base > rule.Cap {
			st.Contributions = append(st.Contributions, ContributionLine{Basis: rule.Basis + ", upp till " + rule.Cap.String() + " i månaden", Rate: rule.Rate, Base: rule.Cap})
			st.Contributions = append(st.Contributions, ContributionLine{Basis: "full arbetsgivaravgift över " + rule.Cap.String() + " i månaden", Rate: rule.AboveCap, Base: base - rule.Cap})
		} else if base > 0 {
			st.Contributions = append(st.Contributions, ContributionLine{Basis: rule.Basis, Rate: rule.Rate, Base: base})
		}
		if yearToDate > 0 && yearToDate < ContributionThreshold {
			st.Contributions = append(st.Contributions, ContributionLine{
				Basis: "tidigare utbetalt i år, avgiftspliktigt sedan 1 000 kr nåtts (2 kap. 14 § SAL)", Rate: rule.Rate, Base: yearToDate})
			st.Notes = append(st.Notes, "1 000 kr nås med denna utbetalning: arbetsgivaravgift tas ut även på tidigare utbetalningar i år")
		}
	}
	rates := map[Percent]Ore{}
	for i := range st.Contributions {
		l := &st.Contributions[i]
		amount, err := l.Base.MulDiv(int64(l.Rate), 100_00)
		if err != nil {
			return err
		}
		l.Amount = amount
		var k1, k2 bool
		st.Totals.Contributions, k1 = add(st.Totals.Contributions, amount)
		rates[l.Rate], k2 = add(rates[l.Rate], l.Base)
		if !k1 || !k2 {
			return errOverflow("contributions")
		}
	}
	for _, r := range slices.Sorted(maps.Keys(rates)) {
		base := rates[r] / 100 * 100
		st.Declaration = append(st.Declaration, DeclaredFee{Rate: r, Base: base, Fee: dropOre(base, r)})
	}
	var k bool
	if st.Totals.Cost, k = add(st.Totals.Payout, st.Totals.Contributions); !k {
		return errOverflow("cost")
	}
	return nil
}

// dropOre returns base × rate with the öre dropped, for a base of at least 0: the declaration's rule.
func dropOre(base Ore, rate Percent) Ore {
	hi, lo := bits.Mul64(uint64(base), uint64(rate))
	if hi >= 100_00*100 { // unreachable: base < 2^63 and rate <= 1000 % keep the product below 1e6 × 2^64
		return 0
	}
	kr, _ := bits.Div64(hi, lo, 100_00*100)
	return Ore(kr) * 100
}

// WriteJSON writes st as indented JSON with stable field names; amounts are integers of öre and percentages
// decimal numbers.
func (st *Statement) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(st)
}

// csvHeader is the header row of WriteCSV, which documents the columns.
var csvHeader = []string{"volunteer", "period", "ref", "kind", "date", "item", "group", "level", "quantity", "unit",
	"rate_ore", "percent", "doubled", "base_ore", "amount_ore", "taxable_ore", "status", "rule"}

// WriteCSV writes st for payroll as comma-separated UTF-8 with a header row: for each kontaktfamilj day an
// omkostnad and an arvode row, for each kontaktperson month an omkostnad and an arvode row, then one row per
// contribution line and one per declared rate. Amounts are integers of öre, so no locale can misread them. The
// columns, in order:
//
//	volunteer    the volunteer's opaque ID
//	period       the month worked, "2026-03"
//	ref          the stay or assignment ID (empty on contribution rows)
//	kind         "kontaktfamilj" or "kontaktperson" (empty on contribution rows)
//	date         the day (kontaktfamilj) or the first day paid in the month (kontaktperson), YYYY-MM-DD
//	item         "omkostnad", "arvode", "arbetsgivaravgift" (exact) or "arbetsgivaravgift-deklaration"
//	group        the age band or kontaktperson category
//	level        the level of the rate (empty for an amount decided for the assignment)
//	quantity     halvdygn (kontaktfamilj) or days of the month (kontaktperson)
//	unit         "halvdygn" or "dagar"
//	rate_ore     the rate per dygn, day or month, in öre
//	percent      the omkostnad share paid, or the contribution rate, e.g. "31.42"
//	doubled      "true" if the arvode of the day is doubled, "false" if not (kontaktfamilj arvode rows only)
//	base_ore     the pay a contribution is charged on, in öre
//	amount_ore   the amount, in öre
//	taxable_ore  the taxable part of the amount, in öre
//	status       where the rate comes from: published, reproduction, municipal, derived, decided
//	rule         the rule applied, in Swedish: why a day is (not) doubled, "hel månad", "pro rata 17/31 dagar"
func (st *Statement) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	ore := func(o Ore) string { return strconv.FormatInt(int64(o), 10) }
	lvl := func(l Level) string {
		if l == 0 {
			return ""
		}
		return strconv.Itoa(int(l))
	}
	row := func(ref string, kind Kind, date calendar.Date, item string, group Group, level string, qty int, unit string,
		rate Ore, pct, doubled, base string, amount, taxable Ore, status Status, rule string) error {
		q := ""
		if qty != 0 {
			q = strconv.Itoa(qty)
		}
		d := ""
		if !date.IsZero() {
			d = date.String()
		}
		return cw.Write([]string{st.Volunteer, st.Period, ref, string(kind), d, item, string(group), level, q, unit,
			ore(rate), pct, doubled, base, ore(amount), ore(taxable), string(status), rule})
	}
	pct := st.OmkostnadPercent.decimal()
	for _, d := range st.Days {
		if err := row(d.Stay, Kontaktfamilj, d.Date, string(Omkostnad), d.Band, lvl(d.OmkostnadLevel), d.Halvdygn, "halvdygn",
			d.OmkostnadRate, pct, "", "", d.Omkostnad, d.OmkostnadTaxable, d.OmkostnadFrom, ""); err != nil {
			return err
		}
		if err := row(d.Stay, Kontaktfamilj, d.Date, string(Arvode), d.Band, lvl(d.ArvodeLevel), d.Halvdygn, "halvdygn",
			d.ArvodeRate, "", strconv.FormatBool(d.Doubled), "", d.Arvode, d.Arvode, d.ArvodeFrom, d.Reason); err != nil {
			return err
		}
	}
	for _, m := range st.Months {
		if err := row(m.Assignment, Kontaktperson, m.From, string(Omkostnad), m.Category, lvl(m.OmkostnadLevel), m.Days, "dagar",
			m.OmkostnadRate, pct, "", "", m.Omkostnad, m.OmkostnadTaxable, m.OmkostnadFrom, m.Rule); err != nil {
			return err
		}
		if err := row(m.Assignment, Kontaktperson, m.From, string(Arvode), m.Category, lvl(m.ArvodeLevel), m.Days, "dagar",
			m.ArvodeRate, "", "", "", m.Arvode, m.Arvode, m.ArvodeFrom, m.Rule); err != nil {
			return err
		}
	}
	for _, l := range st.Contributions {
		if err := cw.Write([]string{st.Volunteer, st.Period, "", "", "", "arbetsgivaravgift", "", "", "", "",
			"", l.Rate.decimal(), "", ore(l.Base), ore(l.Amount), "", "", l.Basis}); err != nil {
			return err
		}
	}
	for _, d := range st.Declaration {
		if err := cw.Write([]string{st.Volunteer, st.Period, "", "", "", "arbetsgivaravgift-deklaration", "", "", "", "",
			"", d.Rate.decimal(), "", ore(d.Base), ore(d.Fee), "", "", "hela kronor, öretal bortfaller"}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
