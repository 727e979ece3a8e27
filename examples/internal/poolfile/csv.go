package poolfile

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/kontaktlab/kontakt/matching"
)

// readCSV reads a clients or volunteers CSV file: it decodes the text, sniffs the separator, checks the header
// against cols, and parses every cell, reporting each bad cell with its line and column.
func readCSV[T any](f File, enc Encoding, record string, cols []column[T]) *records[T] {
	r := &records[T]{file: f.Name, record: record}
	fail := func(line int, field, reason string) *records[T] {
		r.errs = append(r.errs, &Error{File: f.Name, Line: line, Record: "file", Field: field, Reason: reason})
		r.broken = true
		return r
	}
	data := f.Data
	switch enc {
	case UTF8, "":
		data = bytes.TrimPrefix(data, bom)
		if i := invalidUTF8(data); i >= 0 {
			return fail(lineAt(data, int64(i)), "", `not valid UTF-8; if the file was saved as Excel's "CSV (semikolonavgränsad)", `+
				"it is probably Windows-1252: try -encoding windows-1252")
		}
	case Windows1252:
		data = fromWindows1252(data)
	default:
		return fail(0, "", "unknown encoding (want utf-8 or windows-1252)")
	}

	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = sniffComma(data)
	header, err := cr.Read()
	if err != nil {
		if err == io.EOF {
			return fail(1, "", "empty file: want a header line naming the columns")
		}
		return fail(1, "", "the header line is not valid CSV")
	}
	pos, ok := checkHeader(r, header, cols)
	if !ok {
		r.broken = true
		return r
	}

	cr.FieldsPerRecord = len(header)
	var lines []int
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			reason, line := "not valid CSV", 0
			if errors.As(err, &pe) {
				line = pe.StartLine
				if errors.Is(pe.Err, csv.ErrFieldCount) {
					reason = fmt.Sprintf("%d fields, but the header has %d", len(rec), len(header))
				} else {
					reason = "not valid CSV: " + pe.Err.Error()
				}
			}
			r.add(line, "", "", reason)
			continue
		}
		line, _ := cr.FieldPos(0)
		var v T
		id := ""
		if p, ok := pos["id"]; ok {
			id = safeID(strings.TrimSpace(rec[p]))
		}
		for _, c := range cols {
			p, ok := pos[c.name]
			if !ok {
				continue
			}
			if s := strings.TrimSpace(rec[p]); s != "" {
				if err := c.set(&v, s); err != nil {
					r.add(line, id, c.name, err.Error())
				}
			}
		}
		r.vals = append(r.vals, v)
		lines = append(lines, line)
	}
	r.locate = func(i int, field string) (int, string, string) {
		name, detail := columnFor(cols, field)
		return lines[i], name, detail
	}
	return r
}

// checkHeader maps each column of the header to its position, and reports unknown, repeated and missing columns.
func checkHeader[T any](r *records[T], header []string, cols []column[T]) (map[string]int, bool) {
	known := make(map[string]bool, len(cols))
	for _, c := range cols {
		known[c.name] = true
	}
	pos := make(map[string]int, len(header))
	bad := func(name, reason string) {
		r.errs = append(r.errs, &Error{File: r.file, Line: 1, Record: "file", Field: "column " + name, Reason: reason})
	}
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(h))
		show := safeName(name)
		if show == "" {
			show = fmt.Sprintf("%d", i+1)
		}
		switch _, seen := pos[name]; {
		case !known[name]:
			bad(show, unknownColumn(name, r.record, cols))
		case seen:
			bad(show, "listed twice")
		default:
			pos[name] = i
		}
	}
	for _, c := range cols {
		if _, ok := pos[c.name]; c.required && !ok {
			bad(c.name, "missing (required)")
		}
	}
	return pos, len(r.errs) == 0
}

// unknownColumn suggests the column meant, if one differs only in case, spaces, '-' or '_', or lists them all.
func unknownColumn[T any](name, record string, cols []column[T]) string {
	squash := strings.NewReplacer("_", "", "-", "", " ", "")
	for _, c := range cols {
		if squash.Replace(c.name) == squash.Replace(name) {
			return fmt.Sprintf("unknown column (did you mean %s?)", c.name)
		}
	}
	return fmt.Sprintf("unknown column; a %s file has: %s", record, columnList(cols))
}

func columnList[T any](cols []column[T]) string {
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.name
	}
	return strings.Join(names, ", ")
}

func writeCSV[T any](w io.Writer, cols []column[T], vals []T) error {
	cw := csv.NewWriter(w)
	row := make([]string, len(cols))
	for i, c := range cols {
		row[i] = c.name
	}
	if err := cw.Write(row); err != nil {
		return err
	}
	for i := range vals {
		for j, c := range cols {
			row[j] = c.get(&vals[i])
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteClientsCSV writes clients as a comma-separated UTF-8 CSV file with a header line, in the form Load reads.
func WriteClientsCSV(w io.Writer, clients []matching.Client) error {
	return writeCSV(w, clientColumns, clients)
}

// WriteVolunteersCSV writes volunteers as a comma-separated UTF-8 CSV file with a header line, in the form Load
// reads.
func WriteVolunteersCSV(w io.Writer, volunteers []matching.Volunteer) error {
	return writeCSV(w, volunteerColumns, volunteers)
}
