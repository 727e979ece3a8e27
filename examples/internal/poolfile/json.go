package poolfile

import (
	"bufio"
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/kontaktlab/kontakt/matching"
	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// jsonDoc is one JSON file being read: its bytes, for line numbers, and its decoder.
type jsonDoc struct {
	name string
	data []byte
	dec  *json.Decoder
}

func newJSONDoc(f File) (*jsonDoc, *Error) {
	data := bytes.TrimPrefix(f.Data, bom)
	if !utf8.Valid(data) {
		line := lineAt(data, int64(invalidUTF8(data)))
		return nil, &Error{File: f.Name, Line: line, Record: "file", Reason: "not valid UTF-8 (JSON files must be UTF-8)"}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	return &jsonDoc{name: f.Name, data: data, dec: dec}, nil
}

// syntaxError reports where the JSON stopped making sense, without quoting it.
func (d *jsonDoc) syntaxError(err error) *Error {
	off := d.dec.InputOffset()
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		off = syn.Offset
	}
	reason := "invalid JSON"
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		reason, off = "unexpected end of JSON", int64(len(d.data))
	}
	return &Error{File: d.name, Line: lineAt(d.data, off), Record: "file", Reason: reason}
}

// expect reads the delimiter want, or reports what it wanted.
func (d *jsonDoc) expect(want json.Delim, what string) *Error {
	tok, err := d.dec.Token()
	if err != nil {
		return d.syntaxError(err)
	}
	if tok != want {
		return &Error{File: d.name, Line: lineAt(d.data, d.dec.InputOffset()), Record: "file", Reason: "want " + what}
	}
	return nil
}

// next returns the offset at which the next value starts: after the separator and white space that follow the
// decoder's position.
func (d *jsonDoc) next() int64 {
	off := d.dec.InputOffset()
	for off < int64(len(d.data)) && strings.IndexByte(" \t\r\n,:", d.data[off]) >= 0 {
		off++
	}
	return off
}

// readArray reads a JSON array of records into r, each record on its own so that a bad one does not hide the
// next. It returns an error only if the array itself is not valid JSON.
func readArray[T any](d *jsonDoc, r *records[T]) *Error {
	if err := d.expect('[', "an array of "+r.record+"s"); err != nil {
		return err
	}
	type source struct {
		start int64
		raw   json.RawMessage
	}
	var srcs []source
	for d.dec.More() {
		start := d.next()
		var raw json.RawMessage
		if err := d.dec.Decode(&raw); err != nil {
			return d.syntaxError(err)
		}
		var v T
		if err := decodeStrict(raw, &v); err != nil {
			field, reason := describe(err, raw, func() any { return new(T) })
			off, _ := keyOffset(raw, topKey(field))
			r.add(lineAt(d.data, start+off), rawID(raw), field, reason) // lines are counted only for errors
			continue
		}
		r.vals = append(r.vals, v)
		srcs = append(srcs, source{start, raw})
	}
	if _, err := d.dec.Token(); err != nil { // the closing ]
		return d.syntaxError(err)
	}
	r.locate = func(i int, field string) (int, string, string) {
		s := srcs[i]
		off, _ := keyOffset(s.raw, topKey(field))
		return lineAt(d.data, s.start+off), field, ""
	}
	return nil
}

// readJSONArray reads a file holding one JSON array of clients or of volunteers.
func readJSONArray[T any](f File, record string) *records[T] {
	r := &records[T]{file: f.Name, record: record}
	d, err := newJSONDoc(f)
	if err == nil {
		err = readArray(d, r)
	}
	if err == nil {
		if _, tokErr := d.dec.Token(); tokErr != io.EOF {
			err = &Error{File: f.Name, Line: lineAt(d.data, d.dec.InputOffset()), Record: "file", Reason: "data after the array"}
		}
	}
	if err != nil {
		r.errs = append(r.errs, err)
		r.broken = true
	}
	return r
}

// readPoolJSON reads a pool file: {"as_of": "2026-08-17", "clients": [...], "volunteers": [...]}.
func readPoolJSON(f File) (*records[matching.Client], *records[matching.Volunteer], calendar.Date) {
	cs := &records[matching.Client]{file: f.Name, record: "client"}
	vs := &records[matching.Volunteer]{file: f.Name, record: "volunteer"}
	var asOf calendar.Date
	fail := func(err *Error) (*records[matching.Client], *records[matching.Volunteer], calendar.Date) {
		cs.errs, cs.broken = append(cs.errs, err), true
		return cs, vs, asOf
	}
	d, err := newJSONDoc(f)
	if err != nil {
		return fail(err)
	}
	if err := d.expect('{', `an object {"as_of", "clients", "volunteers"}`); err != nil {
		return fail(err)
	}
	for d.dec.More() {
		tok, tokErr := d.dec.Token()
		if tokErr != nil {
			return fail(d.syntaxError(tokErr))
		}
		line := lineAt(d.data, d.dec.InputOffset())
		switch key, _ := tok.(string); key {
		case "as_of":
			var s string
			if err := d.dec.Decode(&s); err != nil {
				return fail(d.syntaxError(err))
			}
			if asOf, tokErr = calendar.ParseDate(s); tokErr != nil {
				cs.add(line, "", "as_of", "not a date (YYYY-MM-DD)")
			}
		case "clients":
			if err := readArray(d, cs); err != nil {
				return fail(err)
			}
		case "volunteers":
			if err := readArray(d, vs); err != nil {
				return fail(err)
			}
		default:
			var skip json.RawMessage
			if err := d.dec.Decode(&skip); err != nil {
				return fail(d.syntaxError(err))
			}
			cs.add(line, "", safeName(key), "unknown field")
		}
	}
	if _, err := d.dec.Token(); err != nil {
		return fail(d.syntaxError(err))
	}
	if _, err := d.dec.Token(); err != io.EOF {
		return fail(&Error{File: f.Name, Line: lineAt(d.data, d.dec.InputOffset()), Record: "file", Reason: "data after the pool"})
	}
	if cs.locate == nil {
		cs.locate = func(_ int, field string) (int, string, string) { return 0, field, "" }
	}
	if vs.locate == nil {
		vs.locate = func(_ int, field string) (int, string, string) { return 0, field, "" }
	}
	return cs, vs, asOf
}

