// Package poolfile reads and writes the input files of the batch job: a matching.Pool as one JSON file, or its
// clients and volunteers as two files, each JSON or CSV. examples/batchmatch reads them and examples/gen writes
// them, so the two agree by construction.
//
// Every problem is reported at once, as one *Error per bad cell or record, naming the file, the line and the field
// (the CSV column or the JSON key). The library's own validation (matching.Pool.Validate) names records by their
// opaque ID; Load maps those IDs back to the lines they were read from. No error repeats a value of the input: a
// mistyped cell may hold a personal identity number or a name.
//
// # CSV
//
// A clients file and a volunteers file each start with a header line naming its columns (ClientColumns and
// VolunteerColumns list them); the order is free, required columns must be present, and an unknown column is an
// error. A column is named after the JSON field it fills, with dots as underscores: location.lat is location_lat.
// The file is UTF-8, with or without a byte-order mark, or Windows-1252 when asked for; comma or semicolon
// separated (sniffed from the header line, as Swedish Excel exports semicolons). Lists in a cell are separated
// by a vertical bar, "leisure|schoolwork"; empty items are ignored. Numbers take a decimal point or comma, dates
// are YYYY-MM-DD, weekly windows "tuesday 17:00-20:00" (English or Swedish day names), weekends ISO weeks
// "2026-W36", booleans true/false (also ja/nej, yes/no, 1/0; empty is false).
package poolfile

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/kontaktlab/kontakt/matching"
	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// ErrInvalidInput is wrapped by every *Error.
var ErrInvalidInput = errors.New("invalid input")

// Error is one unusable file, line or cell. It never holds a value of the input.
type Error struct {
	File   string // the file's name as given
	Line   int    // 1-based line; 0 for the whole file
	Record string // "client", "volunteer", "pool" or "file"
	ID     string // the record's opaque ID, if it has a usable one
	Field  string // the CSV column or JSON field, e.g. "birth_date", "availability"
	Reason string // what is wrong, e.g. "not a date (YYYY-MM-DD)"
}

// Error returns e.g. "clients.csv:7: client C-0007: birth_date: not a date (YYYY-MM-DD)".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	if e.Record != "" && e.Record != "file" {
		b.WriteString(e.Record)
		if e.ID != "" {
			b.WriteString(" " + e.ID)
		}
		b.WriteString(": ")
	}
	if e.Field != "" {
		b.WriteString(e.Field + ": ")
	}
	b.WriteString(e.Reason)
	return b.String()
}

// Unwrap returns ErrInvalidInput.
func (e *Error) Unwrap() error { return ErrInvalidInput }

// Encoding is the character encoding of a CSV file. JSON is always UTF-8.
type Encoding string

// The encodings Load reads.
const (
	UTF8        Encoding = "utf-8"
	Windows1252 Encoding = "windows-1252" // older Excel "CSV (semikolonavgränsad)" exports
)

// File is one input file: its name, which says its format (.json or .csv) and appears in errors, and its bytes.
type File struct {
	Name string
	Data []byte
}

func (f File) isCSV() bool { return strings.EqualFold(filepath.Ext(f.Name), ".csv") }

// LoadPool reads a whole pool from one JSON file of the form {"as_of": ..., "clients": [...], "volunteers": [...]}
// (the form of matching.DecodePool), and validates it. A non-zero asOf replaces the file's as_of.
func LoadPool(f File, asOf calendar.Date) (matching.Pool, error) {
	if f.isCSV() {
		return matching.Pool{}, &Error{File: f.Name, Record: "file", Reason: "a pool file is JSON; give CSV files as clients and volunteers"}
	}
	cs, vs, fileAsOf := readPoolJSON(f)
	if asOf.IsZero() {
		asOf = fileAsOf
	}
	return validate(asOf, cs, vs)
}

// Load reads the clients and the volunteers from two files, each a JSON array of records or a CSV file (by the
// extension of its name), and validates the pool they make on asOf. enc applies to CSV files.
func Load(clients, volunteers File, asOf calendar.Date, enc Encoding) (matching.Pool, error) {
	return validate(asOf, readClients(clients, enc), readVolunteers(volunteers, enc))
}

func readClients(f File, enc Encoding) *records[matching.Client] {
	if f.isCSV() {
		return readCSV(f, enc, "client", clientColumns)
	}
	return readJSONArray[matching.Client](f, "client")
}

func readVolunteers(f File, enc Encoding) *records[matching.Volunteer] {
	if f.isCSV() {
		return readCSV(f, enc, "volunteer", volunteerColumns)
	}
	return readJSONArray[matching.Volunteer](f, "volunteer")
}

// records are the records read from one file, with where each came from and the problems found while reading.
// A record that could not be read at all is left out of vals but not out of errs.
type records[T any] struct {
	file   string
	record string // "client" or "volunteer"
	vals   []T
	locate func(i int, field string) (line int, name, detail string) // where field of vals[i] is in the file
	errs   []*Error
	broken bool // the file as a whole could not be read: its records are not validated
}

