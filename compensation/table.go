package compensation

import (
	"fmt"
	"slices"
)

// Law is the act under which the municipality decided the insats.
type Law string

const (
	// SoL is Socialtjänstlagen: kontaktfamilj and kontaktperson for children, young people and adults.
	SoL Law = "SoL"
	// LSS is Lag (1993:387) om stöd och service till vissa funktionshindrade: stödfamilj (korttidsvistelse,
	// 9 § 6) and kontaktperson (9 § 4). SKR publishes a separate circular for it.
	LSS Law = "LSS"
)

func (l Law) valid() bool { return l == SoL || l == LSS }

// Kind is the kind of assignment a table cell belongs to.
type Kind string

const (
	// Kontaktfamilj is a family that takes the client home, usually for weekends; paid per dygn. Under LSS it
	// is called stödfamilj.
	Kontaktfamilj Kind = "kontaktfamilj"
	// Kontaktperson meets the client regularly; paid per month.
	Kontaktperson Kind = "kontaktperson"
)

// Item is one of the two amounts a volunteer receives.
type Item string

const (
	// Omkostnad (omkostnadsersättning) reimburses the volunteer's costs. The payer withholds no tax and pays no
	// employer contributions on it up to SKR's level.
	Omkostnad Item = "omkostnad"
	// Arvode pays for the work: taxable income, subject to employer contributions.
	Arvode Item = "arvode"
)

// Group is the age band of a kontaktfamilj cell or the category of a kontaktperson arvode cell. Kontaktperson
// omkostnad cells have the empty Group: SKR sets that amount by level only.
type Group string

// The age bands of kontaktfamilj cells and the categories of kontaktperson arvode cells, as SKR names them.
const (
	Band0to12    Group = "0-12"       // SKR's "0-12 år"
	Band13Plus   Group = "13+"        // SKR's "13 < år": 13 years and older, not decided as an adult insats
	BandVuxna    Group = "vuxna"      // SKR's "Vuxna": the insats was decided for an adult (Stay.Adult)
	Category1    Group = "kategori-1" // kontaktperson, "kontakt minst en gång/vecka"
	Category2    Group = "kategori-2" // kontaktperson, "kontakt flera gånger/vecka"
	Category3    Group = "kategori-3" // kontaktperson, "kontakt i stort sett dagligen"
	CategorySKKP Group = "skkp"       // särskilt kvalificerad kontaktperson: SKR publishes no level
)

// Level picks one of SKR's levels, counted from 1. What each level means depends on the cell:
//
//	kontaktfamilj omkostnad  1 Grundkostnad, 2 Tilläggskostnad inkl grundkostnad (SKR's highest level)
//	kontaktfamilj arvode     1 Arvode, 2 and 3 SKR's two "Exempel på förhöjt arvode"
//	kontaktperson omkostnad  1, 2, 3: SKR's three monthly levels (10, 25 and 40 % of pbb in 2018)
//	kontaktperson arvode     1 the low end and 2 the high end of the category's monthly range
//
// The zero Level on a Stay or Assignment means "the Policy's level", and on a Policy it means level 1.
type Level int

// maxLevel returns the highest Level of item for kind.
func maxLevel(kind Kind, item Item) Level {
	switch {
	case kind == Kontaktfamilj && item == Omkostnad:
		return 2
	case kind == Kontaktperson && item == Arvode:
		return 2
	}
	return 3
}

// Key names one cell of a rate table.
type Key struct {
	Kind  Kind  `json:"kind"`
	Item  Item  `json:"item"`
	Group Group `json:"group"`
	Level Level `json:"level"`
}

// String returns e.g. "kontaktfamilj arvode 0-12 level 1".
func (k Key) String() string {
	if k.Group == "" {
		return fmt.Sprintf("%s %s level %d", k.Kind, k.Item, k.Level)
	}
	return fmt.Sprintf("%s %s %s level %d", k.Kind, k.Item, k.Group, k.Level)
}