func decodeStrict(raw []byte, v any) error {
	if bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
		return errNull
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

var errNull = errors.New("null record")

// describe says which field of a record failed to decode and why, without repeating its value. encoding/json
// names the field of a type error but not of a value that its own parser (a date, a code) rejected; for those,
// describe decodes the record's fields one at a time to find the first that fails.
func describe(err error, raw []byte, fresh func() any) (field, reason string) {
	var (
		typ  *json.UnmarshalTypeError
		code *matching.FieldError
		pe   *calendar.ParseError
		we   *calendar.WindowError
	)
	switch {
	case errors.Is(err, errNull):
		return "", "null instead of a record"
	case errors.As(err, &typ):
		return typ.Field, "want " + jsonKind(typ.Type)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return safeName(name), "unknown field"
	}
	reason = "cannot be decoded"
	switch {
	case errors.As(err, &code):
		reason = code.Reason
	case errors.As(err, &we):
		reason = "invalid window (" + we.Field + ")"
		if we.Err == nil {
			reason = "invalid window: " + we.Reason
		}
	case errors.As(err, &pe):
		reason = "invalid " + pe.Type
		if pe.Type == "date" {
			reason = "not a date (YYYY-MM-DD)"
		}
	}
	return failingKey(raw, fresh), reason
}

// failingKey returns the first top-level key of the object raw whose value does not decode on its own.
func failingKey(raw []byte, fresh func() any) string {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return ""
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return ""
		}
		key, _ := tok.(string)
		var val json.RawMessage
		if dec.Decode(&val) != nil {
			return ""
		}
		one, _ := json.Marshal(map[string]json.RawMessage{key: val})
		if json.Unmarshal(one, fresh()) != nil {
			return safeName(key)
		}
	}
	return ""
}

// keyOffset returns the offset in the object raw of its top-level key, or 0 and false.
func keyOffset(raw []byte, key string) (int64, bool) {
	if key == "" {
		return 0, false
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return 0, false
	}
	for dec.More() {
		off := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return 0, false
		}
		if tok == key {
			for off < int64(len(raw)) && strings.IndexByte(" \t\r\n,", raw[off]) >= 0 {
				off++
			}
			return off, true
		}
		var skip json.RawMessage
		if dec.Decode(&skip) != nil {
			return 0, false
		}
	}
	return 0, false
}

// topKey returns the top-level key of a field path: "availability" for "availability[2].end".
func topKey(field string) string {
	if i := strings.IndexAny(field, ".["); i >= 0 {
		return field[:i]
	}
	return field
}

// rawID returns the record's "id" if it is fit to appear in an error.
func rawID(raw []byte) string {
	var x struct {
		ID string `json:"id"`
	}
	if json.Unmarshal(raw, &x) != nil {
		return ""
	}
	return safeID(x.ID)
}

// safeID returns id if it is fit to appear in an error: short and printable.
func safeID(id string) string {
	if len(id) > 64 {
		return ""
	}
	for _, r := range id {
		if r < ' ' || r == utf8.RuneError || r == 0x7f {
			return ""
		}
	}
	return id
}

func jsonKind(t reflect.Type) string {
	if t == nil {
		return "another type"
	}
	if reflect.PointerTo(t).Implements(reflect.TypeFor[encoding.TextUnmarshaler]()) {
		return "a string"
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number in range"
	}
	return fmt.Sprintf("a %s", t.Kind())
}

// WritePoolJSON writes p as one JSON file in the form LoadPool (and matching.DecodePool) reads, one record per line,
// so that a line number names a record.
func WritePoolJSON(w io.Writer, p matching.Pool) error {
	bw := bufio.NewWriter(w)
	asOf, err := json.Marshal(p.AsOf)
	if err != nil {
		return err
	}
	fmt.Fprintf(bw, "{\"as_of\": %s,\n\"clients\": [\n", asOf)
	if err := writeLines(bw, p.Clients); err != nil {
		return err
	}
	bw.WriteString("],\n\"volunteers\": [\n")
	if err := writeLines(bw, p.Volunteers); err != nil {
		return err
	}
	bw.WriteString("]}\n")
	return bw.Flush()
}

func writeLines[T any](w *bufio.Writer, xs []T) error {
	for i := range xs {
		b, err := json.Marshal(xs[i])
		if err != nil {
			return err
		}
		w.Write(b)
		if i < len(xs)-1 {
			w.WriteByte(',')
		}
		w.WriteByte('\n')
	}
	return nil
}
