package compensation

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
)

// skrJSON holds SKR's tables 2018–2027 as found in public sources; data/SOURCES.md tells how they were found.
//
//go:embed data/skr.json
var skrJSON string

// First and last year of the embedded SKR data. Every year in between has an entry for both laws and both kinds,
// with every cell either sourced or marked not sourced.
const (
	firstSKRYear = 2018
	lastSKRYear  = 2027
)

type rawCell struct {
	Item           Item    `json:"item"`
	Group          Group   `json:"group"`
	Level          Level   `json:"level"`
	Percent        Percent `json:"percent"`
	PercentDerived bool    `json:"percent_derived"`
	Kronor         int64   `json:"kronor"`
	Status         Status  `json:"status"`
	Source         string  `json:"source"`
	Note           string  `json:"note"`
}

type rawTable struct {
	Year   int       `json:"year"`
	Law    Law       `json:"law"`
	Kind   Kind      `json:"kind"`
	Source string    `json:"source"`
	Note   string    `json:"note"`
	Cells  []rawCell `json:"cells"`
}

type rawPBB struct {
	Year   int    `json:"year"`
	Kronor int64  `json:"kronor"`
	Status Status `json:"status"`
	Source string `json:"source"`
	Note   string `json:"note"`
}

type rawSKR struct {
	About         string            `json:"about"`
	Sources       map[string]Source `json:"sources"`
	Prisbasbelopp []rawPBB          `json:"prisbasbelopp"`
	Tables        []rawTable        `json:"tables"`
}

// tableID names one year's table for one law.
type tableID struct {
	year int
	law  Law
}

// cellID names one cell of one year's table for one law.
type cellID struct {
	year int
	law  Law
	key  Key
}

// skrData is the parsed, validated and immutable form of skrJSON.
type skrData struct {
	tables map[tableID]Table // every cell in Keys order
	cells  map[cellID]Cell
	pbb    map[int]Figure
}

// loadSKR parses skrJSON once. The result is shared and must not be modified; SKR hands out copies.
var loadSKR = sync.OnceValues(func() (*skrData, error) { return parseSKR(skrJSON) })

func parseSKR(text string) (*skrData, error) {
	var raw rawSKR
	e := &embedded{name: "data/skr.json"}
	if err := e.decode(text, &raw); err != nil {
		return nil, err
	}
	e.sources = raw.Sources
	bad, source := e.bad, e.source
	d := &skrData{tables: map[tableID]Table{}, cells: map[cellID]Cell{}, pbb: map[int]Figure{}}
	for _, p := range raw.Prisbasbelopp {
		f := Figure{Amount: Kronor(p.Kronor), Status: p.Status, Source: source(p.Source), Note: p.Note}
		if err := checkFigure(p.Kronor, p.Status, p.Source); err != "" {
			bad("prisbasbelopp %d: %s", p.Year, err)
		}
		if _, dup := d.pbb[p.Year]; dup {
			bad("prisbasbelopp %d twice", p.Year)
		}
		d.pbb[p.Year] = f
	}
	seen := map[string]bool{}
	for _, t := range raw.Tables {
		name := fmt.Sprintf("%d %s %s", t.Year, t.Law, t.Kind)
		if seen[name] {
			bad("table %s twice", name)
		}
		seen[name] = true
		if !t.Law.valid() || (t.Kind != Kontaktfamilj && t.Kind != Kontaktperson) {
			bad("table %s: unknown law or kind", name)
		}
		id := tableID{t.Year, t.Law}
		tab, ok := d.tables[id]
		if !ok {
			tab = Table{Year: t.Year, Law: t.Law, Prisbasbelopp: d.pbb[t.Year]}
		}
		for _, rc := range t.Cells {
			k := Key{Kind: t.Kind, Item: rc.Item, Group: rc.Group, Level: rc.Level}
			if !k.valid() {
				bad("table %s: invalid cell %s", name, k)
				continue
			}
			if _, dup := d.cells[cellID{t.Year, t.Law, k}]; dup {
				bad("table %s: cell %s twice", name, k)
			}
			src := rc.Source
			if src == "" {
				src = t.Source
			}
			if err := checkFigure(rc.Kronor, rc.Status, src); err != "" {
				bad("table %s: cell %s: %s", name, k, err)
			}
			if rc.Status == NotSourced && rc.Percent != 0 {
				bad("table %s: cell %s: a percent without an amount", name, k)
			}
			note := rc.Note
			if note == "" {
				note = t.Note
			}
			c := Cell{
				Key:            k,
				Figure:         Figure{Amount: Kronor(rc.Kronor), Status: rc.Status, Source: source(src), Note: note},
				Percent:        rc.Percent,
				PercentDerived: rc.PercentDerived,
			}
			d.cells[cellID{t.Year, t.Law, k}] = c
		}
		d.tables[id] = tab
	}
	// Every year, law and cell must be present, sourced or not, and the cells kept in Keys order.
	for year := firstSKRYear; year <= lastSKRYear; year++ {
		if _, ok := d.pbb[year]; !ok {
			bad("prisbasbelopp %d missing", year)
		}
		for _, law := range []Law{SoL, LSS} {
			tab := d.tables[tableID{year, law}]
			tab.Cells = tab.Cells[:0]
			for _, k := range Keys() {
				c, ok := d.cells[cellID{year, law, k}]
				if !ok {
					bad("%d %s: cell %s missing", year, law, k)
					continue
				}
				tab.Cells = append(tab.Cells, c)
			}
			d.tables[tableID{year, law}] = tab
		}
	}
	if len(d.tables) != 2*(lastSKRYear-firstSKRYear+1) {
		bad("tables outside %d–%d", firstSKRYear, lastSKRYear)
	}
	if err := e.err(); err != nil {
		return nil, err
	}
	return d, nil
}