func (r *records[T]) add(line int, id, field, reason string) {
	r.errs = append(r.errs, &Error{File: r.file, Line: line, Record: r.record, ID: id, Field: field, Reason: reason})
}

// validate builds the pool, validates it with the library, maps each of its errors back to a file and line, and
// returns every problem, sorted by file and line.
func validate(asOf calendar.Date, cs *records[matching.Client], vs *records[matching.Volunteer]) (matching.Pool, error) {
	pool := matching.Pool{AsOf: asOf, Clients: cs.vals, Volunteers: vs.vals}
	errs := append(slices.Clone(cs.errs), vs.errs...)
	if cs.broken || vs.broken {
		return matching.Pool{}, sortErrors(cs.file, errs)
	}
	if asOf.IsZero() {
		errs = append(errs, &Error{File: cs.file, Record: "pool", Field: "as_of", Reason: "missing: give the date the proposal is made for"})
	}
	ids := func(n int, id func(int) string) map[string][]int {
		m := make(map[string][]int, n)
		for i := range n {
			m[id(i)] = append(m[id(i)], i)
		}
		return m
	}
	clientIdx := ids(len(cs.vals), func(i int) string { return cs.vals[i].ID })
	volIdx := ids(len(vs.vals), func(i int) string { return vs.vals[i].ID })
	dupSeen := make(map[string]int)
	var fe *matching.FieldError
	for _, err := range unjoin(pool.Validate()) {
		if !errors.As(err, &fe) {
			return matching.Pool{}, err // not an input problem
		}
		switch fe.Record {
		case "client":
			errs = append(errs, mapError(cs, clientIdx, "clients", fe, dupSeen)...)
		case "volunteer":
			errs = append(errs, mapError(vs, volIdx, "volunteers", fe, dupSeen)...)
		default:
			if fe.Field == "as_of" && asOf.IsZero() {
				continue // reported above
			}
			errs = append(errs, &Error{File: cs.file, Record: fe.Record, ID: fe.ID, Field: fe.Field, Reason: fe.Reason})
		}
	}
	if len(errs) == 0 {
		return pool, nil
	}
	return matching.Pool{}, sortErrors(cs.file, errs)
}

// mapError turns one of the library's field errors into errors located in the file. The library names a record by
// its ID, or by its position ("clients[3]") when the ID is missing or unusable. A duplicated ID is reported on each
// repeated record in turn; any other error of a duplicated ID names every record that has it.
func mapError[T any](r *records[T], byID map[string][]int, list string, fe *matching.FieldError, dupSeen map[string]int) []*Error {
	var idx []int
	var pos int
	if n, _ := fmt.Sscanf(fe.ID, list+"[%d]", &pos); n == 1 && pos >= 0 && pos < len(r.vals) {
		idx = []int{pos}
	} else {
		idx = byID[fe.ID]
	}
	if fe.Field == "id" && fe.Reason == "duplicate" && len(idx) > 1 {
		k := list + "\x00" + fe.ID
		dupSeen[k]++
		first, _, _ := r.locate(idx[0], "id")
		line, col, _ := r.locate(idx[min(dupSeen[k], len(idx)-1)], "id")
		return []*Error{{File: r.file, Line: line, Record: fe.Record, ID: fe.ID, Field: col,
			Reason: fmt.Sprintf("duplicate: the same ID is on line %d", first)}}
	}
	if len(idx) == 0 {
		return []*Error{{File: r.file, Record: fe.Record, ID: fe.ID, Field: fe.Field, Reason: fe.Reason}}
	}
	var out []*Error
	for _, i := range idx {
		line, col, detail := r.locate(i, fe.Field)
		reason := fe.Reason
		if detail != "" {
			reason = detail + ": " + reason
		}
		out = append(out, &Error{File: r.file, Line: line, Record: fe.Record, ID: fe.ID, Field: col, Reason: reason})
	}
	return out
}

// sortErrors orders errors by file (the first file first) and line, and drops a second error for the same cell:
// a cell that did not parse is also empty to the validator.
func sortErrors(first string, errs []*Error) error {
	slices.SortStableFunc(errs, func(a, b *Error) int {
		if a.File != b.File {
			if a.File == first {
				return -1
			}
			if b.File == first {
				return 1
			}
			return strings.Compare(a.File, b.File)
		}
		return cmp.Compare(a.Line, b.Line)
	})
	type cell struct {
		file  string
		line  int
		field string
	}
	seen := make(map[cell]bool)
	var out []error
	for _, e := range errs {
		k := cell{e.File, e.Line, e.Field}
		if e.Line > 0 && seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, e)
	}
	return errors.Join(out...)
}

// unjoin returns the errors joined in err, or err alone.
func unjoin(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// lineAt returns the 1-based line of byte offset off in data.
func lineAt(data []byte, off int64) int {
	off = min(max(off, 0), int64(len(data)))
	return bytes.Count(data[:off], []byte{'\n'}) + 1
}

// safeName returns s if it is fit to appear in an error (a short code of letters, digits, '_', '-' and '.'),
// or "".
func safeName(s string) string {
	if s == "" || len(s) > 40 {
		return ""
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-' || r == '.') {
			return ""
		}
	}
	return s
}
