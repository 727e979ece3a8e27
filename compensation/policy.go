package compensation

import (
	"errors"
	"fmt"
	"slices"
)

// maxRate bounds every rate this package reads, per dygn, day or month: 1 000 000 kr.
const maxRate Ore = 1_000_000_00

// Policy is a municipality's rules, layered on SKR's recommendation. The zero value means SKR's recommendation
// with the defaults of the reference (skr-compensation.md § 6): SKR's embedded figures only, level 1 everywhere,
// 100 % of SKR's omkostnad, the half dygn on the arrival day, eves not doubled, a half dygn on a weekend or
// helgdag doubled, the age band of each day, and whole kontaktperson months.
//
// Policies are plain values: build one, then call New once and use the Calculator for every stay and month.
type Policy struct {
	// Name identifies the policy on statements, e.g. "Exempelkommunen 2025". Empty means "SKR".
	Name string `json:"name,omitempty"`

	// Tables are the municipality's own figures. A cell here replaces SKR's cell for its year and law; SKR's
	// other cells stay in force. This is how a municipality pays in a year whose SKR table is not embedded (2025,
	// say), pays above or below SKR, or sets the särskilt kvalificerad kontaktperson, for which SKR publishes no
	// level. At most one table per year and law.
	Tables []Table `json:"tables,omitempty"`

	// OmkostnadPercent is the share of the table's omkostnad that is paid, e.g. 110 % (Percent(11000)). Zero
	// means 100 %. Any part above SKR's highest omkostnad level is taxable (see DayLine.OmkostnadTaxable).
	OmkostnadPercent Percent `json:"omkostnad_percent,omitempty"`

	// DeriveOmkostnad opts in to omkostnad figures computed from the year's prisbasbelopp where neither SKR's
	// table nor Tables has one: kontaktfamilj with SKR's 2023 percentages (105/150 % for 0–12 år, 120/170 % for
	// the others) × pbb ÷ 365, kontaktperson with SKL's 2018 percentages (10/25/40 %) × pbb ÷ 12, each rounded to
	// the nearest krona. These are NOT SKR figures: they are right only if SKR kept its percentages, and lines
	// priced with them say Status Derived. Arvode is never derived. False (the default) returns ErrNoTable instead.
	DeriveOmkostnad bool `json:"derive_omkostnad,omitempty"`

	// Family holds the kontaktfamilj/stödfamilj rules.
	Family FamilyPolicy `json:"family,omitzero"`

	// Person holds the kontaktperson rules.
	Person PersonPolicy `json:"person,omitzero"`
}

// FamilyPolicy holds the kontaktfamilj/stödfamilj rules. Its zero value is SKR's recommendation with the
// reference's defaults.
type FamilyPolicy struct {
	// Omkostnad is the default omkostnad level: 1 Grundkostnad, 2 Tilläggskostnad inkl grundkostnad. Zero
	// means 1. A Stay may set its own.
	Omkostnad Level `json:"omkostnad_level,omitempty"`

	// Arvode is the default arvode level: 1 SKR's Arvode, 2 and 3 SKR's two examples of raised arvode. Zero
	// means 1. A Stay may set its own.
	Arvode Level `json:"arvode_level,omitempty"`

	// ArvodePerDay, if positive, is the municipality's own arvode per day (in öre) for every stay that does not
	// set its own; it replaces the table's arvode and is doubled by the same rules.
	ArvodePerDay Ore `json:"arvode_per_day,omitempty"`

	// HalfOnDeparture counts the departure day as the half dygn instead of the arrival day. SKR fixes only
	// Friday–Sunday = 2½ dygn; the one published split makes the Friday (arrival) the half, hence the default.
	HalfOnDeparture bool `json:"half_on_departure,omitempty"`

	// DoubleEves doubles arvode on midsommarafton, julafton and nyårsafton too. SKR doubles on "helgdagar", and
	// by Lag (1989:253) the eves are not helgdagar, so by default they are not doubled.
	DoubleEves bool `json:"double_eves,omitempty"`

	// SingleHalfDygn pays single arvode for a half dygn that falls on a Saturday, Sunday or helgdag. SKR's rule
	// ("på lördagar, söndagar och helgdagar utgår dubbelt arvode") makes no exception, so by default it is
	// doubled.
	SingleHalfDygn bool `json:"single_half_dygn,omitempty"`

	// BandAtArrival prices a whole stay in the age band of the arrival day. By default each day is priced in the
	// band of the child's age that day, so a 13th birthday mid-stay moves the following days to "13+".
	BandAtArrival bool `json:"band_at_arrival,omitempty"`
}