// embedded checks one embedded data file and collects its problems.
type embedded struct {
	name    string
	sources map[string]Source
	errs    []error
}

// decode reads text into v strictly: unknown fields and trailing data are errors.
func (e *embedded) decode(text string, v any) error {
	dec := json.NewDecoder(strings.NewReader(text))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("compensation: embedded %s: %w", e.name, err)
	}
	if dec.More() {
		return fmt.Errorf("compensation: embedded %s: data after the top-level value", e.name)
	}
	return nil
}

func (e *embedded) bad(format string, args ...any) {
	e.errs = append(e.errs, fmt.Errorf("compensation: embedded %s: %s", e.name, fmt.Sprintf(format, args...)))
}

// source returns the source named key; the empty key names none.
func (e *embedded) source(key string) Source {
	if key == "" {
		return Source{}
	}
	s, ok := e.sources[key]
	if !ok {
		e.bad("unknown source %q", key)
	}
	return s
}

func (e *embedded) err() error { return errors.Join(e.errs...) }

// checkFigure returns what is wrong with an embedded figure, or "".
func checkFigure(kronor int64, status Status, source string) string {
	switch status {
	case Published, Reproduction:
		if kronor <= 0 {
			return "a sourced figure without an amount"
		}
		if source == "" {
			return "a sourced figure without a source"
		}
	case NotSourced:
		if kronor != 0 {
			return "an amount marked not sourced"
		}
	default:
		return fmt.Sprintf("status %q is not allowed in embedded data", status)
	}
	return ""
}

// SKR returns SKR's table for year and law as embedded: every cell of Keys, each with its amount in öre, its
// percent of the prisbasbelopp where SKR states one, its Status and its Source. Cells that could not be sourced
// have Status NotSourced, no amount, and a Note saying what is known. Years 2018–2027 are embedded; for other
// years SKR returns a *TableError wrapping ErrNoTable. The result is a copy the caller may modify.
func SKR(year int, law Law) (Table, error) {
	d, err := loadSKR()
	if err != nil {
		return Table{}, err
	}
	if !law.valid() {
		return Table{}, &FieldError{Record: "table", Field: "law", Reason: "want SoL or LSS"}
	}
	t, ok := d.tables[tableID{year, law}]
	if !ok {
		return Table{}, &TableError{Year: year, What: string(law) + " table",
			Reason: fmt.Sprintf("SKR's tables are embedded for %d–%d only", firstSKRYear, lastSKRYear)}
	}
	return t.clone(), nil
}

// Prisbasbelopp returns the prisbasbelopp of year, in öre, with its source. It is embedded for 2018–2026; for
// other years it returns a *TableError wrapping ErrNoTable.
func Prisbasbelopp(year int) (Figure, error) {
	d, err := loadSKR()
	if err != nil {
		return Figure{}, err
	}
	f, ok := d.pbb[year]
	if !ok || f.Status == NotSourced {
		return Figure{}, &TableError{Year: year, What: "prisbasbelopp", Reason: "not sourced"}
	}
	return f, nil
}