// Keys returns every cell of a full table in a fixed order: kontaktfamilj omkostnad and arvode by band and level,
// then kontaktperson omkostnad by level and arvode by category and level. It returns a fresh slice.
func Keys() []Key {
	var ks []Key
	for _, item := range []Item{Omkostnad, Arvode} {
		for _, g := range []Group{Band0to12, Band13Plus, BandVuxna} {
			for l := Level(1); l <= maxLevel(Kontaktfamilj, item); l++ {
				ks = append(ks, Key{Kontaktfamilj, item, g, l})
			}
		}
	}
	for l := Level(1); l <= 3; l++ {
		ks = append(ks, Key{Kontaktperson, Omkostnad, "", l})
	}
	for _, g := range []Group{Category1, Category2, Category3, CategorySKKP} {
		for l := Level(1); l <= 2; l++ {
			ks = append(ks, Key{Kontaktperson, Arvode, g, l})
		}
	}
	return ks
}

// valid reports whether k names a cell of Keys.
func (k Key) valid() bool {
	if k.Level < 1 || k.Level > maxLevel(k.Kind, k.Item) || (k.Item != Omkostnad && k.Item != Arvode) {
		return false
	}
	switch k.Kind {
	case Kontaktfamilj:
		return k.Group == Band0to12 || k.Group == Band13Plus || k.Group == BandVuxna
	case Kontaktperson:
		if k.Item == Omkostnad {
			return k.Group == ""
		}
		return k.Group == Category1 || k.Group == Category2 || k.Group == Category3 || k.Group == CategorySKKP
	}
	return false
}

// Status says where a figure comes from.
type Status string

const (
	// Published: read in the issuing body's own publication (SKR's circular; SCB or the SFS for the
	// prisbasbelopp).
	Published Status = "published"
	// Reproduction: read in a secondary copy of the publication, such as familjehemmet.se's reproduction of SKR's
	// circulars. The Source names it.
	Reproduction Status = "reproduction"
	// NotSourced: no public source for the figure was found. The cell has no amount, and pricing returns
	// ErrNoTable for it unless the Policy supplies a figure.
	NotSourced Status = "not-sourced"
	// Municipal: the figure comes from the municipality's own table in Policy.Tables.
	Municipal Status = "municipal"
	// Derived: the figure was computed from the prisbasbelopp because the Policy opted in with
	// DeriveOmkostnad. It is not an SKR figure.
	Derived Status = "derived"
	// Decided: an amount decided for the assignment itself (Stay.ArvodePerDay, Assignment.ArvodePerMonth or
	// FamilyPolicy.ArvodePerDay), not a table figure.
	Decided Status = "decided"
)

// Source names the publication a figure was read in.
type Source struct {
	Circular string `json:"circular,omitempty"` // SKR's circular number, e.g. "22:42"
	Title    string `json:"title"`              // what the publication is called, and by whom
	URL      string `json:"url,omitempty"`      // where it was read
}

// Figure is one amount with its provenance.
type Figure struct {
	Amount Ore    `json:"amount"`          // in öre; 0 when Status is NotSourced
	Status Status `json:"status"`          // where the amount comes from
	Source Source `json:"source,omitzero"` // the publication it was read in
	Note   string `json:"note,omitempty"`  // how it was checked, or why it is missing
}

// Cell is one figure of a rate table: an amount per dygn (kontaktfamilj omkostnad), per day (kontaktfamilj
// arvode, doubled on weekends and helgdagar) or per month (kontaktperson), with SKR's percentage of the
// prisbasbelopp where SKR states one.
type Cell struct {
	Key
	Figure
	Percent        Percent `json:"percent_of_pbb,omitempty"`  // SKR's percent of the prisbasbelopp, 0 if none
	PercentDerived bool    `json:"percent_derived,omitempty"` // the percent is inferred from the amount, not printed by SKR
}

// Table is one year's rate table for one law: SKR's, as embedded (see SKR), or a municipality's own (in
// Policy.Tables). A municipality's table may hold only some cells; the others fall back to SKR's.
type Table struct {
	Year          int    `json:"year"`
	Law           Law    `json:"law"`
	Prisbasbelopp Figure `json:"prisbasbelopp,omitzero"` // the year's prisbasbelopp (SKR's tables only)
	Source        Source `json:"source,omitzero"`        // for a municipality's table: the guideline it comes from
	Cells         []Cell `json:"cells"`
}

// Cell returns the cell k of t and whether t has it.
func (t Table) Cell(k Key) (Cell, bool) {
	i := slices.IndexFunc(t.Cells, func(c Cell) bool { return c.Key == k })
	if i < 0 {
		return Cell{}, false
	}
	return t.Cells[i], true
}

// clone returns a deep copy of t.
func (t Table) clone() Table {
	t.Cells = slices.Clone(t.Cells)
	return t
}