// PersonPolicy holds the kontaktperson rules. Its zero value is SKR's recommendation with the reference's
// defaults.
type PersonPolicy struct {
	// Omkostnad is the default monthly omkostnad level, 1 to 3. Zero means 1. An Assignment may set its own.
	Omkostnad Level `json:"omkostnad_level,omitempty"`

	// Arvode is the default point in the category's monthly arvode range: 1 the low end, 2 the high end. Zero
	// means 1. An Assignment may set its own level or its own amount.
	Arvode Level `json:"arvode_level,omitempty"`

	// ProRata pays a month in which the assignment starts or ends by calendar days: amount × days ÷ days in the
	// month, rounded once per line. By default (false) every month in which the assignment runs at least one
	// day is paid in full.
	ProRata bool `json:"pro_rata,omitempty"`
}

// Validate reports every unusable field of p as *FieldError values joined with errors.Join, or nil.
func (p Policy) Validate() error {
	id := p.Name
	if id == "" {
		id = "SKR"
	}
	var errs []error
	bad := func(field, reason string) {
		errs = append(errs, &FieldError{Record: "policy", ID: id, Field: field, Reason: reason})
	}
	if p.OmkostnadPercent < 0 || p.OmkostnadPercent > maxPercent {
		bad("omkostnadPercent", "want 0 to 1000 %")
	}
	if p.Family.Omkostnad < 0 || p.Family.Omkostnad > 2 {
		bad("family.omkostnadLevel", "want 1 or 2 (0 means 1)")
	}
	if p.Family.Arvode < 0 || p.Family.Arvode > 3 {
		bad("family.arvodeLevel", "want 1 to 3 (0 means 1)")
	}
	if p.Family.ArvodePerDay < 0 || p.Family.ArvodePerDay > maxRate {
		bad("family.arvodePerDay", "want 0 to 1 000 000 kr")
	}
	if p.Person.Omkostnad < 0 || p.Person.Omkostnad > 3 {
		bad("person.omkostnadLevel", "want 1 to 3 (0 means 1)")
	}
	if p.Person.Arvode < 0 || p.Person.Arvode > 2 {
		bad("person.arvodeLevel", "want 1 or 2 (0 means 1)")
	}
	seen := map[tableID]bool{}
	for i, t := range p.Tables {
		f := fmt.Sprintf("tables[%d]", i)
		if t.Year < 1990 || t.Year > 2199 {
			bad(f+".year", "want 1990 to 2199")
		}
		if !t.Law.valid() {
			bad(f+".law", "want SoL or LSS")
		}
		if seen[tableID{t.Year, t.Law}] {
			bad(f, "a second table for the same year and law")
		}
		seen[tableID{t.Year, t.Law}] = true
		keys := map[Key]bool{}
		for j, c := range t.Cells {
			cf := fmt.Sprintf("%s.cells[%d]", f, j)
			if !c.Key.valid() {
				bad(cf, "not a cell of Keys()")
				continue
			}
			if keys[c.Key] {
				bad(cf, "a second cell "+c.Key.String())
			}
			keys[c.Key] = true
			if c.Amount <= 0 || c.Amount > maxRate {
				bad(cf+".amount", "want more than 0 and at most 1 000 000 kr")
			}
		}
	}
	return errors.Join(errs...)
}

// Calculator prices stays, kontaktperson months and statements under one Policy. It is immutable and safe for
// concurrent use. Equal inputs give equal output.
type Calculator struct {
	policy  Policy
	percent Percent // the resolved OmkostnadPercent
	own     map[cellID]Cell
	skr     *skrData
}

// New checks p and returns a Calculator for it. It keeps a copy of p, so later changes to p's tables do not
// affect it. Errors are the *FieldError values of p.Validate.
func New(p Policy) (*Calculator, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	skr, err := loadSKR()
	if err != nil {
		return nil, err
	}
	if _, err := loadAvgifter(); err != nil {
		return nil, err
	}
	c := &Calculator{policy: p, percent: p.OmkostnadPercent, own: map[cellID]Cell{}, skr: skr}
	if c.percent == 0 {
		c.percent = 100_00
	}
	c.policy.Tables = make([]Table, len(p.Tables))
	for i, t := range p.Tables {
		t = t.clone()
		for j := range t.Cells {
			t.Cells[j].Status = Municipal
			if t.Cells[j].Source == (Source{}) {
				t.Cells[j].Source = t.Source
			}
			c.own[cellID{t.Year, t.Law, t.Cells[j].Key}] = t.Cells[j]
		}
		c.policy.Tables[i] = t
	}
	return c, nil
}

// Policy returns a copy of the Calculator's policy.
func (c *Calculator) Policy() Policy {
	p := c.policy
	p.Tables = make([]Table, len(c.policy.Tables))
	for i, t := range c.policy.Tables {
		p.Tables[i] = t.clone()
	}
	return p
}

// rate returns the figure in force for cell k of year and law: the Policy's own cell, else SKR's sourced cell,
// else, if the Policy opted in, an omkostnad derived from the prisbasbelopp; otherwise a *TableError. It adds the
// figure's source to src, if src is not nil.
func (c *Calculator) rate(year int, law Law, k Key, src *sourceSet) (Ore, Status, error) {
	f, err := c.figure(year, law, k)
	src.add(f.Source)
	return f.Amount, f.Status, err
}

// sourceSet collects the distinct sources of the figures a statement uses, in the order of first use.
type sourceSet []Source

func (s *sourceSet) add(x Source) {
	if s != nil && x != (Source{}) && !slices.Contains(*s, x) {
		*s = append(*s, x)
	}
}

// figure is rate with the figure's source.
func (c *Calculator) figure(year int, law Law, k Key) (Figure, error) {
	id := cellID{year, law, k}
	if cell, ok := c.own[id]; ok {
		return cell.Figure, nil
	}
	cell, embedded := c.skr.cells[id]
	if embedded && cell.Status != NotSourced {
		return cell.Figure, nil
	}
	if c.policy.DeriveOmkostnad && k.Item == Omkostnad {
		if a, ok := c.derive(year, k); ok {
			return Figure{Amount: a, Status: Derived, Source: derivedSource(k.Kind)}, nil
		}
	}
	reason := "SKR's figure is not sourced; supply it in Policy.Tables"
	if !embedded {
		reason = fmt.Sprintf("SKR's tables are embedded for %d–%d only; supply it in Policy.Tables", firstSKRYear, lastSKRYear)
	}
	return Figure{}, &TableError{Year: year, What: string(law) + " " + k.String(), Reason: reason}
}

// derivedSource describes a figure computed with Policy.DeriveOmkostnad.
func derivedSource(kind Kind) Source {
	if kind == Kontaktperson {
		return Source{Title: "derived, not an SKR figure: SKL's 2018 percentages (10/25/40 %) × prisbasbelopp ÷ 12, nearest krona (Policy.DeriveOmkostnad)"}
	}
	return Source{Title: "derived, not an SKR figure: SKR's 2023 percentages × prisbasbelopp ÷ 365, nearest krona (Policy.DeriveOmkostnad)"}
}

// ceiling returns SKR's highest omkostnad level for cell k's kind and group, per dygn or month: the level up to
// which omkostnad is tax-free for the payer. SKR's own figure comes first, so a municipality that pays more
// than SKR pays the excess as taxable; where SKR's figure is not embedded, the Policy's table stands in for it.
func (c *Calculator) ceiling(year int, law Law, k Key) (Ore, error) {
	k.Item, k.Level = Omkostnad, maxLevel(k.Kind, Omkostnad)
	if k.Kind == Kontaktperson {
		k.Group = ""
	}
	if cell, ok := c.skr.cells[cellID{year, law, k}]; ok && cell.Status != NotSourced {
		return cell.Amount, nil
	}
	a, _, err := c.rate(year, law, k, nil)
	return a, err
}

// derive returns SKR's last known omkostnad percentage for k times the prisbasbelopp of year, per dygn (÷ 365)
// or month (÷ 12), rounded to the nearest krona, and whether the year's prisbasbelopp is known.
func (c *Calculator) derive(year int, k Key) (Ore, bool) {
	pbb, ok := c.skr.pbb[year]
	if !ok || pbb.Status == NotSourced {
		return 0, false
	}
	base, div := tableID{2023, SoL}, int64(365)
	if k.Kind == Kontaktperson {
		base, div = tableID{2018, SoL}, 12
	}
	ref, ok := c.skr.cells[cellID{base.year, base.law, k}]
	if !ok || ref.Percent == 0 {
		return 0, false
	}
	return deriveAmount(pbb.Amount, ref.Percent, div)
}

// deriveAmount returns percent × pbb ÷ div rounded to the nearest whole krona (a half rounded up), as SKR
// rounds its tables.
func deriveAmount(pbb Ore, percent Percent, div int64) (Ore, bool) {
	kr, err := (pbb / 100).MulDiv(int64(percent), 100_00*div)
	if err != nil {
		return 0, false
	}
	return kr * 100, true
}

// policyName returns the policy's name for statements, "SKR" for an unnamed policy.
func (c *Calculator) policyName() string {
	if c.policy.Name == "" {
		return "SKR"
	}
	return c.policy.Name
}

// levelOr returns l, or def if l is zero, or 1 if both are zero.
func levelOr(l, def Level) Level {
	if l != 0 {
		return l
	}
	if def != 0 {
		return def
	}
	return 1
}
